package io.newsarchive.ingest;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Locates test fixtures and drains readers into lists. */
final class Fixtures {
  private Fixtures() {}

  /** A file under {@code src/test/resources/fixtures/}. */
  static Path fixture(String relative) {
    URL url = Fixtures.class.getResource("/fixtures/" + relative);
    if (url == null) {
      throw new IllegalStateException("missing test fixture " + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every article of a reader, which is closed afterwards. */
  static List<Article> readAll(ArticleReader reader) throws IOException {
    try (reader) {
      List<Article> articles = new ArrayList<>();
      for (Optional<Article> next = reader.next(); next.isPresent(); next = reader.next()) {
        articles.add(next.get());
      }
      return articles;
    }
  }
}
