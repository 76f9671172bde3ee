package io.newsarchive.ingest;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Locates test fixtures and drains sources into lists. */
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

  /** Every article of a source, which is closed afterwards. */
  static List<Article> readAll(ArticleSource source) throws IOException {
    try (source) {
      List<Article> articles = new ArrayList<>();
      for (Optional<Article> next = source.next(); next.isPresent(); next = source.next()) {
        articles.add(next.get());
      }
      return articles;
    }
  }
}
