package io.newsarchive.ingest;

import static io.newsarchive.ingest.Fixtures.fixture;
import static io.newsarchive.ingest.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KayhanTextReaderTest {

  private final RecordingListener listener = new RecordingListener();

  private List<Article> read(Path file, ReadOptions options) throws IOException {
    return readAll(InputFormat.KAYHAN_TEXT.open(file, options, listener));
  }

  @Test
  void readsTwoArticlesFromCrlfFileWithBomAndNoFinalNewline() throws IOException {
    List<Article> articles = read(fixture("kayhan/two-articles-crlf.txt"), ReadOptions.defaults());

    assertThat(articles).extracting(Article::sourceId).containsExactly("101", "102");
    assertThat(articles).extracting(Article::source).containsOnly("kayhan.ir");
    assertThat(articles).extracting(Article::id).containsExactly("kayhan.ir-101", "kayhan.ir-102");
    assertThat(articles.get(1).title()).isEqualTo("Second Article Title");
    assertThat(articles.get(1).body()).isEqualTo("Only paragraph, no final newline.");
    assertThat(listener.rejections).isEmpty();
    assertThat(listener.warnings).isEmpty();
  }

  @Test
  void keepsTypographicQuotesAndOneParagraphPerLineWithoutTrailingSpaces() throws IOException {
    Article first = read(fixture("kayhan/two-articles-crlf.txt"), ReadOptions.defaults()).get(0);

    assertThat(first.title()).isEqualTo("Iran’s ‘Resistance’ Vows Response");
    assertThat(first.body())
        .isEqualTo("TEHRAN (Dispatches) -- First paragraph with “quotes”.\nSecond paragraph.");
    assertThat(first.language()).isEqualTo("en");
  }

  @Test
  void readsLocalTimesInTehranByDefault() throws IOException {
    List<Article> articles = read(fixture("kayhan/two-articles-crlf.txt"), ReadOptions.defaults());

    assertThat(articles.get(0).published()).isEqualTo(Instant.parse("2021-01-03T04:35:00Z"));
    assertThat(articles.get(0).publishedText()).isEqualTo("3 January 2021 - 08:05");
    assertThat(articles.get(1).published()).isEqualTo(Instant.parse("2021-01-04T20:29:00Z"));
  }

  @Test
  void readsLocalTimesInTheConfiguredZone() throws IOException {
    ReadOptions utc = ReadOptions.defaults().withKayhanZone(ZoneOffset.UTC);

    List<Article> articles = read(fixture("kayhan/two-articles-crlf.txt"), utc);

    assertThat(articles.get(0).published()).isEqualTo(Instant.parse("2021-01-03T08:05:00Z"));
  }

  @Test
  void rejectsMalformedRecordsWithTheirLineAndReadsTheRecordsAfterThem() throws IOException {
    Path file = fixture("kayhan/malformed-middle.txt");

    List<Article> articles = read(file, ReadOptions.defaults());

    assertThat(articles).extracting(Article::sourceId).containsExactly("201", "204");
    assertThat(articles.get(1).title()).isEqualTo("Good Article After");
    assertThat(articles.get(0).body()).isEqualTo("Body of the first good article.");
    assertThat(listener.rejections).hasSize(2);
    Rejection badDate = listener.rejections.get(0);
    assertThat(badDate.line()).isEqualTo(10);
    assertThat(badDate.record()).isEqualTo(2);
    assertThat(badDate.reason()).contains("31 Febtober 2021 - 10:00").contains("line 13");
    Rejection noId = listener.rejections.get(1);
    assertThat(noId.line()).isEqualTo(19);
    assertThat(noId.record()).isEqualTo(3);
    assertThat(noId.reason()).contains("News ID");
  }

  @Test
  void keepsArticleWithoutDateUndatedAndWarns() throws IOException {
    List<Article> articles = read(fixture("kayhan/undated.txt"), ReadOptions.defaults());

    assertThat(articles).singleElement().satisfies(a -> assertThat(a.published()).isNull());
    assertThat(listener.warnings).singleElement().satisfies(w -> assertThat(w.line()).isEqualTo(1));
  }

  @Test
  void readsTheSeedArticle() throws IOException {
    Path seed = SharedCorpora.require("seed/kayhan-83245.txt");

    List<Article> articles = read(seed, ReadOptions.defaults());

    assertThat(articles).hasSize(1);
    Article seedArticle = articles.get(0);
    assertThat(seedArticle.sourceId()).isEqualTo("83245");
    assertThat(seedArticle.source()).isEqualTo("kayhan.ir");
    assertThat(seedArticle.published()).isEqualTo(Instant.parse("2020-09-26T18:25:00Z"));
    assertThat(seedArticle.publishedText()).isEqualTo("26 September 2020 - 21:55");
    assertThat(seedArticle.title())
        .isEqualTo("Pompeo Threatens to ‘Liquidate’ Iraq’s Anti-Terror Groups");
    assertThat(seedArticle.body()).startsWith("WASHINGTON (Dispatches) --");
    assertThat(seedArticle.body().lines()).hasSize(16);
    assertThat(listener.rejections).isEmpty();
    assertThat(listener.warnings).isEmpty();
  }

  @Test
  void rejectsAFileInAnotherFormatWithoutHoldingItAllInMemory(@TempDir Path dir)
      throws IOException {
    Path prose = dir.resolve("prose.txt");
    Files.write(prose, Collections.nCopies(KayhanTextReader.MAX_RECORD_LINES + 5, "Some prose."));

    List<Article> articles = read(prose, ReadOptions.defaults());

    assertThat(articles).isEmpty();
    assertThat(listener.rejections)
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("runs over 20,000 lines"));
  }

  @Test
  void recognizesTheLayoutFromContent() throws IOException {
    assertThat(InputFormat.detect(fixture("kayhan/two-articles-crlf.txt")))
        .contains(InputFormat.KAYHAN_TEXT);
    assertThat(InputFormat.detect(fixture("kayhan/undated.txt"))).contains(InputFormat.KAYHAN_TEXT);
  }
}
