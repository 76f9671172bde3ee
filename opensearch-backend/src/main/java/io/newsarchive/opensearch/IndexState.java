package io.newsarchive.opensearch;

import java.io.IOException;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.indices.IndicesStatsResponse;

/**
 * What tells one version of an OpenSearch index from the next, as a local index version tells its
 * commits apart: the primaries' document, indexing and refresh counts, which change whenever an
 * article is written to or deleted from the index and made visible. What is read once per index
 * version (canonical names, languages) is read again when this changes. It is asked of the cluster
 * at most once per {@link NewestPublished#FRESHNESS}, whoever asks; meanwhile the last answer
 * stands. Thread-safe: one thread asks while the others wait for its answer.
 */
final class IndexState {

  private final OpenSearchClient client;
  private final String index;
  private String state;
  private long askedNanos;

  IndexState(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /**
   * The state of the index as of the last ask, a text equal for two asks only if nothing changed
   * between.
   *
   * @throws IOException when the cluster cannot answer
   */
  synchronized String current() throws IOException {
    long now = System.nanoTime();
    if (state == null || now - askedNanos >= NewestPublished.FRESHNESS.toNanos()) {
      state = ask();
      askedNanos = now;
    }
    return state;
  }

  private String ask() throws IOException {
    IndicesStatsResponse stats = client.indices().stats(s -> s.index(index));
    var primaries = stats.indices().get(index).primaries();
    return primaries.docs().count()
        + "/"
        + primaries.docs().deleted()
        + "/"
        + primaries.indexing().indexTotal()
        + "/"
        + primaries.indexing().deleteTotal()
        + "/"
        + primaries.refresh().total();
  }
}
