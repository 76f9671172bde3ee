package io.newsarchive.opensearch;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * The newest publication time in an index, the origin of the recency boost: a {@code max}
 * aggregation, kept for {@link #FRESHNESS}, the refresh interval of an OpenSearch index, after
 * which newly ingested articles may be visible and the next search asks again. Thread-safe:
 * concurrent searches may both ask, and either answer is kept.
 */
final class NewestPublished {

  /** How long an answer is used: OpenSearch's default refresh interval. */
  static final Duration FRESHNESS = Duration.ofSeconds(1);

  private static final String NEWEST = "newest";

  private final OpenSearchClient client;
  private final String index;
  private final AtomicReference<Answer> last = new AtomicReference<>();

  private record Answer(long millis, long askedNanos) {}

  NewestPublished(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /**
   * The newest publication time in epoch milliseconds, or 0 when no article has a date (as the
   * local index's date span reports).
   *
   * @throws IOException when the cluster cannot answer
   */
  long millis() throws IOException {
    Answer answer = last.get();
    long now = System.nanoTime();
    if (answer != null && now - answer.askedNanos() < FRESHNESS.toNanos()) {
      return answer.millis();
    }
    SearchResponse<Void> response =
        client.search(
            s ->
                s.index(index)
                    .size(0)
                    .aggregations(NEWEST, a -> a.max(m -> m.field(ArticleFields.PUBLISHED))),
            Void.class);
    Aggregate max = response.aggregations().get(NEWEST);
    Double value = max.max().value();
    long millis = value == null || value.isInfinite() ? 0 : value.longValue();
    last.set(new Answer(millis, now));
    return millis;
  }
}
