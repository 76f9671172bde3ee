package io.newsarchive.ingest;

import static io.newsarchive.ingest.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dates, sources and the rest of plain-text articles: from sidecars, a fixed date, the path. */
class TextMetadataTest {

  @TempDir Path dir;

  private final RecordingListener listener = new RecordingListener();

  private static final String SIDECAR =
      """
      {"published": "2005-03-14T09:30:00Z", "source": "BBC News", "language": "EN",
       "url": "http://news.example/business/4346379.stm", "authors": ["Ann Lee", "Bo Park"]}
      """;

  private Path write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private List<Article> read(Path input, ReadOptions options) throws IOException {
    List<Article> articles = new ArrayList<>();
    for (InputFile file : InputFiles.discover(List.of(input), Optional.empty(), listener)) {
      articles.addAll(readAll(file.open(options, listener)));
    }
    return articles;
  }

  @Test
  void aSidecarGivesDateSourceLanguageAddressAndBylinesAndIsNoArticleItself() throws IOException {
    write("bbc/business/001.txt", "Ad sales boost profit\n\nQuarterly profits rose.\n");
    write("bbc/business/001.meta.json", SIDECAR);
    write("bbc/business/002.txt", "Dollar gains\n\nThe dollar rose.\n");

    List<Article> articles = read(dir.resolve("bbc"), ReadOptions.defaults().withLanguage("fr"));

    assertThat(articles)
        .extracting(Article::title, Article::source, Article::language, Article::published)
        .containsExactly(
            tuple("Ad sales boost profit", "BBC News", "en", Instant.parse("2005-03-14T09:30:00Z")),
            tuple("Dollar gains", "bbc", "fr", null));
    assertThat(articles.get(0).url()).isEqualTo("http://news.example/business/4346379.stm");
    assertThat(articles.get(0).authors()).containsExactly("Ann Lee", "Bo Park");
    assertThat(listener.rejections).isEmpty();
    assertThat(listener.warnings).isEmpty();
  }

  @Test
  void aBrokenOrLonelySidecarIsReportedAndItsTextStillRead() throws IOException {
    write("in/001.txt", "Headline one\n\nBody.\n");
    write("in/001.meta.json", "{\"published\": \"yesterday\"}");
    write("in/002.txt", "Headline two\n\nBody.\n");
    write("in/002.meta.json", "{\"date\": \"2005-03-14\"}");
    write("in/003.meta.json", SIDECAR);

    List<Article> articles = read(dir.resolve("in"), ReadOptions.defaults());

    assertThat(articles)
        .extracting(Article::title, Article::published)
        .containsExactly(tuple("Headline one", null), tuple("Headline two", null));
    assertThat(listener.warnings)
        .extracting(w -> w.file().getFileName().toString(), Rejection::reason)
        .containsExactlyInAnyOrder(
            tuple(
                "001.meta.json",
                "sidecar not used: unreadable date 'yesterday': expected ISO-8601, RFC 1123 or"
                    + " epoch seconds/millis; its text file is read without it"),
            tuple(
                "002.meta.json",
                "sidecar not used: unknown field(s) [date]; a sidecar may hold [authors, language,"
                    + " published, source, url]; its text file is read without it"),
            tuple("003.meta.json", "sidecar not used: no 003.txt beside it to describe"));
  }

  @Test
  void aFixedDateOrThePathDatesTextsTheirSidecarsDoNot() throws IOException {
    write("wire/2020/09/26/001.txt", "Headline one\n\nBody.\n");
    write("wire/2020-10-01/002.txt", "Headline two\n\nBody.\n");
    write("wire/undated/20201399/003.txt", "Headline three\n\nBody.\n");
    write("wire/2020/09/26/004.txt", "Headline four\n\nBody.\n");
    write("wire/2020/09/26/004.meta.json", "{\"published\": \"2020-09-27T10:00:00Z\"}");
    Path wire = dir.resolve("wire");

    List<Article> byPath = read(wire, ReadOptions.defaults().withTextDates(TextDating.FROM_PATH));
    List<Article> fixed =
        read(wire, ReadOptions.defaults().withTextDates(TextDating.fixed("2021-01-02")));

    assertThat(byPath)
        .extracting(Article::title, Article::published)
        .containsExactlyInAnyOrder(
            tuple("Headline one", Instant.parse("2020-09-26T00:00:00Z")),
            tuple("Headline two", Instant.parse("2020-10-01T00:00:00Z")),
            tuple("Headline three", null),
            tuple("Headline four", Instant.parse("2020-09-27T10:00:00Z")));
    assertThat(listener.warnings)
        .extracting(w -> w.file().getFileName().toString(), Rejection::reason)
        .containsExactly(
            tuple("003.txt", "no date in the file's path (--date-from-path); kept undated"));
    assertThat(fixed)
        .extracting(Article::published)
        .containsOnly(Instant.parse("2021-01-02T00:00:00Z"), Instant.parse("2020-09-27T10:00:00Z"));
  }

  @Test
  void pathDatesAreTheLastValidDayThePathSpells() {
    assertThat(TextDating.fromPath("2019/archive/2020/09/26/001.txt"))
        .contains(Instant.parse("2020-09-26T00:00:00Z"));
    assertThat(TextDating.fromPath("x.zip!/20200926_story.txt"))
        .contains(Instant.parse("2020-09-26T00:00:00Z"));
    assertThat(TextDating.fromPath("2020/13/45/story.txt")).isEmpty();
    assertThat(TextDating.fromPath("story-120200926.txt")).isEmpty();
    assertThat(TextDating.fromPath("2020-09/26.txt")).as("mixed separators").isEmpty();
  }

  @Test
  void inAnArchiveASidecarBeforeItsTextIsUsedAndOneAfterIsReported() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("bbc/001.meta.json", SIDECAR.getBytes(StandardCharsets.UTF_8));
    entries.put("bbc/001.txt", "Ad sales boost profit\n\nBody.\n".getBytes(StandardCharsets.UTF_8));
    entries.put("bbc/002.txt", "Dollar gains\n\nBody.\n".getBytes(StandardCharsets.UTF_8));
    entries.put("bbc/002.meta.json", SIDECAR.getBytes(StandardCharsets.UTF_8));
    entries.put("bbc/009.meta.json", SIDECAR.getBytes(StandardCharsets.UTF_8));
    Path zip = Archives.zip(dir.resolve("bbc.zip"), entries);

    List<Article> articles = read(zip, ReadOptions.defaults());

    assertThat(articles)
        .extracting(Article::title, Article::source, Article::published)
        .containsExactly(
            tuple("Ad sales boost profit", "BBC News", Instant.parse("2005-03-14T09:30:00Z")),
            tuple("Dollar gains", "bbc", null));
    assertThat(listener.rejections).isEmpty();
    assertThat(listener.warnings)
        .extracting(w -> w.file().toString(), Rejection::reason)
        .containsExactly(
            tuple(
                zip + "!/bbc/002.meta.json",
                "sidecar not used: it comes after its text file in the archive; put it first"),
            tuple(
                zip + "!/bbc/009.meta.json",
                "sidecar not used: the archive has no text file for it"));
  }
}
