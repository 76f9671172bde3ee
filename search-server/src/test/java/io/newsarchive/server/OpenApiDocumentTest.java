package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.ParsedEndpoint;
import io.newsarchive.search.SearchParameter;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the OpenAPI document honest: same routes and parameters as the running app. */
class OpenApiDocumentTest {

  @TempDir static Path indexDir;
  private static TestServer server;
  private static JsonNode document;

  @BeforeAll
  static void start() throws IOException {
    TestArticles.index(indexDir, TestArticles.archive());
    server = new TestServer(indexDir);
    try (InputStream in = OpenApiHandler.class.getResourceAsStream(OpenApiHandler.RESOURCE)) {
      document = new ObjectMapper().readTree(in);
    }
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  @Test
  void documentsExactlyTheRoutesTheAppRegisters() {
    Map<String, Set<String>> registered = new HashMap<>();
    for (ParsedEndpoint endpoint : server.app().unsafe.internalRouter.allHttpHandlers()) {
      registered
          .computeIfAbsent(endpoint.endpoint.method.name(), m -> new HashSet<>())
          .add("GET " + endpoint.endpoint.path);
    }
    // The host check and CORS run before every request.
    registered.remove("BEFORE");
    // HEAD and OPTIONS answer on every path, as the document's description says.
    assertThat(registered.keySet()).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");
    assertThat(registered.get("HEAD")).isEqualTo(registered.get("GET"));
    assertThat(registered.get("OPTIONS")).isEqualTo(registered.get("GET"));
    Set<String> documented = new HashSet<>();
    Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path.getKey()));
    }
    // The web page's files answer on routes of their own, outside the API the document describes.
    Set<String> api = new HashSet<>(registered.get("GET"));
    WebPage.load().paths().forEach(path -> api.remove("GET " + path));
    assertThat(api).hasSizeLessThan(registered.get("GET").size());
    assertThat(documented).isEqualTo(api);
  }

  @Test
  void everyResponseListsTheSecurityHeadersAndEveryRouteTheHostCheck() {
    JsonNode served = server.get("/api/openapi.json").json();
    for (Map.Entry<String, String> header : SecurityHeaders.ALL) {
      assertThat(served.at("/components/headers/" + header.getKey() + "/schema/example").asText())
          .isEqualTo(header.getValue());
    }
    served
        .get("paths")
        .forEach(path -> {
          JsonNode responses = path.get("get").get("responses");
          assertThat(responses.at("/421/$ref").asText())
              .isEqualTo("#/components/responses/MisdirectedRequest");
          assertThat(responses.has("400")).isTrue();
          assertThat(responses.get("200").get("headers").fieldNames())
              .toIterable()
              .containsExactly(
                  "Content-Security-Policy",
                  "X-Content-Type-Options",
                  "X-Frame-Options",
                  "Referrer-Policy");
        });
    assertThat(served.at("/components/responses/MethodNotAllowed/headers/Allow")).isNotEmpty();
  }

  @Test
  void documentsExactlyTheQueryParametersEachRouteDeclares() {
    Map<String, List<String>> accepted = new HashMap<>();
    try (ServerMetrics metrics = new ServerMetrics(server.searcher())) {
      for (Route route : SearchServer.routes(server.searcher(), Optional.of(metrics))) {
        accepted.put(route.path(), route.params().stream().map(SearchParameter::name).toList());
      }
    }
    JsonNode served = server.get("/api/openapi.json").json();
    Map<String, List<String>> documented = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> paths = served.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      List<String> params = new ArrayList<>();
      for (JsonNode param : path.getValue().get("get").path("parameters")) {
        if (param.get("in").asText().equals("query")) {
          params.add(param.get("name").asText());
        }
      }
      documented.put(path.getKey(), params);
    }
    assertThat(documented).isEqualTo(accepted);
  }

  @Test
  void searchParametersCarryTheirDeclaredLimitsDefaultsAndDocs() {
    JsonNode params =
        server.get("/api/openapi.json").json().at("/paths/~1api~1search/get/parameters");
    assertThat(params).hasSize(SearchParameters.ALL.size());
    JsonNode size = params.get(SearchParameters.ALL.indexOf(SearchParameters.SIZE));
    assertThat(size.get("name").asText()).isEqualTo("size");
    assertThat(size.get("description").asText()).isEqualTo(SearchParameters.SIZE.doc());
    assertThat(size.at("/schema/minimum").asInt()).isZero();
    assertThat(size.at("/schema/maximum").asInt()).isEqualTo(SearchParameters.MAX_SIZE);
    assertThat(size.at("/schema/default").asInt()).isEqualTo(10);
    JsonNode sort = params.get(SearchParameters.ALL.indexOf(SearchParameters.SORT));
    assertThat(sort.at("/schema/enum").toString())
        .isEqualTo("[\"relevance\",\"newest\",\"oldest\"]");
    JsonNode person = params.get(SearchParameters.ALL.indexOf(SearchParameters.PERSONS));
    assertThat(person.get("explode").asBoolean()).isTrue();
    assertThat(person.at("/schema/type").asText()).isEqualTo("array");
  }

  @Test
  void exportAndFeedTakeTheSearchParametersButPaging() {
    JsonNode paths = server.get("/api/openapi.json").json().get("paths");
    List<String> export = new ArrayList<>();
    paths.at("/~1api~1export/get/parameters").forEach(p -> export.add(p.get("name").asText()));
    assertThat(export)
        .contains("q", "sort", "format", "body")
        .doesNotContain("page", "size", "cursor");
    JsonNode format =
        paths.at(
            "/~1api~1export/get/parameters/"
                + ExportHandler.PARAMS.indexOf(SearchParameters.FORMAT));
    assertThat(format.at("/schema/enum").toString()).isEqualTo("[\"csv\",\"jsonl\"]");
    assertThat(paths.at("/~1api~1export/get/responses/200/content").has("text/csv; charset=utf-8"))
        .isTrue();
    List<String> feed = new ArrayList<>();
    paths.at("/~1api~1feed/get/parameters").forEach(p -> feed.add(p.get("name").asText()));
    assertThat(feed).contains("q", "topic").doesNotContain("sort", "page", "size", "cursor");
    assertThat(paths.at("/~1api~1feed/get/responses/200/content").has("application/atom+xml"))
        .isTrue();
    JsonNode snippets =
        paths.at(
            "/~1api~1search/get/parameters/"
                + SearchParameters.ALL.indexOf(SearchParameters.SNIPPETS));
    assertThat(snippets.at("/schema/enum").toString()).isEqualTo("[\"html\",\"text\"]");
    assertThat(snippets.at("/schema/default").asText()).isEqualTo("html");
  }

  @Test
  void servesTheDocumentAsJson() {
    TestServer.Reply reply = server.get("/api/openapi.json");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(reply.json().get("info")).isEqualTo(document.get("info"));
    assertThat(document.get("openapi").asText()).startsWith("3.");
  }
}
