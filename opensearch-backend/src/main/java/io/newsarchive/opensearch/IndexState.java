package io.newsarchive.opensearch;

import java.io.IOException;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.indices.IndicesStatsResponse;

/**
 * What tells one version of an OpenSearch index from the next, as a local index version tells its
 * commits apart: the primaries' document, indexing and refresh counts, which change whenever an
 * article is written to or deleted from the index and made visible. What is read once per index
 * version (canonical names, languages) is read again when this changes. Stateless.
 */
final class IndexState {

  private IndexState() {}

  /**
   * The state of {@code index} now, a text equal for two asks only if nothing changed between.
   *
   * @throws IOException when the cluster cannot answer
   */
  static String of(OpenSearchClient client, String index) throws IOException {
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
