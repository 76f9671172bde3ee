package io.newsarchive.ingest;

import static io.newsarchive.ingest.Fixtures.fixture;
import static io.newsarchive.ingest.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainTextReaderTest {

  @TempDir Path dir;

  private final RecordingListener listener = new RecordingListener();

  private List<Article> readFolder(Path folder, ReadOptions options) throws IOException {
    List<Article> articles = new ArrayList<>();
    for (InputFile file : InputFiles.discover(List.of(folder), Optional.empty(), listener)) {
      articles.addAll(readAll(file.open(options, listener)));
    }
    return articles;
  }

  @Test
  void headlineIsTheFirstLineAndEveryLaterLineAParagraph() throws IOException {
    List<Article> articles = readFolder(fixture("text/bbc"), ReadOptions.defaults());

    assertThat(articles).hasSize(3);
    assertThat(listener.rejections).isEmpty();
    Article first = articles.get(0);
    assertThat(first.title()).isEqualTo("Harbour tolls lift port operator profit");
    assertThat(first.body())
        .startsWith("Quarterly profit at the northern port operator rose 12%")
        .contains("season.\nThe firm said")
        .endsWith("third quarter.");
    // CRLF line ends, a byte order mark and blank lines before the headline are fine.
    assertThat(articles.get(1).title()).isEqualTo("Currency steadies after central bank remarks");
    assertThat(articles.get(1).body()).doesNotContain("\r");
    assertThat(articles.get(2).title()).isEqualTo("Veteran seed beaten in quarter-final");
    assertThat(articles.get(2).body()).contains("quarter-final.\nHe was beaten");
  }

  @Test
  void textCarriesNoDateSoArticlesAreKeptUndatedWithoutWarning() throws IOException {
    List<Article> articles = readFolder(fixture("text/bbc"), ReadOptions.defaults());

    assertThat(articles).extracting(Article::published).containsOnlyNulls();
    assertThat(listener.warnings).isEmpty();
  }

  @Test
  void sourceIsTheNamedFolderByDefaultOrEachFileSFolderOrOneGivenName() throws IOException {
    Path bbc = fixture("text/bbc");

    assertThat(readFolder(bbc, ReadOptions.defaults()))
        .extracting(Article::source)
        .containsOnly("bbc");
    assertThat(readFolder(bbc, ReadOptions.defaults().withSource(SourceNaming.FROM_FOLDER)))
        .extracting(Article::source)
        .containsExactly("business", "business", "sport");
    assertThat(
            readFolder(bbc, ReadOptions.defaults().withJsonSource("BBC News").withLanguage("EN")))
        .extracting(Article::source, Article::language)
        .containsOnly(org.assertj.core.groups.Tuple.tuple("BBC News", "en"));
  }

  @Test
  void idsComeFromThePathBelowTheNamedFolderSoTheyAreStableAndDistinct() throws IOException {
    List<Article> once = readFolder(fixture("text/bbc"), ReadOptions.defaults());
    List<Article> again = readFolder(fixture("text/bbc"), ReadOptions.defaults());

    assertThat(once).extracting(Article::id).doesNotHaveDuplicates();
    assertThat(again).extracting(Article::id).isEqualTo(once.stream().map(Article::id).toList());
    assertThat(once.get(0).id())
        .isEqualTo(Article.deriveId("bbc", "", "business/001.txt"))
        .matches("bbc-[0-9a-f]{16}");
    // The same headline in another file is another article.
    assertThat(once.get(0).id()).isNotEqualTo(Article.deriveId("bbc", "", "sport/001.txt"));
  }

  @Test
  void detectionReadsTxtFilesOfNoStricterLayoutAsTextAndKayhanStaysKayhan() throws IOException {
    Path prose = dir.resolve("notes.txt");
    Files.writeString(prose, "Just some notes.\n\nNothing to see here.\n");
    Path proseWithoutTxt = dir.resolve("notes.dat");
    Files.writeString(proseWithoutTxt, "Just some notes.\n");
    Path binary = dir.resolve("image.txt");
    Files.write(binary, new byte[] {'G', 'I', 'F', '8', '9', 'a', 0, 0, 1, 2, 3});

    assertThat(InputFormat.detect(prose)).contains(InputFormat.TEXT);
    assertThat(InputFormat.detect(proseWithoutTxt)).isEmpty();
    assertThat(InputFormat.detect(binary)).isEmpty();
    assertThat(InputFormat.detect(fixture("kayhan/undated.txt"))).contains(InputFormat.KAYHAN_TEXT);
    assertThat(InputFormat.parse("text")).isEqualTo(InputFormat.TEXT);
  }

  @Test
  void fileWithoutTextOrOverTheRecordLimitIsRejectedWithItsPlace() throws IOException {
    Path blank = dir.resolve("blank.txt");
    Files.writeString(blank, "  \n\n\t\n");
    Path longFile = dir.resolve("long.txt");
    Files.writeString(
        longFile, "Headline\n\n" + "word ".repeat(100) + "\n", StandardCharsets.UTF_8);
    ReadOptions small = ReadOptions.defaults().withMaxRecordChars(200);

    assertThat(readAll(InputFormat.TEXT.open(blank, small, listener))).isEmpty();
    assertThat(readAll(InputFormat.TEXT.open(longFile, small, listener))).isEmpty();

    assertThat(listener.rejections)
        .extracting(r -> r.file().getFileName().toString(), Rejection::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "blank.txt", "no text: a plain-text article needs a headline on its first line"),
            org.assertj.core.groups.Tuple.tuple(
                "long.txt", "the file runs over 200 characters (--max-record-size); not read"));
    assertThat(listener.rejections.get(1).line()).isEqualTo(3);
  }
}
