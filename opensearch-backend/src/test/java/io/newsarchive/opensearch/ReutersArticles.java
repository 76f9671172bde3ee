package io.newsarchive.opensearch;

import io.newsarchive.article.Article;
import io.newsarchive.ingest.IngestListener;
import io.newsarchive.ingest.Rejection;
import io.newsarchive.ingest.ReutersSgmlReader;
import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Real articles for the OpenSearch tests: the first records of Reuters-21578's {@code
 * reut2-000.sgm}, read by the project's reader. The calling test is skipped when the shared corpora
 * are missing, or fails with {@code CI=true}.
 */
final class ReutersArticles {

  private ReutersArticles() {}

  /**
   * The first {@code count} articles of {@code reut2-000.sgm}.
   *
   * @throws IllegalStateException when the reader rejects one of them
   */
  static List<Article> first(int count) throws IOException {
    Path file = SharedCorpora.require("corpora/reuters21578/reut2-000.sgm");
    List<Article> articles = new ArrayList<>();
    try (ReutersSgmlReader reader = ReutersSgmlReader.open(file, new Strict())) {
      Optional<Article> next;
      while (articles.size() < count && (next = reader.next()).isPresent()) {
        articles.add(next.get());
      }
    }
    return List.copyOf(articles);
  }

  /** Fails on a rejected record; a warning is a repaired record (an odd date), still usable. */
  private static final class Strict implements IngestListener {

    @Override
    public void rejected(Rejection rejection) {
      throw new IllegalStateException("the Reuters reader rejected a record: " + rejection);
    }

    @Override
    public void warned(Rejection warning) {}
  }
}
