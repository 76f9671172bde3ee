package io.newsarchive.server.web;

import io.javalin.Javalin;
import io.newsarchive.article.Article;
import io.newsarchive.entities.EntityExtractor;
import io.newsarchive.entities.NamedEntityExtractor;
import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.index.IngestInput;
import io.newsarchive.index.IngestPipeline;
import io.newsarchive.index.IngestProgress;
import io.newsarchive.index.IngestSettings;
import io.newsarchive.ingest.ArticleSource;
import io.newsarchive.ingest.IngestListener;
import io.newsarchive.ingest.ReadOptions;
import io.newsarchive.ingest.Rejection;
import io.newsarchive.ingest.SourceFormat;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.server.SearchServer;
import io.newsarchive.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real app on a random loopback port over an index that the real readers, the bundled
 * named-entity model and the ingest pipeline build from the seed article and Reuters-21578.
 */
final class ArchiveUnderTest implements AutoCloseable {

  /** A word found only in {@link #hostileArticle()}, to search for it. */
  static final String HOSTILE_WORD = "zqxhostile";

  private static final Path SEED = Path.of("..", "data", "kayhan-83245.txt");

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
    List<FileInput> inputs = new ArrayList<>();
    inputs.add(new FileInput(SEED, SourceFormat.KAYHAN_TEXT));
    try (Stream<Path> files = Files.list(reuters)) {
      files
          .filter(f -> f.getFileName().toString().matches("reut2-\\d{3}\\.sgm"))
          .sorted()
          .forEach(f -> inputs.add(new FileInput(f, SourceFormat.REUTERS_SGML)));
    }
    EntityExtractor extractor = NamedEntityExtractor.loadDefault();
    try (ArticleIndexer indexer = ArticleIndexer.open(indexDir)) {
      IngestSettings settings = IngestSettings.defaults(extractor);
      IngestProgress done =
          new IngestPipeline(indexer, settings).run(inputs, new CountingListener(), p -> {});
      if (done.filesDone() != inputs.size() || done.indexed() < 20_000) {
        throw new IllegalStateException("the test corpus did not index fully: " + done);
      }
      Article hostile = hostileArticle();
      indexer.upsert(hostile.withEntities(extractor.extract(hostile.title(), hostile.body())));
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

  /** One input file and its format. */
  private record FileInput(Path path, SourceFormat format) implements IngestInput {

    @Override
    public long bytes() {
      try {
        return Files.size(path);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public ArticleSource open(IngestListener listener) throws IOException {
      return format.open(path, ReadOptions.defaults(), listener);
    }
  }

  /**
   * Accepts the reader's reports: Reuters-21578 has a few records with neither title nor body,
   * which are rightly skipped; the fixture checks the counts instead.
   */
  private static final class CountingListener implements IngestListener {
    @Override
    public void rejected(Rejection rejection) {}

    @Override
    public void warned(Rejection warning) {}
  }
}
