package io.newsarchive.opensearch;

import java.io.IOException;
import java.util.stream.Collectors;
import org.opensearch.client.opensearch._types.ShardStatistics;

/** What every answer from the cluster must satisfy before it is used. */
final class OpenSearchResponses {

  private OpenSearchResponses() {}

  /**
   * Returns normally when every shard answered.
   *
   * @throws IOException when a shard failed, naming the reasons: a partial answer would give counts
   *     that look exact but are not
   */
  static void requireAllShards(ShardStatistics shards) throws IOException {
    if (shards.failed() > 0) {
      throw new IOException(
          shards.failed()
              + " of "
              + shards.total()
              + " OpenSearch shards failed to answer: "
              + shards.failures().stream()
                  .map(failure -> failure.reason().reason())
                  .distinct()
                  .limit(3)
                  .collect(Collectors.joining("; ")));
    }
  }
}
