package io.newsarchive.ingest;

import static io.newsarchive.ingest.Fixtures.fixture;
import static io.newsarchive.ingest.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.newsarchive.article.Article;
import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {

  private final RecordingListener listener = new RecordingListener();

  private List<Article> read(Path file, ReadOptions options) throws IOException {
    return readAll(InputFormat.JSON_LINES.open(file, options, listener));
  }

  @Test
  void readsTheDefaultSchemaAndRejectsBadLinesWithTheirNumbers() throws IOException {
    List<Article> articles = read(fixture("jsonl/mixed.jsonl"), ReadOptions.defaults());

    assertThat(articles).extracting(Article::sourceId).containsExactly("a1", "17", "a8", "a9");
    assertThat(listener.rejections)
        .extracting(Rejection::line, Rejection::record)
        .containsExactly(tuple(3L, 3L), tuple(4L, 4L), tuple(5L, 5L), tuple(6L, 6L));
    assertThat(listener.rejections)
        .extracting(Rejection::reason)
        .satisfiesExactly(
            r -> assertThat(r).startsWith("invalid JSON"),
            r -> assertThat(r).contains("neither title", "'title'", "'body'"),
            r -> assertThat(r).contains("'published'", "yesterday-ish"),
            r -> assertThat(r).contains("field 'title' must be a string, not object"));
  }

  @Test
  void turnsHtmlIntoTextWithParagraphsAsLines() throws IOException {
    Article first = read(fixture("jsonl/mixed.jsonl"), ReadOptions.defaults()).get(0);

    assertThat(first.title()).isEqualTo("Budget & Taxes");
    assertThat(first.body()).isEqualTo("First paragraph & more.\nSecond\nline with bold text.");
  }

  @Test
  void mapsTheOtherDefaultFields() throws IOException {
    List<Article> articles = read(fixture("jsonl/mixed.jsonl"), ReadOptions.defaults());
    Article first = articles.get(0);
    Article second = articles.get(1);

    assertThat(first.id()).isEqualTo("example-times-a1");
    assertThat(first.url()).isEqualTo("https://example.com/a1");
    assertThat(first.language()).isEqualTo("en");
    assertThat(first.authors()).containsExactly("Ann Writer", "Bob Editor");
    assertThat(first.published()).isEqualTo(Instant.parse("2023-05-01T12:30:00Z"));
    assertThat(second.title()).isEqualTo("Plain ‘quoted’ title");
    assertThat(second.body()).isEqualTo("Plain body\nwith two lines.");
    assertThat(second.authors()).containsExactly("Carol Columnist");
    assertThat(second.published()).isEqualTo(Instant.parse("2023-05-02T06:00:00.25Z"));
    assertThat(second.publishedText()).isEqualTo("2023-05-02 08:00:00.250+02:00");
  }

  @Test
  void readsEpochMillisAndDateOnlyValuesAndNamesTheSourceAfterTheFile() throws IOException {
    List<Article> articles = read(fixture("jsonl/mixed.jsonl"), ReadOptions.defaults());

    assertThat(articles.get(2).published()).isEqualTo(Instant.ofEpochMilli(1683000000123L));
    assertThat(articles.get(2).source()).isEqualTo("mixed");
    assertThat(articles.get(3).published()).isEqualTo(Instant.parse("2023-05-03T00:00:00Z"));
  }

  @Test
  void usesTheConfiguredSourceForRecordsWithoutOne() throws IOException {
    ReadOptions options = ReadOptions.defaults().withJsonSource("Wire Export");

    List<Article> articles = read(fixture("jsonl/mixed.jsonl"), options);

    assertThat(articles.get(2).source()).isEqualTo("Wire Export");
    assertThat(articles.get(0).source()).isEqualTo("Example Times");
  }

  @Test
  void readsGzipAndPicksTheRssPresetFromTheFirstRecord() throws IOException {
    List<Article> articles = read(fixture("jsonl/rss-sample.jsonl.gz"), ReadOptions.defaults());

    assertThat(articles).hasSize(2);
    Article first = articles.get(0);
    assertThat(first.source()).isEqualTo("The Example Post");
    assertThat(first.sourceId()).isEqualTo("00000000000000a1");
    assertThat(first.url()).isEqualTo("https://example.org/news/1?utm=rss");
    assertThat(first.body()).isEqualTo("Central bank raises rates.\nMarkets fell.");
    assertThat(first.published()).isEqualTo(Instant.parse("2023-01-01T00:05:35Z"));
    assertThat(articles.get(1).body()).isEmpty();
    assertThat(articles.get(1).published()).isEqualTo(Instant.parse("2023-10-19T03:01:44.5Z"));
    assertThat(listener.rejections).isEmpty();
  }

  @Test
  void readsAnExportThroughAUserMapping() throws IOException {
    JsonFieldMapping mapping =
        JsonFieldMapping.parse("title=headline,body=text,published=date,url=link,source=outlet");

    List<Article> articles =
        read(fixture("jsonl/custom.jsonl"), ReadOptions.defaults().withJsonMapping(mapping));

    assertThat(articles)
        .singleElement()
        .satisfies(a -> {
          assertThat(a.title()).isEqualTo("Custom headline");
          assertThat(a.body()).isEqualTo("Custom text");
          assertThat(a.source()).isEqualTo("Example Net");
          assertThat(a.published()).isEqualTo(Instant.parse("2008-06-03T11:05:30Z"));
          assertThat(a.sourceId()).isEmpty();
          assertThat(a.id()).startsWith("example-net-").hasSize("example-net-".length() + 16);
        });
  }

  @Test
  void recognizesJsonLinesFromContentEvenWhenCompressed() throws IOException {
    assertThat(InputFormat.detect(fixture("jsonl/mixed.jsonl"))).contains(InputFormat.JSON_LINES);
    assertThat(InputFormat.detect(fixture("jsonl/rss-sample.jsonl.gz")))
        .contains(InputFormat.JSON_LINES);
  }

  @Test
  void readsTheWholeRssNews2023CorpusWithoutOptions() throws IOException {
    Path corpus = SharedCorpora.require("corpora/rss-news-2023/rss2023-news-en.jsonl.gz");
    assertThat(InputFormat.detect(corpus)).contains(InputFormat.JSON_LINES);

    Set<String> ids = new HashSet<>();
    Set<String> languages = new HashSet<>();
    List<Article> undatedOrMarkedUp = new ArrayList<>();
    Article first = null;
    long count = 0;
    try (ArticleReader reader =
        InputFormat.JSON_LINES.open(corpus, ReadOptions.defaults(), listener)) {
      for (Optional<Article> next = reader.next(); next.isPresent(); next = reader.next()) {
        Article article = next.get();
        count++;
        first = first == null ? article : first;
        ids.add(article.id());
        languages.add(article.language());
        if (article.published() == null || article.body().contains("<p>")) {
          undatedOrMarkedUp.add(article);
        }
      }
    }

    assertThat(listener.rejections).isEmpty();
    assertThat(count).isEqualTo(121_844);
    assertThat(ids).hasSize(121_844);
    assertThat(undatedOrMarkedUp).isEmpty();
    assertThat(languages).containsExactly("en");
    assertThat(first.published()).isEqualTo(Instant.parse("2023-01-01T00:05:35Z"));
    assertThat(first.source()).isEqualTo("Daily Mail");
    assertThat(first.sourceId()).isEqualTo("ff49fdd2091482ae");
  }
}
