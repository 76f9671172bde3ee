package io.newsarchive.server.web;

import io.javalin.Javalin;
import io.newsarchive.article.Article;
import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.server.SearchServer;
import io.newsarchive.server.ServerOptions;
import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The real app on a random loopback port over a copy of the shared Reuters-21578 index (the seed
 * article and the corpus, indexed by {@code newsarchive index} with its bundled named-entity model;
 * see {@link ReutersIndex}), plus one article with markup in its text.
 */
final class ArchiveUnderTest implements AutoCloseable {

  /** A word found only in {@link #hostileArticle()}, to search for it. */
  static final String HOSTILE_WORD = "zqxhostile";

  private final ArticleSearcher searcher;
  private final Javalin app;

  private ArchiveUnderTest(ArticleSearcher searcher, Javalin app) {
    this.searcher = searcher;
    this.app = app;
  }

  /**
   * Copies the shared Reuters-21578 index into {@code indexDir}, adds one article with markup in
   * its text, then starts the server. Skips the calling test, or fails it with {@code CI=true},
   * when the corpus is absent.
   */
  static ArchiveUnderTest start(Path indexDir) throws IOException {
    return start(indexDir, List.of());
  }

  /** Like {@link #start(Path)}, with {@code extra} articles added as well. */
  static ArchiveUnderTest start(Path indexDir, List<Article> extra) throws IOException {
    ReutersIndex.get().copyTo(indexDir);
    try (ArticleIndexer indexer = ArticleIndexer.open(indexDir)) {
      if (indexer.documentCount() != ReutersIndex.ARTICLES) {
        throw new IllegalStateException(
            "expected the seed and 21,578 Reuters articles, found " + indexer.documentCount());
      }
      indexer.upsert(hostileArticle());
      indexer.upsert(extra);
    }
    ArticleSearcher searcher = ArticleSearcher.open(indexDir, SearcherOptions.DEFAULTS);
    try {
      Javalin app = SearchServer.create(searcher, new ServerOptions("127.0.0.1", 0)).start();
      return new ArchiveUnderTest(searcher, app);
    } catch (RuntimeException e) {
      searcher.close();
      throw e;
    }
  }

  /** The page's address, ending in a slash. */
  /**
   * Waits until the suggester, built in the background after the index opens, offers {@code text}
   * for {@code prefix}.
   */
  void awaitSuggestion(String prefix, String text) throws IOException, InterruptedException {
    long end = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    while (searcher.suggest(prefix, 10).stream().noneMatch(s -> s.text().equals(text))) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("no suggestion '" + text + "' for '" + prefix + "'");
      }
      Thread.sleep(50);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + app.port() + "/";
  }

  @Override
  public void close() throws IOException {
    app.stop();
    searcher.close();
  }

  /** An article whose title and body hold markup, as a hostile or careless feed might send. */
  private static Article hostileArticle() {
    return Article.builder()
        .source("example.org")
        .sourceId("markup-1")
        .title("<img src=x onerror=\"window.hostileRan=true\"> " + HOSTILE_WORD + " & <b>bold</b>")
        .body(
            "A story about "
                + HOSTILE_WORD
                + " <script>window.hostileRan=true</script> in Paris, says Reuters.")
        .published(Instant.parse("1987-06-01T12:00:00Z"), "1 June 1987")
        .language("en")
        .build();
  }
}
