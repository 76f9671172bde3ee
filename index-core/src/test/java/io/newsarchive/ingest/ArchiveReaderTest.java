package io.newsarchive.ingest;

import static io.newsarchive.ingest.Fixtures.fixture;
import static io.newsarchive.ingest.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {

  @TempDir Path dir;

  private final FormatsHeard listener = new FormatsHeard();

  /** A listener that also keeps the formats it is told of. */
  private static final class FormatsHeard extends RecordingListener {
    final List<String> opened = new CopyOnWriteArrayList<>();

    @Override
    public void opened(Path file, InputFormat format) {
      opened.add(file + " " + format.userName());
    }
  }

  private static Map<String, byte[]> mixedEntries() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("bbc/business/001.txt", Files.readAllBytes(fixture("text/bbc/business/001.txt")));
    entries.put("feeds/mixed.jsonl", Files.readAllBytes(fixture("jsonl/mixed.jsonl")));
    entries.put("reuters/reut2-000.sgm", Files.readAllBytes(fixture("reuters/mixed.sgm")));
    entries.put("junk.dat", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3});
    entries.put("README.md", "About these files.\n".getBytes());
    entries.put("__MACOSX/bbc/business/._001.txt", new byte[] {0, 5, 22, 7});
    return entries;
  }

  private List<Article> read(Path archive, ReadOptions options) throws IOException {
    InputFile file = InputFiles.discover(List.of(archive), Optional.empty(), listener).getFirst();
    assertThat(file.format()).isEqualTo(InputFormat.ARCHIVE);
    return readAll(file.open(options, listener));
  }

  /** What reading the entries' fixtures as files gives, with rejections named as entries. */
  private static List<String> directRejections(String archive) throws IOException {
    RecordingListener direct = new RecordingListener();
    readAll(
        InputFormat.JSON_LINES.open(fixture("jsonl/mixed.jsonl"), ReadOptions.defaults(), direct));
    readAll(
        InputFormat.REUTERS_SGML.open(
            fixture("reuters/mixed.sgm"), ReadOptions.defaults(), direct));
    return direct.rejections.stream()
        .map(r ->
            new Rejection(
                    Path.of(
                        archive
                            + "!/"
                            + (r.file().toString().endsWith(".jsonl")
                                ? "feeds/mixed.jsonl"
                                : "reuters/reut2-000.sgm")),
                    r.line(),
                    r.record(),
                    r.reason())
                .toString())
        .toList();
  }

  @Test
  void zipEntriesAreReadEachInItsOwnFormatAsIfInAFolder() throws IOException {
    Path zip = Archives.zip(dir.resolve("mixed.zip"), mixedEntries());

    List<Article> articles = read(zip, ReadOptions.defaults());

    int jsonl =
        readAll(
                InputFormat.JSON_LINES.open(
                    fixture("jsonl/mixed.jsonl"), ReadOptions.defaults(), new RecordingListener()))
            .size();
    int reuters =
        readAll(
                InputFormat.REUTERS_SGML.open(
                    fixture("reuters/mixed.sgm"), ReadOptions.defaults(), new RecordingListener()))
            .size();
    assertThat(articles).hasSize(1 + jsonl + reuters);
    assertThat(articles.getFirst().title()).isEqualTo("Harbour tolls lift port operator profit");
    assertThat(articles.getFirst().id())
        .isEqualTo(Article.deriveId("mixed", "", "mixed.zip!/bbc/business/001.txt"));
    assertThat(listener.opened)
        .containsExactly(
            zip + " archive",
            zip + "!/bbc/business/001.txt text",
            zip + "!/feeds/mixed.jsonl jsonl",
            zip + "!/reuters/reut2-000.sgm reuters");
    assertThat(listener.rejections.stream().map(Rejection::toString).toList())
        .containsAll(directRejections(zip.toString()))
        .contains(zip + "!/junk.dat: unrecognized format; not read")
        .hasSize(directRejections(zip.toString()).size() + 1);
    assertThat(listener.warnings)
        .extracting(Rejection::toString)
        .contains(zip + "!/README.md: skipped: documentation, not articles");
  }

  @Test
  void tarGzGivesWhatTheZipGives() throws IOException {
    List<Article> fromZip =
        read(Archives.zip(dir.resolve("mixed.zip"), mixedEntries()), ReadOptions.defaults());
    Path tgz = Archives.tarGz(dir.resolve("mixed.tar.gz"), mixedEntries());
    int rejectionsOfZip = listener.rejections.size();

    List<Article> fromTar = read(tgz, ReadOptions.defaults());

    assertThat(fromTar)
        .extracting(Article::title)
        .isEqualTo(fromZip.stream().map(Article::title).toList());
    assertThat(listener.rejections.subList(rejectionsOfZip, listener.rejections.size()))
        .extracting(Rejection::toString)
        .containsAll(directRejections(tgz.toString()));
  }

  @Test
  void zipBombEntryIsRejectedWithItsRatioAndTheNextEntryIsRead() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("bomb.txt", Archives.bomb(8));
    entries.put("business/001.txt", Files.readAllBytes(fixture("text/bbc/business/001.txt")));
    Path zip = Archives.zip(dir.resolve("bomb.zip"), entries);
    Path tgz = Archives.tarGz(dir.resolve("bomb.tgz"), entries);
    assertThat(Files.size(zip)).isLessThan(64 * 1024);

    for (Path archive : List.of(zip, tgz)) {
      List<Article> articles = read(archive, ReadOptions.defaults());

      assertThat(articles)
          .extracting(Article::title)
          .containsExactly("Harbour tolls lift port operator profit");
    }
    assertThat(listener.rejections)
        .extracting(r -> dir.relativize(r.file()).toString())
        .containsExactly("bomb.zip!/bomb.txt", "bomb.tgz!/bomb.txt");
    assertThat(listener.rejections)
        .allSatisfy(r ->
            assertThat(r.reason())
                .startsWith("could not read the entry at line ")
                .contains("the entry expands more than 100 times its compressed size"));
  }

  @Test
  void entriesPastTheLimitsAreRejectedAndNestedArchivesRefused() throws IOException {
    Map<String, byte[]> inner = new LinkedHashMap<>();
    inner.put("a.txt", "Inner headline\n".getBytes());
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("big.txt", ("Big headline\n" + "text ".repeat(100)).getBytes());
    entries.put("inner.zip", Files.readAllBytes(Archives.zip(dir.resolve("inner.zip"), inner)));
    entries.put("small.txt", "Small headline\n".getBytes());
    entries.put("late.txt", "Late headline\n".getBytes());
    Path zip = Archives.zip(dir.resolve("limits.zip"), entries);
    ReadOptions options =
        ReadOptions.defaults().withArchiveLimits(new ArchiveLimits(200, 100, 1 << 20, 3));

    List<Article> articles = read(zip, options);

    assertThat(articles).extracting(Article::title).containsExactly("Small headline");
    assertThat(listener.rejections)
        .extracting(r -> dir.relativize(r.file()).toString(), Rejection::reason)
        .containsExactly(
            tuple(
                "limits.zip!/big.txt",
                "the entry declares 513 bytes, more than the 200 one archive entry may have; not"
                    + " read"),
            tuple(
                "limits.zip!/inner.zip",
                "an archive inside an archive is not read; unpack the outer one first"),
            tuple(
                "limits.zip",
                "the archive has more than 3 entries, the most one archive may have; the rest is"
                    + " not read"));
  }
}
