package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.server.RawHttp.Response;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the server answers at the HTTP level, over a socket: Jetty's own errors, methods other than
 * GET, the encoding of the query string, the security headers, the Host header and CORS.
 */
class HttpProtocolTest {

  private static final String LONG = "a".repeat(20_000);

  @TempDir static Path indexDir;
  private static TestServer server;
  private static RawHttp http;

  @BeforeAll
  static void start() throws IOException {
    TestArticles.index(indexDir, TestArticles.archive());
    server = new TestServer(indexDir);
    http = server.raw();
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  private static void assertErrorShape(Response response) {
    assertThat(response.header("Content-Type")).startsWith("application/json");
    assertThat(response.json().fieldNames())
        .toIterable()
        .containsExactly("error", "detail", "param");
    assertThat(response.json().get("detail").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("<html", "Exception", "\tat ");
    assertSecurityHeaders(response);
  }

  private static void assertSecurityHeaders(Response response) {
    assertThat(response.header("Content-Security-Policy"))
        .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY)
        .contains("frame-ancestors 'none'");
    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
  }

  @Test
  void jettysOwnErrorsComeInTheJsonShape() {
    Response noUri = http.exchange("BAD\r\n\r\n");
    assertThat(noUri.status()).isEqualTo(400);
    assertErrorShape(noUri);

    Response badPath = http.send("GET", "/api/articles/%zz");
    assertThat(badPath.status()).isEqualTo(400);
    assertErrorShape(badPath);

    Response badUtf8Path = http.send("GET", "/api/articles/%C3%28");
    assertThat(badUtf8Path.status()).isEqualTo(400);
    assertErrorShape(badUtf8Path);

    Response longUri = http.send("GET", "/api/search?q=" + LONG);
    assertThat(longUri.status()).isEqualTo(414);
    assertErrorShape(longUri);
    assertThat(longUri.json().get("error").asText()).isEqualTo("URI too long");

    Response bigHeader =
        http.send("GET", "/api/search", "Host: localhost\r\nX-Big: " + LONG + "\r\n");
    assertThat(bigHeader.status()).isEqualTo(431);
    assertErrorShape(bigHeader);
  }

  @ParameterizedTest
  @CsvSource({
    "/api/search?q=%zz, q",
    "/api/search?q=cocoa%2, q",
    "/api/search?q=%C3%28, q",
    "/api/search?q=%FF, q",
    "/api/search?source=reuters&source=%E2%82, source",
    "/api/articles/reuters-1/related?size=%G1, size",
    // A raw byte 0xFF, not percent-encoded: not UTF-8 either.
    "/api/search?q=\u00ff, q",
  })
  void invalidEncodingIsA400NamingTheParameter(String target, String param) {
    Response response = http.send("GET", target);
    assertThat(response.status()).as(target).isEqualTo(400);
    assertErrorShape(response);
    assertThat(response.json().get("param").asText()).isEqualTo(param);
    assertThat(response.json().get("error").asText())
        .isEqualTo("invalid encoding of '" + param + "'");
  }

  @Test
  void aMalformedParameterNameIsAnUnknownParameter() {
    Response response = http.send("GET", "/api/search?%zz=1");
    assertThat(response.status()).isEqualTo(400);
    assertErrorShape(response);
    assertThat(response.json().get("param").asText()).isEqualTo("%zz");
    assertThat(response.json().get("error").asText()).isEqualTo("unknown parameter '%zz'");
  }

  @Test
  void wellEncodedTextIsDecoded() {
    // "cocoa ghana" with + and %20, and the name percent-encoded.
    Response plus = http.send("GET", "/api/search?q=cocoa+ghana&op=and&size=0&facets=");
    Response percent = http.send("GET", "/api/search?%71=cocoa%20ghana&op=and&size=0&facets=");
    assertThat(plus.status()).isEqualTo(200);
    assertThat(plus.json().get("total").asLong()).isEqualTo(1);
    assertThat(percent.json().get("total")).isEqualTo(plus.json().get("total"));
    // The euro sign as UTF-8 parses as a word that matches nothing: a 200, not an error.
    Response euro = http.send("GET", "/api/search?q=%E2%82%AC&size=0&facets=");
    assertThat(euro.status()).isEqualTo(200);
    // So does it sent as raw UTF-8 bytes, which clients should percent-encode but some do not.
    Response raw = http.send("GET", "/api/search?q=\u00e2\u0082\u00ac&size=0&facets=");
    assertThat(raw.status()).isEqualTo(200);
  }

  @ParameterizedTest
  @CsvSource({
    "POST, /api/search",
    "PUT, /api/stats",
    "DELETE, /api/articles/reuters-1",
    "PATCH, /api/articles/reuters-1/related",
    "POST, /",
    "PUT, /app.js",
  })
  void otherMethodsOnKnownResourcesAre405WithAllow(String method, String target) {
    Response response = http.send(method, target, "Host: localhost\r\nContent-Length: 0\r\n");
    assertThat(response.status()).as(method + " " + target).isEqualTo(405);
    assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
    assertErrorShape(response);
    assertThat(response.json().get("detail").asText()).contains(method);
  }

  @Test
  void otherMethodsOnUnknownPathsAre404() {
    Response response = http.send("DELETE", "/api/nothing");
    assertThat(response.status()).isEqualTo(404);
    assertErrorShape(response);
  }

  @Test
  void headAnswersAsGetWithoutABody() {
    Response get = http.send("GET", "/api/stats");
    Response head = http.send("HEAD", "/api/stats");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
    assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(get.body().length()));
    assertThat(head.body()).isEmpty();
    assertSecurityHeaders(head);

    Response bad = http.send("HEAD", "/api/search?size=ten");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).isEmpty();
    assertThat(http.send("HEAD", "/app.js").status()).isEqualTo(200);
  }

  @Test
  void optionsListsTheMethods() {
    for (String target : List.of("/api/search", "/api/articles/reuters-1", "/")) {
      Response response = http.send("OPTIONS", target);
      assertThat(response.status()).as(target).isEqualTo(204);
      assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
      assertThat(response.header("Content-Type")).isNull();
      assertThat(response.body()).isEmpty();
    }
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String target :
        List.of("/", "/app.js", "/api/stats", "/api/search?q=cocoa", "/api/nothing")) {
      Response response = http.send("GET", target);
      assertThat(response.status()).as(target).isIn(200, 404);
      assertSecurityHeaders(response);
    }
    // The page takes its policy from the header; the one definition is SecurityHeaders.
    assertThat(http.send("GET", "/").body()).doesNotContain("Content-Security-Policy");
  }

  @Test
  void hostHeaderMustNameThisServer() {
    int port = server.app().port();
    for (String host :
        List.of(
            "localhost",
            "localhost:" + port,
            "127.0.0.1:" + port,
            "[::1]:" + port,
            "app.localhost")) {
      assertThat(http.send("GET", "/health", "Host: " + host + "\r\n").status())
          .as(host)
          .isEqualTo(200);
    }
    Response rebound = http.send("GET", "/api/stats", "Host: attacker.example:" + port + "\r\n");
    assertThat(rebound.status()).isEqualTo(421);
    assertErrorShape(rebound);
    assertThat(rebound.json().get("detail").asText())
        .contains("attacker.example")
        .contains("--allowed-hosts attacker.example");
    assertThat(http.send("GET", "/", "Host: attacker.example\r\n").status()).isEqualTo(421);
  }

  @Test
  void allowedHostsAndCorsOriginsAreOptIn() throws IOException {
    ServerOptions options =
        new ServerOptions(
            "127.0.0.1", 0, List.of("News.Example.org"), List.of("https://app.example.org"));
    try (TestServer opened = new TestServer(indexDir, options)) {
      RawHttp client = opened.raw();
      assertThat(client.send("GET", "/health", "Host: news.example.org\r\n").status())
          .isEqualTo(200);
      assertThat(client.send("GET", "/health", "Host: other.example.org\r\n").status())
          .isEqualTo(421);

      Response allowed =
          client.send(
              "GET", "/api/stats", "Host: localhost\r\nOrigin: https://app.example.org\r\n");
      assertThat(allowed.header("Access-Control-Allow-Origin"))
          .isEqualTo("https://app.example.org");
      assertThat(allowed.header("Vary")).contains("Origin");
      Response other =
          client.send("GET", "/api/stats", "Host: localhost\r\nOrigin: https://evil.example\r\n");
      assertThat(other.header("Access-Control-Allow-Origin")).isNull();

      Response preflight =
          client.send(
              "OPTIONS",
              "/api/search",
              "Host: localhost\r\nOrigin: https://app.example.org\r\n"
                  + "Access-Control-Request-Method: GET\r\n");
      assertThat(preflight.status()).isEqualTo(204);
      assertThat(preflight.header("Access-Control-Allow-Origin"))
          .isEqualTo("https://app.example.org");
      assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD");
    }
    // Without --cors no origin gets a CORS header.
    Response plain =
        http.send("GET", "/api/stats", "Host: localhost\r\nOrigin: https://app.example.org\r\n");
    assertThat(plain.status()).isEqualTo(200);
    assertThat(plain.header("Access-Control-Allow-Origin")).isNull();
    assertThat(plain.header("Vary")).isNull();
  }
}
