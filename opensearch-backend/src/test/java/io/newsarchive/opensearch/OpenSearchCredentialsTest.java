package io.newsarchive.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The credentials of the environment, as the client sends them: a loopback HTTP server answers
 * every request with 200 and records the {@code Authorization} header it came with.
 */
class OpenSearchCredentialsTest {

  private static final String NONE = "(none)";

  private HttpServer server;
  private final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String header = exchange.getRequestHeaders().getFirst("Authorization");
          authorizations.add(header == null ? NONE : header);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void sendsUserAndPasswordAsBasicAuthentication() throws IOException {
    ping(
        Map.of(
            OpenSearchCredentials.USER_VARIABLE, "archivist",
            OpenSearchCredentials.PASSWORD_VARIABLE, "s3cret:ü"));

    String expected =
        Base64.getEncoder().encodeToString("archivist:s3cret:ü".getBytes(StandardCharsets.UTF_8));
    assertThat(authorizations).containsExactly("Basic " + expected);
  }

  @Test
  void sendsAnApiKey() throws IOException {
    ping(
        Map.of(
            OpenSearchCredentials.API_KEY_VARIABLE,
            "VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="));

    assertThat(authorizations)
        .containsExactly("ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==");
  }

  @Test
  void sendsNoAuthorizationWithoutCredentials() throws IOException {
    ping(Map.of(OpenSearchCredentials.USER_VARIABLE, ""));

    assertThat(authorizations).containsExactly(NONE);
  }

  @Test
  void refusesAUserWithoutPassword() {
    assertThatThrownBy(() -> connect(Map.of(OpenSearchCredentials.USER_VARIABLE, "archivist")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "NEWSARCHIVE_OPENSEARCH_USER is set but NEWSARCHIVE_OPENSEARCH_PASSWORD is not;"
                + " basic authentication needs both");
    assertThat(authorizations).isEmpty();
  }

  @Test
  void refusesAPasswordWithoutUser() {
    assertThatThrownBy(() -> connect(Map.of(OpenSearchCredentials.PASSWORD_VARIABLE, "s3cret")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "NEWSARCHIVE_OPENSEARCH_PASSWORD is set but NEWSARCHIVE_OPENSEARCH_USER is not");
  }

  @Test
  void refusesBothAnApiKeyAndAUser() {
    Map<String, String> both =
        Map.of(
            OpenSearchCredentials.API_KEY_VARIABLE, "key",
            OpenSearchCredentials.USER_VARIABLE, "archivist",
            OpenSearchCredentials.PASSWORD_VARIABLE, "s3cret");

    assertThatThrownBy(() -> connect(both))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not both");
  }

  @Test
  void neverPrintsTheSecret() {
    OpenSearchCredentials credentials =
        OpenSearchCredentials.fromEnvironment(
                Map.of(
                    OpenSearchCredentials.USER_VARIABLE, "archivist",
                    OpenSearchCredentials.PASSWORD_VARIABLE, "s3cret"))
            .orElseThrow();

    assertThat(credentials).hasToString("user archivist");
  }

  private void ping(Map<String, String> environment) throws IOException {
    try (OpenSearchConnection connection = connect(environment)) {
      assertThat(connection.client().ping().value()).isTrue();
    }
  }

  private OpenSearchConnection connect(Map<String, String> environment) {
    URI address = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    return OpenSearchConnection.open(List.of(address), environment);
  }
}
