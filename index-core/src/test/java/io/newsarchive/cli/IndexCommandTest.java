package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.testing.Repository;
import io.newsarchive.testing.ReutersIndex;
import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCommandTest {

  @TempDir Path temp;

  private CliRun index(String... args) {
    return CliRun.run(new IndexCommand(), args);
  }

  private static Article storedArticle(Path index, String id) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs top = searcher.search(new TermQuery(new Term(ArticleFields.ID, id)), 2);
      assertThat(top.totalHits.value()).as("documents with id %s", id).isEqualTo(1);
      return ArticleDocuments.article(reader, top.scoreDocs[0].doc);
    }
  }

  private static int documentCount(Path index) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      return reader.numDocs();
    }
  }

  @Test
  void bundledSeedArticleIsIndexedExactly() throws IOException {
    Path index = temp.resolve("index");
    CliRun run = index("--index", index.toString(), Repository.sample().toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("read 1,", "added 1,", "rejected 0,");
    Article seed = storedArticle(index, "kayhan.ir-83245");
    assertThat(seed.source()).isEqualTo("kayhan.ir");
    assertThat(seed.sourceId()).isEqualTo("83245");
    assertThat(seed.published())
        .isEqualTo(
            ZonedDateTime.of(2020, 9, 26, 21, 55, 0, 0, ZoneId.of("Asia/Tehran")).toInstant());
    assertThat(seed.title()).isEqualTo("Pompeo Threatens to ‘Liquidate’ Iraq’s Anti-Terror Groups");
    assertThat(seed.body()).startsWith("WASHINGTON (Dispatches) --");
  }

  @Test
  void secondRunOverTheSameInputAddsNothing() throws IOException {
    Path index = temp.resolve("index");
    String data = Repository.sample().toString();
    assertThat(index("--index", index.toString(), data).exitCode()).isZero();
    int before = documentCount(index);

    CliRun again = index("--index", index.toString(), data);

    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("added 0,", "updated 0,", "unchanged 1,");
    assertThat(documentCount(index)).isEqualTo(before).isEqualTo(1);
  }

  @Test
  void optimizeMergesEveryCommittedSegmentIntoOne() throws IOException {
    Path index = temp.resolve("index");
    List<String> inputs = new java.util.ArrayList<>();
    for (int run = 0; run < 3; run++) {
      Path input = temp.resolve("stories-" + run + ".jsonl");
      StringBuilder lines = stories(run * 10 + 1, run * 10 + 10);
      Files.writeString(input, lines, StandardCharsets.UTF_8);
      inputs.add(input.toString());
      CliRun written =
          index(
              "--index",
              index.toString(),
              "--entities",
              "none",
              "--merge-small",
              "0",
              input.toString());
      assertThat(written.exitCode()).as(written.err()).isZero();
      assertThat(written.out()).doesNotContain("Merged");
    }
    assertThat(segmentCount(index)).isEqualTo(3);

    CliRun merged =
        index(
            concat(
                new String[] {"--index", index.toString(), "--entities", "none", "--optimize"},
                inputs.toArray(String[]::new)));
    assertThat(merged.exitCode()).as(merged.err()).isZero();
    assertThat(merged.out()).contains("added 0,", "unchanged 30", "Merged 3 segments into one");
    assertThat(segmentCount(index)).isEqualTo(1);
    assertThat(documentCount(index)).isEqualTo(30);
  }

  @Test
  void eachRunMergesTheSmallSegmentsItLeavesIntoOne() throws IOException {
    Path index = temp.resolve("index");
    for (int run = 0; run < 3; run++) {
      Path input = temp.resolve("wire-" + run + ".jsonl");
      StringBuilder lines = stories(run * 10 + 1, run * 10 + 10);
      // The first article of the second run replaces one of the first run's.
      if (run == 1) {
        lines.append(
            "{\"id\":\"1\",\"source\":\"wire\",\"title\":\"Story 1, updated\",\"body\":"
                + "\"Grain story number 1, revised.\",\"published\":\"2023-01-02T10:00:00Z\"}\n");
      }
      Files.writeString(input, lines, StandardCharsets.UTF_8);
      CliRun result = index("--index", index.toString(), "--entities", "none", input.toString());
      assertThat(result.exitCode()).as(result.err()).isZero();
      // Each later run adds at least one segment and merges it with the one already there.
      if (run > 0) {
        assertThat(result.out()).containsPattern("Merged [2-9] small segments into one");
      }
      assertThat(segmentCount(index)).isEqualTo(1);
    }
    assertThat(documentCount(index)).isEqualTo(30);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      // The replaced article's old version is gone with its segment.
      assertThat(reader.maxDoc()).isEqualTo(30);
    }
  }

  @Test
  void workersTaggingEntitiesAddToOneSegment() throws IOException {
    Path index = temp.resolve("index");
    Path input = temp.resolve("wire.jsonl");
    Files.writeString(input, stories(1, 3_000), StandardCharsets.UTF_8);

    // Three workers tag at once; one of them adds at a time, so they fill one segment together.
    CliRun run =
        index(
            "--index", index.toString(), "--threads", "3", "--merge-small", "0", input.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("added 3,000,").doesNotContain("Merged");
    assertThat(segmentCount(index)).isEqualTo(1);
    assertThat(documentCount(index)).isEqualTo(3_000);
  }

  @Test
  void aNegativeSmallSegmentSizeIsRefused() {
    CliRun run =
        index(
            "--index",
            temp.resolve("index").toString(),
            "--merge-small",
            "-1",
            temp.resolve("none.jsonl").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--merge-small must be 0 or more, got -1");
  }

  /** JSON lines of the articles with ids {@code from} to {@code to}, one a day. */
  private static StringBuilder stories(int from, int to) {
    StringBuilder lines = new StringBuilder();
    for (int i = from; i <= to; i++) {
      lines.append(
          String.format(
              "{\"id\":\"%d\",\"source\":\"wire\",\"title\":\"Story %d\",\"body\":"
                  + "\"Grain story number %d.\",\"published\":\"2023-01-%02dT10:00:00Z\"}%n",
              i, i, i, 1 + i % 28));
    }
    return lines;
  }

  private static String[] concat(String[] first, String... rest) {
    String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
    System.arraycopy(rest, 0, all, first.length, rest.length);
    return all;
  }

  private static int segmentCount(Path index) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      return reader.leaves().size();
    }
  }

  @Test
  void malformedRecordIsRejectedWithItsPlaceAndTheRestIsIndexed() throws IOException {
    Path input = temp.resolve("export.jsonl");
    Files.writeString(
        input,
        """
        {"id":"1","source":"wire","title":"First story","body":"Text one.","published":"2023-01-02T10:00:00Z"}
        {"id":"2","source":"wire","title":"Broken
        {"id":"3","source":"wire","title":"Third story","body":"Text three.","published":"2023-01-03T10:00:00Z"}
        """,
        StandardCharsets.UTF_8);
    Path rejects = temp.resolve("rejects.jsonl");
    Path index = temp.resolve("index");

    CliRun run =
        index("--index", index.toString(), "--rejects", rejects.toString(), input.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .as("read = added + rejected")
        .contains("read 3,", "added 2,", "rejected 1,");
    assertThat(run.err()).contains("export.jsonl:2");
    List<String> lines = Files.readAllLines(rejects);
    assertThat(lines).hasSize(1);
    assertThat(lines.getFirst()).contains("\"kind\":\"rejected\"", "\"line\":2", "export.jsonl");
    assertThat(documentCount(index)).isEqualTo(2);
  }

  @Test
  void summaryCountsEqualTheLinesOfTheRejectsFile() throws IOException, URISyntaxException {
    Path input = Files.createDirectory(temp.resolve("input"));
    for (String fixture : List.of("kayhan/malformed-middle.txt", "reuters/mixed.sgm")) {
      Path file = Path.of(IndexCommandTest.class.getResource("/fixtures/" + fixture).toURI());
      Files.copy(file, input.resolve(file.getFileName()));
    }
    Files.writeString(input.resolve("README.md"), "Not an article.\n");
    Files.write(input.resolve("notes.bin"), new byte[] {0, 1, 2, 3, 4, 5});
    Path rejects = temp.resolve("rejects.jsonl");

    CliRun run =
        index(
            "--index",
            temp.resolve("index").toString(),
            "--entities",
            "none",
            "--rejects",
            rejects.toString(),
            input.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = Files.readAllLines(rejects);
    long rejected = lines.stream().filter(l -> l.contains("\"kind\":\"rejected\"")).count();
    long warnings = lines.stream().filter(l -> l.contains("\"kind\":\"warning\"")).count();
    assertThat(rejected).as("rejections: files and records").isGreaterThanOrEqualTo(2);
    assertThat(warnings).as("warnings: README.md at least").isGreaterThanOrEqualTo(1);
    assertThat(run.out())
        .contains(String.format("rejected %,d, warnings %,d ", rejected, warnings));
  }

  @Test
  void inputWithNothingReadableExitsWithAnError() throws IOException {
    Path input = temp.resolve("notes.bin");
    Files.write(input, new byte[] {0, 1, 2, 3, 4, 5});

    CliRun run = index("--index", temp.resolve("index").toString(), input.toString());

    assertThat(run.exitCode()).isEqualTo(IndexCommand.NOTHING_READ);
    assertThat(run.err()).contains("notes.bin").contains("no readable article files");
  }

  @Test
  void invalidOptionsAreRefusedWithAUsageError() {
    String data = Repository.sample().toString();

    CliRun threads = index("--index", temp.resolve("i").toString(), "--threads", "0", data);
    CliRun format = index("--index", temp.resolve("i").toString(), "--format", "pdf", data);

    assertThat(threads.exitCode()).isEqualTo(2);
    assertThat(threads.err()).contains("--threads must be at least 1");
    assertThat(format.exitCode()).isEqualTo(2);
    assertThat(format.err()).contains("pdf", "reuters", "jsonl");
  }

  @Test
  void missingInputPathIsReportedNotIgnored() {
    CliRun run =
        index("--index", temp.resolve("index").toString(), temp.resolve("nowhere").toString());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("nowhere");
  }

  @Test
  void reutersCorpusGivesEveryArticleOnceWithItsDates() throws IOException {
    Path corpus = SharedCorpora.require("corpora/reuters21578");
    Path index = temp.resolve("reuters");

    CliRun run = index("--index", index.toString(), "--entities", "none", corpus.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    // Warnings: 10 documentation files skipped, 4 odd DATE values, 1 record without text.
    assertThat(run.out()).contains("read 21,578,", "added 21,578,", "rejected 0,", "warnings 15 ");
    assertThat(documentCount(index)).isEqualTo(21_578);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      Instant oldest =
          Instant.ofEpochMilli(
              LongPoint.decodeDimension(
                  PointValues.getMinPackedValue(reader, ArticleFields.PUBLISHED), 0));
      Instant newest =
          Instant.ofEpochMilli(
              LongPoint.decodeDimension(
                  PointValues.getMaxPackedValue(reader, ArticleFields.PUBLISHED), 0));
      assertThat(oldest.toString()).startsWith("1987-02-26");
      assertThat(newest.toString()).startsWith("1987-10-20");
    }
    CliRun again = index("--index", index.toString(), "--entities", "none", corpus.toString());
    assertThat(again.out()).contains("added 0,", "updated 0,", "unchanged 21,578,");
    assertThat(documentCount(index)).isEqualTo(21_578);
  }

  @Test
  void reutersWithEntitiesIndexesTheSeedAndEveryArticleOnce() throws IOException {
    // The shared index, built once per build by this command with the bundled entity model.
    ReutersIndex shared = ReutersIndex.get();

    assertThat(shared.indexOutput())
        .contains("read 21,579,", "added 21,579,", "rejected 0,", "warnings 15 ");
    assertThat(documentCount(shared.directory())).isEqualTo(ReutersIndex.ARTICLES);
    Article seed = storedArticle(shared.directory(), "kayhan.ir-83245");
    assertThat(seed.entities(EntityType.PERSON)).extracting(Entity::name).contains("Mike Pompeo");
  }
}
