package io.newsarchive.opensearch;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;

/**
 * Articles written straight into an index of {@link OpenSearchSchema} as {@link ArticleSource}
 * documents, without the ingest's upsert, for the tests that compare the two backends over the same
 * articles.
 */
public final class ArticleBulk {

  /** Articles per bulk request. */
  private static final int PER_REQUEST = 500;

  private ArticleBulk() {}

  /**
   * Indexes {@code articles} into {@code index}, each under its id, and makes them searchable.
   *
   * @throws IllegalStateException when the cluster refuses any of them
   */
  public static void add(OpenSearchClient client, String index, List<Article> articles)
      throws IOException {
    for (int start = 0; start < articles.size(); start += PER_REQUEST) {
      List<BulkOperation> operations = new ArrayList<>();
      for (Article article :
          articles.subList(start, Math.min(articles.size(), start + PER_REQUEST))) {
        Map<String, Object> source = ArticleSource.toSource(article);
        operations.add(BulkOperation.of(o -> o.index(i -> i.id(article.id()).document(source))));
      }
      BulkResponse response = client.bulk(b -> b.index(index).operations(operations));
      if (response.errors()) {
        throw new IllegalStateException(
            "bulk request refused: "
                + response.items().stream()
                    .filter(item -> item.error() != null)
                    .map(item -> item.id() + ": " + item.error().reason())
                    .limit(5)
                    .toList());
      }
    }
    client.indices().refresh(r -> r.index(index));
  }
}
