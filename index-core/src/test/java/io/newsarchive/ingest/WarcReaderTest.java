package io.newsarchive.ingest;

import static io.newsarchive.ingest.Fixtures.fixture;
import static io.newsarchive.ingest.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WarcReaderTest {

  private final RecordingListener listener = new RecordingListener();

  private List<Article> read(String name) throws IOException {
    Path file = fixture("warc/" + name);
    return readAll(InputFormat.WARC.open(file, ReadOptions.defaults(), listener));
  }

  @ParameterizedTest
  @ValueSource(strings = {"news.warc", "news.warc.gz"})
  void turnsEachCapturedHtmlPageIntoAnArticleAndPassesOverTheRest(String name) throws IOException {
    List<Article> articles = read(name);

    assertThat(articles)
        .extracting(Article::url)
        .containsExactly(
            "https://www.example.com/news/rates",
            "http://news.example.org/cafe",
            "https://www.example.com/last");
    assertThat(listener.rejections)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.reason()).contains("https://www.example.com/app", "neither title");
          assertThat(r.record()).isEqualTo(5);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"news.warc", "news.warc.gz"})
  void extractsTitleTextDateAuthorAndLanguageFromTheArticleElement(String name) throws IOException {
    Article rates = read(name).get(0);

    assertThat(rates.source()).isEqualTo("example.com");
    assertThat(rates.title()).isEqualTo("Rates rise again");
    assertThat(rates.body())
        .isEqualTo(
            "The central bank raised rates & said more may follow.\nMarkets fell on the news.");
    assertThat(rates.published()).isEqualTo(Instant.parse("2024-02-29T07:15:00Z"));
    assertThat(rates.publishedText()).isEqualTo("2024-02-29T08:15:00+01:00");
    assertThat(rates.authors()).containsExactly("Ann Writer");
    assertThat(rates.language()).isEqualTo("en");
    assertThat(rates.id()).startsWith("example.com-");
    assertThat(rates.body()).doesNotContain("tracking", "Home", "Copyright");
  }

  @ParameterizedTest
  @ValueSource(strings = {"news.warc", "news.warc.gz"})
  void decodesChunkedLatin1PagesAndKeepsPagesWithoutADateUndated(String name) throws IOException {
    List<Article> articles = read(name);
    Article cafe = articles.get(1);

    assertThat(cafe.source()).isEqualTo("news.example.org");
    assertThat(cafe.title()).isEqualTo("Café owners protest");
    assertThat(cafe.body()).isEqualTo("Café owners marched on Tuesday.");
    assertThat(cafe.published()).isNull();
    assertThat(articles.get(2).published()).isEqualTo(Instant.parse("2024-03-03T00:00:00Z"));
    assertThat(articles.get(2).body()).isEqualTo("Still read after the empty page.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"news.warc", "news.warc.gz"})
  void recognizesWebArchivesFromContent(String name) throws IOException {
    assertThat(InputFormat.detect(fixture("warc/" + name))).contains(InputFormat.WARC);
  }
}
