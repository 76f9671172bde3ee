package io.newsarchive.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.ingest.ArticleReader;
import io.newsarchive.ingest.IngestListener;
import io.newsarchive.ingest.InputFormat;
import io.newsarchive.ingest.ReadOptions;
import io.newsarchive.ingest.Rejection;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.server.SearchServer;
import io.newsarchive.server.ServerOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web page's files as the real server serves them: everything the page loads comes from the
 * server itself, with the right types, and nothing points at another host. Needs no browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPageAssetsTest {

  private static final Path SEED = Path.of("..", "data", "sample", "kayhan-83245.txt");
  private static final Pattern HTML_REFERENCE = Pattern.compile("(?:src|href)=\"([^\"#]+)\"");
  private static final Pattern JS_IMPORT = Pattern.compile("from '(\\./[^']+)'");
  private static final Pattern ABSOLUTE_URL = Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^\\s'\"`]+");

  private final HttpClient client = HttpClient.newHttpClient();
  private ArticleSearcher searcher;
  private Javalin app;

  @BeforeAll
  void start(@TempDir Path indexDir) throws IOException {
    try (ArticleIndexer indexer = ArticleIndexer.open(indexDir);
        ArticleReader seed =
            InputFormat.KAYHAN_TEXT.open(SEED, ReadOptions.defaults(), new FailingListener())) {
      for (var article = seed.next(); article.isPresent(); article = seed.next()) {
        indexer.upsert(article.get());
      }
    }
    searcher = ArticleSearcher.open(indexDir, SearcherOptions.DEFAULTS);
    app = SearchServer.create(searcher, new ServerOptions("127.0.0.1", 0)).start();
  }

  @AfterAll
  void stop() throws IOException {
    if (app != null) {
      app.stop();
    }
    if (searcher != null) {
      searcher.close();
    }
  }

  @Test
  void everyFileThePageLoadsIsServedWithItsType() throws Exception {
    Map<String, HttpResponse<String>> files = crawl();

    assertThat(files.keySet())
        .contains(
            "",
            "app.css",
            "app.js",
            "api.js",
            "article.js",
            "dom.js",
            "significant.js",
            "state.js",
            "timeline.js");
    files.forEach((path, response) -> {
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      String type = response.headers().firstValue("Content-Type").orElse("");
      String expected =
          path.isEmpty() ? "text/html" : path.endsWith(".css") ? "text/css" : "javascript";
      assertThat(type).as(path).contains(expected);
    });
  }

  @Test
  void aFileTheBrowserHoldsIsAnsweredNotModifiedByItsTag() throws Exception {
    HttpResponse<String> first = get("app.js");
    String tag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(first.headers().firstValue("Cache-Control")).contains("max-age=0");

    URI uri = URI.create("http://127.0.0.1:" + app.port() + "/app.js");
    HttpResponse<String> again =
        client.send(
            HttpRequest.newBuilder(uri).header("If-None-Match", tag).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    assertThat(get("app.css").headers().firstValue("ETag")).isNotEqualTo(Optional.of(tag));
    assertThat(get("").body()).isEqualTo(get("index.html").body());
    assertThat(get("").headers().firstValue("ETag"))
        .isEqualTo(get("index.html").headers().firstValue("ETag"));
  }

  @Test
  void thePageRequestsNothingFromOtherHosts() throws Exception {
    Map<String, HttpResponse<String>> files = crawl();

    String html = files.get("").body();
    assertThat(html).contains("<html lang=\"en\">");
    assertThat(files.get("").headers().firstValue("Content-Security-Policy"))
        .get()
        .asString()
        .contains("default-src 'self'")
        .contains("connect-src 'self'");
    files.forEach((path, response) -> {
      Matcher urls = ABSOLUTE_URL.matcher(response.body());
      while (urls.find()) {
        // The SVG namespace is a name, never fetched.
        assertThat(urls.group()).as(path).isEqualTo("http://www.w3.org/2000/svg");
      }
    });
  }

  /** GETs the page, then every file it references and every module those import. */
  private Map<String, HttpResponse<String>> crawl() throws IOException, InterruptedException {
    Map<String, HttpResponse<String>> seen = new LinkedHashMap<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add("");
    while (!todo.isEmpty()) {
      String path = todo.poll();
      if (seen.containsKey(path)) {
        continue;
      }
      HttpResponse<String> response = get(path);
      seen.put(path, response);
      Pattern references = path.endsWith(".js") ? JS_IMPORT : HTML_REFERENCE;
      Matcher m = references.matcher(response.body());
      while (m.find()) {
        String target = m.group(1).replaceFirst("^\\./", "");
        if (!target.startsWith("data:")) {
          todo.add(target);
        }
      }
    }
    return seen;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + app.port() + "/" + path);
    return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The seed article is valid; a rejection means the reader broke. */
  private static final class FailingListener implements IngestListener {
    @Override
    public void rejected(Rejection rejection) {
      throw new IllegalStateException("the seed article was rejected: " + rejection);
    }

    @Override
    public void warned(Rejection warning) {}
  }
}
