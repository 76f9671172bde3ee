package io.newsarchive.ingest;

import static io.newsarchive.ingest.Fixtures.fixture;
import static io.newsarchive.ingest.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

  @TempDir Path dir;
  private final RecordingListener listener = new RecordingListener();

  @BeforeEach
  void buildTree() throws IOException {
    Files.createDirectories(dir.resolve("b/nested"));
    Files.createDirectories(dir.resolve(".hidden"));
    Files.copy(fixture("reuters/mixed.sgm"), dir.resolve("b/nested/reut2-000.sgm"));
    Files.copy(fixture("jsonl/rss-sample.jsonl.gz"), dir.resolve("b/feed.jsonl.gz"));
    Files.copy(fixture("kayhan/undated.txt"), dir.resolve("a-kayhan.txt"));
    Files.copy(fixture("kayhan/undated.txt"), dir.resolve(".hidden/ignored.txt"));
    Files.writeString(dir.resolve(".DS_Store"), "junk");
    Files.writeString(dir.resolve("README.txt"), "About this collection.\n");
    Files.writeString(dir.resolve("lewis.dtd"), "<!ELEMENT LEWIS - - (REUTERS*)>\n");
    Files.writeString(dir.resolve("notes.dat"), "Just notes, no articles.\n");
    Files.writeString(dir.resolve("empty.jsonl"), "");
  }

  private static List<String> names(List<InputFile> files, Path root) {
    return files.stream().map(f -> root.relativize(f.path()).toString()).toList();
  }

  @Test
  void walksRecursivelyInSortedOrderAndDetectsEachFormat() throws IOException {
    List<InputFile> files = InputFiles.discover(List.of(dir), Optional.empty(), listener);

    assertThat(names(files, dir))
        .containsExactly("a-kayhan.txt", "b/feed.jsonl.gz", "b/nested/reut2-000.sgm");
    assertThat(files)
        .extracting(InputFile::format)
        .containsExactly(InputFormat.KAYHAN_TEXT, InputFormat.JSON_LINES, InputFormat.REUTERS_SGML);
    assertThat(files.get(1).bytes()).isEqualTo(Files.size(dir.resolve("b/feed.jsonl.gz")));
  }

  @Test
  void rejectsUnrecognizedAndEmptyFilesAndWarnsAboutSkippedDocumentation() throws IOException {
    InputFiles.discover(List.of(dir), Optional.empty(), listener);

    assertThat(listener.rejections)
        .extracting(r -> r.file().getFileName().toString(), Rejection::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("notes.dat", "unrecognized format; use --format"),
            org.assertj.core.groups.Tuple.tuple("empty.jsonl", "empty file; skipped"));
    assertThat(listener.warnings)
        .extracting(r -> r.file().getFileName().toString())
        .containsExactlyInAnyOrder("README.txt", "lewis.dtd");
    assertThat(listener.warnings).allSatisfy(w -> assertThat(w.reason()).startsWith("skipped: "));
  }

  @Test
  void neverListsHiddenFilesOrDirectories() throws IOException {
    List<InputFile> files = InputFiles.discover(List.of(dir), Optional.empty(), listener);

    assertThat(files).noneMatch(f -> f.path().toString().contains(".hidden"));
    assertThat(listener.rejections).noneMatch(r -> r.file().toString().contains(".DS_Store"));
  }

  @Test
  void forcedFormatAppliesToEveryFileButStillSkipsDocumentation() throws IOException {
    List<InputFile> files =
        InputFiles.discover(List.of(dir), Optional.of(InputFormat.KAYHAN_TEXT), listener);

    assertThat(names(files, dir))
        .containsExactly("a-kayhan.txt", "b/feed.jsonl.gz", "b/nested/reut2-000.sgm", "notes.dat");
    assertThat(files).extracting(InputFile::format).containsOnly(InputFormat.KAYHAN_TEXT);
  }

  @Test
  void listsAFileOnceWhenItIsReachedTwice() throws IOException {
    Path kayhan = dir.resolve("a-kayhan.txt");

    List<InputFile> files =
        InputFiles.discover(List.of(kayhan, dir, kayhan), Optional.empty(), listener);

    assertThat(files).filteredOn(f -> f.path().endsWith("a-kayhan.txt")).hasSize(1);
    assertThat(files.get(0).path()).isEqualTo(kayhan);
  }

  @Test
  void failsClearlyOnAMissingPath() {
    Path missing = dir.resolve("no-such-dir");

    assertThatThrownBy(() -> InputFiles.discover(List.of(missing), Optional.empty(), listener))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("no-such-dir");
  }

  @Test
  void findsExactlyTheReutersArticleFilesInTheDistribution() throws IOException {
    Path reuters = SharedCorpora.require("corpora/reuters21578");

    List<InputFile> files = InputFiles.discover(List.of(reuters), Optional.empty(), listener);

    assertThat(files).hasSize(22).allMatch(f -> f.format() == InputFormat.REUTERS_SGML);
    assertThat(listener.rejections).isEmpty();
    assertThat(listener.warnings)
        .extracting(r -> r.file().getFileName().toString())
        .containsExactlyInAnyOrder(
            "README.txt",
            "SOURCE.md",
            "lewis.dtd",
            "all-exchanges-strings.lc.txt",
            "all-orgs-strings.lc.txt",
            "all-people-strings.lc.txt",
            "all-places-strings.lc.txt",
            "all-topics-strings.lc.txt",
            "cat-descriptions_120396.txt",
            "feldman-cia-worldfactbook-data.txt");
    long articles = 0;
    for (InputFile file : files) {
      articles += readAll(file.open(ReadOptions.defaults(), listener)).size();
    }
    assertThat(articles).isEqualTo(21_578);
    assertThat(listener.rejections).isEmpty();
  }

  @Test
  void detectsTheSeedAndTheRssCorpus() throws IOException {
    Path seed = SharedCorpora.require("seed");
    Path rss = SharedCorpora.require("corpora/rss-news-2023");

    List<InputFile> files = InputFiles.discover(List.of(seed, rss), Optional.empty(), listener);

    assertThat(files)
        .extracting(f -> f.path().getFileName().toString(), InputFile::format)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("kayhan-83245.txt", InputFormat.KAYHAN_TEXT),
            org.assertj.core.groups.Tuple.tuple(
                "rss2023-news-en.jsonl.gz", InputFormat.JSON_LINES));
  }
}
