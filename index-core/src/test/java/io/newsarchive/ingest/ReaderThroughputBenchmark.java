package io.newsarchive.ingest;

import io.newsarchive.article.Article;
import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints how fast each reader turns the real corpora into articles. Not part of the default test
 * run (surefire only picks up {@code *Test} classes); run it with {@code ./mvnw -pl index-core test
 * -Dtest=ReaderThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReaderThroughputBenchmark {

  private static final int ROUNDS = 3;
  private static final int KAYHAN_COPIES = 20_000;
  private static final int WARC_COPIES = 5_000;

  @TempDir Path dir;

  @Test
  void printsReadThroughputOfEachReader() throws IOException {
    Path reuters = SharedCorpora.require("corpora/reuters21578");
    Path rss = SharedCorpora.require("corpora/rss-news-2023/rss2023-news-en.jsonl.gz");
    Path kayhan = kayhanFile(SharedCorpora.require("seed/kayhan-83245.txt"));
    RecordingListener listener = new RecordingListener();

    measure("kayhan (seed x " + KAYHAN_COPIES + ")", List.of(kayhan), listener);
    List<InputFile> reutersFiles =
        InputFiles.discover(List.of(reuters), Optional.empty(), listener);
    measure("reuters21578", reutersFiles.stream().map(InputFile::path).toList(), listener);
    measure("rss-news-2023 (.gz)", List.of(rss), listener);
    measure("warc (fixture x " + WARC_COPIES + ", .gz)", List.of(warcFile()), listener);
  }

  /** The WARC fixture's gzip records repeated: 3 HTML articles and 5 other records per copy. */
  private Path warcFile() throws IOException {
    byte[] records = Files.readAllBytes(Fixtures.fixture("warc/news.warc.gz"));
    Path file = dir.resolve("many.warc.gz");
    try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i < WARC_COPIES; i++) {
        out.write(records);
      }
    }
    return file;
  }

  /** The seed article repeated with distinct News IDs, as one multi-article file. */
  private Path kayhanFile(Path seed) throws IOException {
    String article = Files.readString(seed, StandardCharsets.UTF_8);
    Path file = dir.resolve("kayhan-many.txt");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < KAYHAN_COPIES; i++) {
        out.write(article.replace("News ID: 83245", "News ID: " + (100_000 + i)));
        out.write("\n\n");
      }
    }
    return file;
  }

  private static void measure(String name, List<Path> files, IngestListener listener)
      throws IOException {
    long bytes = 0;
    for (Path file : files) {
      bytes += Files.size(file);
    }
    double best = Double.MAX_VALUE;
    long articles = 0;
    long chars = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      articles = 0;
      chars = 0;
      for (Path file : files) {
        InputFormat format = InputFormat.detect(file).orElseThrow();
        try (ArticleReader reader = format.open(file, ReadOptions.defaults(), listener)) {
          for (Optional<Article> a = reader.next(); a.isPresent(); a = reader.next()) {
            articles++;
            chars += a.get().body().length();
          }
        }
      }
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    System.out.printf(
        "%-28s %8d articles  %7.1f MB on disk  best of %d: %6.2f s  %9.0f articles/s  %6.1f MB/s"
            + "  (%d body chars)%n",
        name, articles, bytes / 1e6, ROUNDS, best, articles / best, bytes / 1e6 / best, chars);
  }
}
