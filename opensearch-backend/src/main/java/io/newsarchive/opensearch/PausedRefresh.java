package io.newsarchive.opensearch;

import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.Optional;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.Time;
import org.opensearch.client.opensearch.indices.IndexSettings;

/**
 * An index whose periodic refresh is turned off while an ingest writes it, to be set back when the
 * ingest ends. Refreshing every second while writing made a small segment a second for the node to
 * merge, and cost it twice the CPU of an ingest that refreshes only when it commits. An interval of
 * -1 found when pausing is taken for one left by an ingest that did not end normally, and is not
 * kept: {@link #restore()} then sets OpenSearch's default.
 *
 * <p>Immutable and thread-safe.
 */
final class PausedRefresh {

  /** The refresh interval that turns periodic refreshes off. */
  private static final String OFF = "-1";

  private static final String SETTING = "index.refresh_interval";

  private final OpenSearchConnection connection;
  private final String index;
  private final Backoff backoff;
  private final Optional<Time> previous;

  private PausedRefresh(
      OpenSearchConnection connection, String index, Backoff backoff, Optional<Time> previous) {
    this.connection = connection;
    this.index = index;
    this.backoff = backoff;
    this.previous = previous;
  }

  /**
   * Turns the periodic refresh of {@code index} off, remembering the interval it had.
   *
   * @throws IOException when the cluster cannot be reached or refuses the setting
   */
  static PausedRefresh pause(OpenSearchConnection connection, String index, Backoff backoff)
      throws IOException {
    IndexSettings settings =
        backoff
            .send(
                "read the settings of index " + index,
                connection.nodes(),
                () -> connection.client().indices().getSettings(g -> g.index(index)))
            .get(index)
            .settings();
    Time interval = settings.refreshInterval();
    if (interval == null && settings.index() != null) {
      interval = settings.index().refreshInterval();
    }
    boolean off = interval != null && interval.isTime() && OFF.equals(interval.time());
    PausedRefresh paused =
        new PausedRefresh(
            connection, index, backoff, off ? Optional.empty() : Optional.ofNullable(interval));
    paused.set(JsonData.of(OFF));
    return paused;
  }

  /**
   * Sets the refresh interval back to the one the index had, or to OpenSearch's default when it had
   * none of its own.
   *
   * @throws IOException when the cluster cannot be reached or refuses the setting
   */
  void restore() throws IOException {
    set(previous.map(JsonData::of).orElseGet(() -> JsonData.of(JsonValue.NULL)));
  }

  private void set(JsonData interval) throws IOException {
    backoff.send(
        "set the refresh interval of index " + index,
        connection.nodes(),
        () ->
            connection
                .client()
                .indices()
                .putSettings(
                    p -> p.index(index).settings(s -> s.customSettings(SETTING, interval))));
  }
}
