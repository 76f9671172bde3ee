package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.ingest.Archives;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsarchive index} over plain-text folders and zip and tar archives. */
class ArchiveIndexTest {

  @TempDir Path temp;

  private CliRun index(String... args) {
    return CliRun.run(new IndexCommand(), args);
  }

  private static Path fixture(String relative) {
    try {
      return Path.of(ArchiveIndexTest.class.getResource("/fixtures/" + relative).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text fixtures zipped as their collection ships: {@code bbc/business/001.txt}, … */
  private Path zippedTextFolder() throws IOException {
    Path root = fixture("text");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(root.resolve("bbc"))) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        entries.put(root.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return Archives.zip(temp.resolve("bbc-fulltext.zip"), entries);
  }

  private static List<Article> storedArticles(Path index) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      List<Article> articles = new ArrayList<>();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        articles.add(ArticleDocuments.article(reader, doc));
      }
      return articles;
    }
  }

  @Test
  void zippedTextCollectionIsReadWithNoOptionAndAgainAddsNothing() throws IOException {
    Path zip = zippedTextFolder();
    Path index = temp.resolve("index");

    CliRun run = index("--index", index.toString(), "--entities", "none", zip.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("read 3,", "added 3,", "rejected 0,")
        .contains("Read as: text 3 files, archive 1 file.");
    assertThat(storedArticles(index)).extracting(Article::source).containsOnly("bbc-fulltext");
    CliRun again = index("--index", index.toString(), "--entities", "none", zip.toString());
    assertThat(again.out()).contains("added 0,", "updated 0,", "unchanged 3,");
    assertThat(storedArticles(index)).hasSize(3);
  }

  @Test
  void sourceFromDirNamesEachArticleAfterItsSectionFolder() throws IOException {
    Path index = temp.resolve("index");

    CliRun run =
        index(
            "--index",
            index.toString(),
            "--entities",
            "none",
            "--source-from-dir",
            "--language",
            "en",
            fixture("text/bbc").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("added 3,", "Read as: text 3 files.");
    assertThat(storedArticles(index))
        .extracting(Article::source, Article::language)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("business", "en"),
            org.assertj.core.groups.Tuple.tuple("business", "en"),
            org.assertj.core.groups.Tuple.tuple("sport", "en"));
  }

  @Test
  void sourceAndSourceFromDirCannotBeCombined() {
    CliRun run = index("--source", "BBC", "--source-from-dir", fixture("text/bbc").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("mutually exclusive");
  }

  @Test
  void dateDatesEveryPlainTextArticleAndABadDateIsAUsageError() throws IOException {
    Path index = temp.resolve("index");

    CliRun run =
        index(
            "--index",
            index.toString(),
            "--entities",
            "none",
            "--date",
            "2005-03-14",
            fixture("text/bbc").toString());
    CliRun bad =
        index("--index", index.toString(), "--date", "14/03/2005", fixture("text").toString());
    CliRun both = index("--date", "2005-03-14", "--date-from-path", fixture("text/bbc").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(storedArticles(index))
        .extracting(Article::published)
        .containsOnly(java.time.Instant.parse("2005-03-14T00:00:00Z"));
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--date", "unreadable date '14/03/2005'");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
  }

  @Test
  void zipBombIsRejectedWithItsReasonAndTheRunGoesOn() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("stories/bomb.txt", Archives.bomb(4));
    entries.put("stories/001.txt", Files.readAllBytes(fixture("text/bbc/business/001.txt")));
    Path tgz = Archives.tarGz(temp.resolve("stories.tgz"), entries);
    Path index = temp.resolve("index");

    CliRun run = index("--index", index.toString(), "--entities", "none", tgz.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("read 2,", "added 1,", "rejected 1,");
    assertThat(run.err())
        .contains(
            "rejected: " + tgz + "!/stories/bomb.txt: could not read the entry at line ",
            "expands more than 100 times its compressed size");
  }

  @Test
  void zippedReutersFilesGiveWhatTheFilesGive() throws IOException {
    Path corpus = SharedCorpora.require("corpora/reuters21578");
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (String name : List.of("README.txt", "reut2-000.sgm", "reut2-001.sgm", "reut2-021.sgm")) {
      entries.put("reuters21578/" + name, Files.readAllBytes(corpus.resolve(name)));
    }
    Path zip = Archives.zip(temp.resolve("reuters21578.zip"), entries);
    Path fromZip = temp.resolve("from-zip");
    Path fromFiles = temp.resolve("from-files");

    CliRun zipped = index("--index", fromZip.toString(), "--entities", "none", zip.toString());
    CliRun files =
        index(
            "--index",
            fromFiles.toString(),
            "--entities",
            "none",
            corpus.resolve("reut2-000.sgm").toString(),
            corpus.resolve("reut2-001.sgm").toString(),
            corpus.resolve("reut2-021.sgm").toString());

    assertThat(zipped.exitCode()).as(zipped.err()).isZero();
    assertThat(zipped.out()).contains("added 2,578,", "Read as: reuters 3 files, archive 1 file.");
    assertThat(zipped.err()).contains(zip + "!/reuters21578/README.txt: skipped: documentation");
    assertThat(storedArticles(fromZip))
        .extracting(Article::id, Article::title, Article::published)
        .containsExactlyInAnyOrderElementsOf(
            storedArticles(fromFiles).stream()
                .map(a -> org.assertj.core.groups.Tuple.tuple(a.id(), a.title(), a.published()))
                .toList());
    assertThat(files.out()).contains("added 2,578,");
  }
}
