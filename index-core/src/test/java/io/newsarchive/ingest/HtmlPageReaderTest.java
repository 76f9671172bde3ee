package io.newsarchive.ingest;

import static io.newsarchive.ingest.Fixtures.fixture;
import static io.newsarchive.ingest.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlPageReaderTest {

  @TempDir Path dir;

  private final RecordingListener listener = new RecordingListener();

  private List<Article> readFolder(Path folder, ReadOptions options) throws IOException {
    List<Article> articles = new ArrayList<>();
    for (InputFile file : InputFiles.discover(List.of(folder), Optional.empty(), listener)) {
      articles.addAll(readAll(file.open(options, listener)));
    }
    return articles;
  }

  private Article page(String name, ReadOptions options) throws IOException {
    List<Article> articles =
        readAll(
            InputFormat.HTML.open(InputName.of(fixture("html/pages/" + name)), options, listener));
    assertThat(articles).hasSize(1);
    return articles.get(0);
  }

  @Test
  void pageMetadataGivesTitleUrlDateSourceLanguageAndAuthor() throws IOException {
    Article ferry = page("ferry-strike.html", ReadOptions.defaults());

    assertThat(ferry.title()).isEqualTo("Ferry strike ends after three days");
    assertThat(ferry.url()).isEqualTo("https://www.harbourgazette.example/world/ferry-strike-ends");
    assertThat(ferry.published()).isEqualTo(Instant.parse("2023-04-12T16:30:00Z"));
    assertThat(ferry.publishedText()).isEqualTo("2023-04-12T18:30:00+02:00");
    assertThat(ferry.source()).isEqualTo("Harbour Gazette");
    assertThat(ferry.language()).isEqualTo("en");
    assertThat(ferry.authors()).containsExactly("Maria Lund");
    assertThat(ferry.body())
        .isEqualTo(
            "Ferry crews will return to work on Thursday after the union accepted a 4% pay rise.\n"
                + "The strike had stranded thousands of travellers at both ends of the crossing.\n"
                + "Read more about the talks that led to the deal.");
  }

  @Test
  void idFromTheCanonicalUrlIsTheOneAWebArchiveGivesThatUrl() throws IOException {
    Article ferry = page("ferry-strike.html", ReadOptions.defaults().withJsonSource("Gazette"));

    assertThat(ferry.source()).isEqualTo("Gazette");
    assertThat(ferry.id())
        .isEqualTo(
            Article.deriveId(
                "harbourgazette.example",
                "",
                "https://www.harbourgazette.example/world/ferry-strike-ends"))
        .isEqualTo(WebAddress.articleId(ferry.url()));
  }

  @Test
  void pageSavedFromAWebArchiveKeepsTheIdItsCaptureHas() throws IOException {
    Article captured =
        readAll(InputFormat.WARC.open(fixture("warc/news.warc"), ReadOptions.defaults(), listener))
            .get(0);
    Path saved = dir.resolve("rates.html");
    Files.writeString(
        saved,
        "<html><head><meta property=\"og:site_name\" content=\"Example News\">"
            + "<link rel=\"canonical\" href=\""
            + captured.url()
            + "\"></head><body><article><p>"
            + captured.body()
            + "</p></article></body></html>");

    Article page = readAll(InputFormat.HTML.open(saved, ReadOptions.defaults(), listener)).get(0);

    assertThat(page.source()).isEqualTo("Example News").isNotEqualTo(captured.source());
    assertThat(page.id()).isEqualTo(captured.id());
  }

  @Test
  void jsonLdFillsInHeadlineAndDateWhenNoMetaTagHasThem() throws IOException {
    Path page = dir.resolve("ld.html");
    Files.writeString(
        page,
        "<html><head><title>Site | Home</title><script type=\"application/ld+json\">"
            + "{\"@graph\": [{\"@type\": \"WebSite\"}, {\"@type\": [\"NewsArticle\"],"
            + " \"headline\": \"Pier reopens\", \"datePublished\": \"2023-06-01T08:00:00Z\"}]}"
            + "</script></head><body><p>"
            + "The pier reopened on Thursday after a winter of repairs to its timber deck."
            + "</p></body></html>");

    Article article = readAll(InputFormat.HTML.open(page, ReadOptions.defaults(), listener)).get(0);

    assertThat(article.title()).isEqualTo("Pier reopens");
    assertThat(article.published()).isEqualTo(Instant.parse("2023-06-01T08:00:00Z"));
  }

  @Test
  void pageWithoutMetadataIsNamedAndKnownLikeAPlainTextFile() throws IOException {
    Article market = page("market-report.htm", ReadOptions.defaults().withLanguage("en"));

    assertThat(market.title()).isEqualTo("Fish market prices fall as catches recover");
    assertThat(market.body())
        .startsWith("Prices at the morning auction fell by a tenth")
        .endsWith("until the end of the month.");
    assertThat(market.url()).isEmpty();
    assertThat(market.published()).isNull();
    assertThat(market.language()).isEqualTo("en");
    assertThat(market.source()).isEqualTo("market-report");
    assertThat(market.id()).isEqualTo(Article.deriveId("market-report", "", "market-report.htm"));
    assertThat(listener.warnings).isEmpty();
  }

  @Test
  void folderOfPagesReadsEachArticleAndRejectsTheIndexPageWithTheReason() throws IOException {
    List<Article> articles = readFolder(fixture("html/pages"), ReadOptions.defaults());

    assertThat(articles)
        .extracting(Article::title, Article::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Ferry strike ends after three days", "Harbour Gazette"),
            org.assertj.core.groups.Tuple.tuple(
                "Fish market prices fall as catches recover", "pages"));
    assertThat(listener.rejections)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.file().getFileName().toString()).isEqualTo("index.html");
          assertThat(r.reason()).startsWith("no article text:").contains("in links");
        });
  }

  @Test
  void pageLongerThanTheRecordLimitIsRejectedUnread() throws IOException {
    ReadOptions small = ReadOptions.defaults().withMaxRecordChars(200);

    assertThat(
            readAll(
                InputFormat.HTML.open(fixture("html/pages/ferry-strike.html"), small, listener)))
        .isEmpty();
    assertThat(listener.rejections)
        .extracting(Rejection::reason)
        .containsExactly("the page runs over 200 bytes (--max-record-size); not read");
  }

  @Test
  void detectionKnowsHtmlByItsRootElementWhateverItsName() throws IOException {
    Path xhtml = dir.resolve("page.xhtml");
    Files.writeString(
        xhtml,
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\""
            + " \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n"
            + "<!-- saved page -->\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>",
        StandardCharsets.UTF_8);
    Path fragment = dir.resolve("fragment.html");
    Files.writeString(fragment, "<div><p>Only a fragment.</p></div>");

    assertThat(InputFormat.detect(fixture("html/pages/ferry-strike.html")))
        .contains(InputFormat.HTML);
    assertThat(InputFormat.detect(fixture("html/pages/market-report.htm")))
        .contains(InputFormat.HTML);
    assertThat(InputFormat.detect(xhtml)).contains(InputFormat.HTML);
    assertThat(InputFormat.detect(fragment)).isEmpty();
    assertThat(InputFormat.detect(fixture("feed/world.rss"))).contains(InputFormat.FEED);
    assertThat(InputFormat.parse("html")).isEqualTo(InputFormat.HTML);
  }
}
