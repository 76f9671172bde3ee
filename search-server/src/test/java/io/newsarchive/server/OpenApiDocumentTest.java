package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.ParsedEndpoint;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps the static OpenAPI document honest: same routes and parameters as the running app. */
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
    Set<String> registered = new HashSet<>();
    for (ParsedEndpoint endpoint : server.app().unsafe.internalRouter.allHttpHandlers()) {
      registered.add(endpoint.endpoint.method + " " + endpoint.endpoint.path);
    }
    Set<String> documented = new HashSet<>();
    Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path.getKey()));
    }
    assertThat(documented).isEqualTo(registered);
  }

  @Test
  void documentsExactlyTheQueryParametersEachRouteAccepts() {
    Map<String, Set<String>> accepted = new HashMap<>();
    for (Route route : SearchServer.routes(server.searcher())) {
      accepted.put(route.path(), route.params());
    }
    Map<String, Set<String>> documented = new HashMap<>();
    Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Set<String> params = new HashSet<>();
      for (JsonNode param : path.getValue().get("get").get("parameters")) {
        if (param.get("in").asText().equals("query")) {
          params.add(param.get("name").asText());
        }
      }
      documented.put(path.getKey(), params);
    }
    assertThat(documented).isEqualTo(accepted);
  }

  @Test
  void servesTheDocumentAsJson() {
    TestServer.Reply reply = server.get("/api/openapi.json");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    assertThat(reply.json()).isEqualTo(document);
    assertThat(document.get("openapi").asText()).startsWith("3.");
  }
}
