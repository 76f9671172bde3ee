package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.testing.ReutersIndex;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} on the real server: the counters and histograms move by exactly the requests
 * and searches made, and no label carries what a client sent.
 */
class ServerMetricsTest {

  private static final Pattern SAMPLE = Pattern.compile("([a-z_]+)(?:\\{(.*)})? (\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");

  private static final String SEARCH_OK = "http_server_requests_seconds_count{GET /api/search 2xx}";

  /** One scrape: every sample by its name and labels, written {@code name{method route status}}. */
  record Scrape(String text, Map<String, Double> samples) {

    static Scrape of(String text) {
      Map<String, Double> samples = new HashMap<>();
      for (String line : text.split("\n")) {
        Matcher sample = SAMPLE.matcher(line);
        if (line.startsWith("#") || !sample.matches()) {
          continue;
        }
        samples.put(key(sample.group(1), sample.group(2)), Double.parseDouble(sample.group(3)));
      }
      return new Scrape(text, samples);
    }

    private static String key(String name, String labels) {
      if (labels == null) {
        return name;
      }
      Map<String, String> values = new TreeMap<>();
      Matcher label = LABEL.matcher(labels);
      while (label.find()) {
        values.put(label.group(1), label.group(2));
      }
      if (!values.containsKey("route")) {
        return name + "{" + labels + "}";
      }
      return name
          + "{"
          + values.get("method")
          + " "
          + values.get("route")
          + " "
          + values.get("status")
          + (values.containsKey("le") ? " le=" + values.get("le") : "")
          + "}";
    }

    /** The sample's value, 0 when the scrape has none. */
    double get(String key) {
      return samples.getOrDefault(key, 0.0);
    }

    /** Every value of the {@code route} label. */
    Set<String> routes() {
      Set<String> routes = new HashSet<>();
      Matcher route = Pattern.compile("route=\"([^\"]*)\"").matcher(text);
      while (route.find()) {
        routes.add(route.group(1));
      }
      return routes;
    }
  }

  private static Scrape scrape(TestServer server) {
    TestServer.Reply reply = server.get("/metrics");
    assertThat(reply.status()).isEqualTo(200);
    return Scrape.of(reply.body());
  }

  /**
   * Scrapes until {@code ready} holds: a request is counted just after its answer is sent, so the
   * client may see the answer first.
   */
  private static Scrape awaitScrape(TestServer server, Predicate<Scrape> ready)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Scrape scrape = scrape(server);
    while (!ready.test(scrape)) {
      assertThat(System.nanoTime()).as("waited for the counts:%n%s", scrape.text()).isLessThan(end);
      Thread.sleep(20);
      scrape = scrape(server);
    }
    return scrape;
  }

  @Test
  void requestsAndSearchOutcomesMoveTheirCountersByExactlyTheirNumber() throws Exception {
    // One slot, a long budget and a short wait: a second search beside a heavy one is refused.
    SearcherOptions options =
        new SearcherOptions(
            Duration.ofSeconds(1), Duration.ofSeconds(120), 1, Duration.ofMillis(200));
    try (TestServer server = new TestServer(ReutersIndex.get().directory(), options)) {
      Scrape before = scrape(server);

      assertThat(server.get("/api/search?q=cocoa+zqxsecret").status()).isEqualTo(200);
      assertThat(server.get("/api/search?q=coffee&sort=newest").status()).isEqualTo(200);
      assertThat(server.get("/api/search?q=tin&size=-1").status()).isEqualTo(400);
      assertThat(server.get("/api/articles/no-such-zqxid").status()).isEqualTo(404);
      assertThat(server.get("/no/such/zqxpath").status()).isEqualTo(404);
      assertThat(server.raw().send("GET", "/api/search?q=lead", "Host: evil.example\r\n").status())
          .isEqualTo(421);
      Scrape after =
          awaitScrape(
              server,
              s ->
                  s.get(SEARCH_OK) == before.get(SEARCH_OK) + 2
                      && s.get("http_server_requests_seconds_count{GET other 4xx}")
                          == before.get("http_server_requests_seconds_count{GET other 4xx}") + 1);

      assertThat(delta(before, after, SEARCH_OK)).isEqualTo(2);
      assertThat(delta(before, after, "http_server_requests_seconds_count{GET /api/search 4xx}"))
          .as("the bad size and the foreign host")
          .isEqualTo(2);
      assertThat(
              delta(
                  before, after, "http_server_requests_seconds_count{GET /api/articles/{id} 4xx}"))
          .isEqualTo(1);
      assertThat(delta(before, after, "http_server_requests_seconds_count{GET other 4xx}"))
          .isEqualTo(1);
      // The histogram holds every request once: its last bucket is its count.
      assertThat(
              delta(
                  before,
                  after,
                  "http_server_requests_seconds_bucket{GET /api/search 2xx le=+Inf}"))
          .isEqualTo(2);
      assertThat(delta(before, after, "http_server_requests_seconds_sum{GET /api/search 2xx}"))
          .isPositive();
      assertThat(delta(before, after, "newsarchive_searches_total")).isEqualTo(2);
      assertThat(delta(before, after, "newsarchive_searches_timed_out_total")).isZero();
      assertThat(delta(before, after, "newsarchive_searches_rejected_total")).isZero();

      refusedAndCancelled(server, after);

      assertThat(after.text()).doesNotContain("zqx", "cocoa", "coffee", "newest", "evil");
      assertThat(after.routes())
          .containsExactlyInAnyOrder(
              "/api/search", "/api/articles/{id}", "/metrics", ServerMetrics.NO_ROUTE);
      assertThat(after.get("newsarchive_index_articles")).isEqualTo((double) ReutersIndex.ARTICLES);
      assertThat(after.get("newsarchive_index_size_bytes"))
          .isEqualTo((double) server.searcher().stats().indexBytes());
      assertThat(after.text())
          .contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads ");
    }
  }

  /** A search refused while a heavy one holds the only slot, then the heavy one's client leaves. */
  private static void refusedAndCancelled(TestServer server, Scrape before) throws Exception {
    ArticleSearcher searcher = server.searcher();
    try (Socket abandoned = HeavySearch.send(server.app().port())) {
      HeavySearch.awaitRunning(searcher, 1);
      TestServer.Reply busy = server.get("/api/search?q=rubber");
      assertThat(busy.status()).isEqualTo(503);
    }
    HeavySearch.awaitRunning(searcher, 0);
    Scrape after =
        awaitScrape(
            server,
            s ->
                s.get("http_server_requests_seconds_count{GET /api/search 5xx}")
                        == before.get("http_server_requests_seconds_count{GET /api/search 5xx}") + 1
                    && s.get("newsarchive_searches_cancelled_total")
                        == before.get("newsarchive_searches_cancelled_total") + 1);
    assertThat(delta(before, after, "newsarchive_searches_rejected_total")).isEqualTo(1);
    assertThat(delta(before, after, "newsarchive_searches_cancelled_total")).isEqualTo(1);
    assertThat(delta(before, after, "newsarchive_searches_timed_out_total")).isZero();
    assertThat(delta(before, after, "newsarchive_searches_total")).isEqualTo(1);
    assertThat(after.get("newsarchive_searches_running")).isZero();
  }

  @Test
  void aSearchOutOfTimeIsCountedAsTimedOutAndARefreshAsARefresh(@TempDir Path dir)
      throws Exception {
    TestArticles.index(dir, TestArticles.archive());
    SearcherOptions hurried = new SearcherOptions(Duration.ofSeconds(1), Duration.ofNanos(1));
    try (TestServer server = new TestServer(dir, hurried)) {
      Scrape before = scrape(server);
      assertThat(server.get("/api/search?q=cocoa").json().get("timedOut").asBoolean()).isTrue();
      Scrape after = awaitScrape(server, s -> s.get(SEARCH_OK) == 1);
      assertThat(delta(before, after, "newsarchive_searches_total")).isEqualTo(1);
      assertThat(delta(before, after, "newsarchive_searches_timed_out_total")).isEqualTo(1);
      assertThat(delta(before, after, "newsarchive_searches_cancelled_total")).isZero();
      long articles = server.searcher().count();
      assertThat(after.get("newsarchive_index_articles")).isEqualTo((double) articles);

      TestArticles.index(
          dir,
          List.of(
              TestArticles.article("reuters-99", "Coffee talks", "Quota talks", null, List.of())));
      server.searcher().refresh();
      Scrape refreshed =
          awaitScrape(server, s -> s.get("newsarchive_index_articles") == articles + 1);
      assertThat(delta(after, refreshed, "newsarchive_index_refreshes_total")).isEqualTo(1);
      assertThat(refreshed.get("newsarchive_index_size_bytes"))
          .isGreaterThan(after.get("newsarchive_index_size_bytes"));
    }
  }

  @Test
  void answersPrometheusTextOrOpenMetricsUnderTheRulesOfEveryRoute(@TempDir Path dir)
      throws IOException {
    TestArticles.index(dir, TestArticles.archive());
    try (TestServer server = new TestServer(dir)) {
      RawHttp http = server.raw();
      RawHttp.Response text = http.send("GET", "/metrics");
      assertThat(text.status()).isEqualTo(200);
      assertThat(text.contentType()).isEqualTo(ServerMetrics.PROMETHEUS_TEXT);
      assertThat(text.body()).contains("# TYPE newsarchive_searches_total counter");
      for (Map.Entry<String, String> header : SecurityHeaders.ALL) {
        assertThat(text.header(header.getKey())).isEqualTo(header.getValue());
      }
      RawHttp.Response open =
          http.send(
              "GET",
              "/metrics",
              "Host: localhost\r\nAccept: application/openmetrics-text; version=1.0.0\r\n");
      assertThat(open.contentType()).isEqualTo(ServerMetrics.OPEN_METRICS_TEXT);
      assertThat(open.body().strip()).endsWith("# EOF");
      assertThat(http.send("GET", "/metrics", "Host: evil.example\r\n").status()).isEqualTo(421);
      assertThat(http.send("POST", "/metrics").status()).isEqualTo(405);
      assertThat(http.send("GET", "/metrics?q=x").status()).isEqualTo(400);
      assertThat(http.send("OPTIONS", "/metrics").header("Allow")).isEqualTo(AllowedMethods.ALLOW);
    }
  }

  @Test
  void turnedOffThereIsNoMetricsRouteNorDocument(@TempDir Path dir) throws IOException {
    TestArticles.index(dir, TestArticles.archive());
    ServerOptions off = new ServerOptions("127.0.0.1", 0).withoutMetrics();
    try (TestServer server = new TestServer(dir, off)) {
      assertThat(server.get("/metrics").status()).isEqualTo(404);
      assertThat(server.get("/api/openapi.json").json().get("paths").has("/metrics")).isFalse();
      assertThat(server.get("/api/search?q=cocoa").status()).isEqualTo(200);
    }
  }

  private static double delta(Scrape before, Scrape after, String key) {
    return after.get(key) - before.get(key);
  }
}
