package io.newsarchive.server.web;

import io.javalin.Javalin;
import io.newsarchive.article.Article;
import io.newsarchive.cli.NewsArchiveCommand;
import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.server.SearchServer;
import io.newsarchive.server.ServerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The real app on a random loopback port over an index that {@code newsarchive index} (with its
 * bundled named-entity model) builds from the seed article and Reuters-21578 in ../shared, plus one
 * article with markup in its text.
 */
final class ArchiveUnderTest implements AutoCloseable {

  /** A word found only in {@link #hostileArticle()}, to search for it. */
  static final String HOSTILE_WORD = "zqxhostile";

  private static final Path SEED = Path.of("..", "data", "sample", "kayhan-83245.txt");

  private final ArticleSearcher searcher;
  private final Javalin app;

  private ArchiveUnderTest(ArticleSearcher searcher, Javalin app) {
    this.searcher = searcher;
    this.app = app;
  }

  /** Why the archive cannot be built here, or empty when its inputs are all present. */
  static String missingInputs() {
    Path reuters = reutersFolder();
    return Files.isDirectory(reuters)
        ? ""
        : reuters + " is absent: skipping the tests that need the Reuters-21578 corpus";
  }

  private static Path reutersFolder() {
    Path shared = Path.of(System.getProperty("newsarchive.shared", "../shared"));
    return shared.resolve("corpora").resolve("reuters21578");
  }

  /**
   * Indexes the seed, Reuters-21578 and one article with markup in its text into {@code indexDir},
   * then starts the server.
   *
   * @throws IllegalStateException when the corpus is absent (see {@link #missingInputs()})
   */
  static ArchiveUnderTest start(Path indexDir) throws IOException {
    Path reuters = reutersFolder();
    if (!Files.isDirectory(reuters)) {
      throw new IllegalStateException(missingInputs());
    }
    List<String> args =
        new ArrayList<>(List.of("index", "--index", indexDir.toString(), "--progress", "never"));
    args.add(SEED.toString());
    // Only the 22 SGML files: the corpus folder also holds its README and category lists.
    try (Stream<Path> files = Files.list(reuters)) {
      files
          .map(Path::toString)
          .filter(name -> name.matches(".*reut2-\\d{3}\\.sgm"))
          .sorted()
          .forEach(args::add);
    }
    StringWriter log = new StringWriter();
    int exit =
        new CommandLine(new NewsArchiveCommand())
            .setOut(new PrintWriter(log, true))
            .setErr(new PrintWriter(log, true))
            .execute(args.toArray(String[]::new));
    if (exit != 0) {
      throw new IllegalStateException("newsarchive index exited with " + exit + ":\n" + log);
    }
    try (ArticleIndexer indexer = ArticleIndexer.open(indexDir)) {
      if (indexer.documentCount() != 21_579) {
        throw new IllegalStateException(
            "expected the seed and 21,578 Reuters articles, found "
                + indexer.documentCount()
                + ":\n"
                + log);
      }
      indexer.upsert(hostileArticle());
    }
    ArticleSearcher searcher = ArticleSearcher.open(indexDir, SearcherOptions.DEFAULTS);
    try {
      Javalin app = SearchServer.create(searcher, new ServerConfig("127.0.0.1", 0)).start();
      return new ArchiveUnderTest(searcher, app);
    } catch (RuntimeException e) {
      searcher.close();
      throw e;
    }
  }

  /** The page's address, ending in a slash. */
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
