package io.newsarchive.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.server.SearchServer;
import io.newsarchive.server.ServerOptions;
import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The raw-Lucene baseline and the load clients, against the server over Reuters-21578. */
class RawLucenePageTest {

  private static final String DEFAULTS = "size=10&interval=month";

  private static ArticleSearcher searcher;
  private static Javalin app;
  private static RawLucenePage raw;

  @BeforeAll
  static void start() throws IOException {
    // A generous budget: on a busy machine a search cut short would report a partial total.
    searcher =
        ArticleSearcher.open(
            ReutersIndex.get().directory(),
            new SearcherOptions(Duration.ofMillis(100), Duration.ofSeconds(60)));
    app = SearchServer.create(searcher, new ServerOptions("127.0.0.1", 0)).start();
    raw = RawLucenePage.open(ReutersIndex.get().directory());
  }

  @AfterAll
  static void stop() throws IOException {
    raw.close();
    app.stop();
    searcher.close();
  }

  private static String searchUrl() {
    return "http://127.0.0.1:" + app.port() + "/api/search";
  }

  private static RawPage rawPage(String query) throws IOException {
    return raw.page(RawPageRequest.parse(HttpPages.withDefaults(query, DEFAULTS)));
  }

  private static JsonNode ours(String query) throws IOException {
    try (InputStream in =
        URI.create(searchUrl() + "?" + HttpPages.withDefaults(query, DEFAULTS))
            .toURL()
            .openStream()) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void rawPageMatchesAsManyArticlesAsTheServerAndCountsTheSameSources() throws IOException {
    for (String query :
        List.of("q=cocoa", "q=oil+prices", "q=", "q=wheat&from=1987-03-01&to=1987-03-31")) {
      RawPage page = rawPage(query + "&facets=source,place");
      JsonNode json = ours(query + "&facets=source,place");
      assertThat(json.get("timedOut").asBoolean()).as(query).isFalse();
      assertThat(page.total()).as(query).isEqualTo(json.get("total").asLong());
      List<String> sources = new ArrayList<>();
      json.get("facets")
          .get("source")
          .forEach(f -> sources.add(f.get("value").asText() + "=" + f.get("count").asLong()));
      assertThat(page.facets().get("source"))
          .extracting(c -> c.value() + "=" + c.count())
          .as(query)
          .containsExactlyElementsOf(sources);
      assertThat(page.hits()).hasSize((int) Math.min(10, page.total()));
    }
  }

  @Test
  void rawTimelineCountsEveryDatedMatchByMonth() throws IOException {
    RawPage page = rawPage("q=cocoa");
    assertThat(page.timeline())
        .extracting(RawPage.Count::value)
        .allMatch(v -> v.matches("\\d{4}-\\d\\d-01T00:00:00Z"));
    long dated = page.timeline().stream().mapToLong(RawPage.Count::count).sum();
    assertThat(dated).isEqualTo(page.total());
  }

  @Test
  void rawPageHighlightsTheBodyAndSortsByDate() throws IOException {
    RawPage page = rawPage("q=cocoa&sort=newest");
    // Briefs that are a headline only have no body to highlight.
    assertThat(page.hits())
        .filteredOn(h -> h.snippet() != null)
        .hasSizeGreaterThanOrEqualTo(7)
        .allSatisfy(h -> assertThat(h.snippet()).containsIgnoringCase("<b>cocoa</b>"));
    List<String> dates = page.hits().stream().map(RawPage.Hit::published).toList();
    assertThat(dates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void rawPageRejectsQueriesTheParserCannotRead() {
    assertThatThrownBy(() -> rawPage("q=%22unclosed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unclosed");
  }

  @Test
  void queryStringsOwnSizeAndIntervalWinOverTheDefaults() {
    assertThat(HttpPages.withDefaults("q=a&size=5", DEFAULTS))
        .isEqualTo("q=a&size=5&interval=month");
    assertThat(HttpPages.withDefaults("q=a&facetSize=5", DEFAULTS))
        .isEqualTo("q=a&facetSize=5&size=10&interval=month");
    assertThat(HttpPages.withDefaults("interval=year", DEFAULTS))
        .isEqualTo("interval=year&size=10");
  }

  @Test
  void aFailedRequestSaysWhereAndWhy() {
    HttpPages pages = new HttpPages(searchUrl(), DEFAULTS);
    assertThatThrownBy(() -> pages.fetch("q=cocoa&size=-1"))
        .isInstanceOf(RequestFailedException.class)
        .hasMessageContaining("/api/search?q=cocoa&size=-1")
        .hasMessageContaining("answered 400")
        .hasMessageContaining("size");
  }

  @Test
  void closedLoopMeasuresEveryRequestAcrossClients() throws IOException {
    List<String> mix = List.of("q=cocoa", "q=gold", "q=");
    LoadResult result = new ClosedLoop(mix, 3, 30, 60).measure(query -> rawPage(query));
    assertThat(result.nanos()).hasSize(30);
    assertThat(Arrays.stream(result.nanos()).min().orElseThrow()).isPositive();
    assertThat(result.percentileMillis(50)).isPositive().isLessThanOrEqualTo(result.maxMillis());
    assertThat(result.percentileMillis(1, 50)).isPositive();
    assertThat(result.cpuMillisPerPage()).isPositive();
  }

  @Test
  void closedLoopStopsAtTheFirstFailure() {
    ClosedLoop loop = new ClosedLoop(List.of("q=cocoa", "q=%22unclosed"), 2, 100, 60);
    assertThatThrownBy(() -> loop.measure(query -> rawPage(query)))
        .isInstanceOf(RequestFailedException.class)
        .hasMessageContaining("q=%22unclosed");
  }

  @Test
  void rawHttpServerAnswersThePageAsJson() throws IOException {
    try (RawHttpServer server = RawHttpServer.start(raw, 2)) {
      HttpPages pages = new HttpPages(server.url(), DEFAULTS);
      assertThat(pages.total("q=cocoa")).isEqualTo(rawPage("q=cocoa").total());
      assertThatThrownBy(() -> pages.fetch("q=%22unclosed"))
          .hasMessageContaining("answered 400")
          .hasMessageContaining("cannot read");
    }
  }
}
