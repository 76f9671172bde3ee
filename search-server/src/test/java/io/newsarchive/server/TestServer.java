package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real app on a random loopback port over an index in a directory, or any other backend, and a
 * client for it.
 */
final class TestServer implements AutoCloseable {

  /** A response: status, raw body and parsed JSON. */
  record Reply(int status, String contentType, String body, JsonNode json) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SearchBackend backend;
  private final Javalin app;
  private final HttpClient client = HttpClient.newHttpClient();

  TestServer(Path indexDir) throws IOException {
    this(indexDir, new SearcherOptions(Duration.ofMillis(100), Duration.ofSeconds(10)));
  }

  TestServer(Path indexDir, SearcherOptions options) throws IOException {
    this(indexDir, options, new ServerOptions("127.0.0.1", 0));
  }

  TestServer(Path indexDir, ServerOptions options) throws IOException {
    this(indexDir, new SearcherOptions(Duration.ofMillis(100), Duration.ofSeconds(10)), options);
  }

  TestServer(Path indexDir, SearcherOptions searcherOptions, ServerOptions options)
      throws IOException {
    this(ArticleSearcher.open(indexDir, searcherOptions), options);
  }

  /** The app over {@code backend}, which closing the server closes. */
  TestServer(SearchBackend backend, ServerOptions options) {
    this.backend = backend;
    app = SearchServer.create(backend, options).start();
  }

  /**
   * One server over the Reuters test index, started by the first test class that asks and shared by
   * every class that only reads it; it stops with the test JVM.
   */
  static TestServer reuters() throws IOException {
    return SharedReuters.get();
  }

  /** The server of {@link #reuters()}, started once. */
  private static final class SharedReuters {
    private static TestServer server;

    private static synchronized TestServer get() throws IOException {
      if (server == null) {
        TestServer started = new TestServer(ReutersIndex.get().directory());
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(() -> {
                  try {
                    started.close();
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                }));
        server = started;
      }
      return server;
    }
  }

  /** A client that sends requests byte for byte. */
  RawHttp raw() {
    return new RawHttp(app.port());
  }

  Javalin app() {
    return app;
  }

  /** The local index served; only for a server over an index directory. */
  ArticleSearcher searcher() {
    return (ArticleSearcher) backend;
  }

  /** GETs {@code pathAndQuery} (already URL-encoded). */
  Reply get(String pathAndQuery) {
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + pathAndQuery))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String type = response.headers().firstValue("Content-Type").orElse("");
      JsonNode json = type.startsWith("application/json") ? JSON.readTree(response.body()) : null;
      return new Reply(response.statusCode(), type, response.body(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The JSON of the answer to {@code pathAndQuery}, which must be 200 (else the body says why). */
  JsonNode ok(String pathAndQuery) {
    Reply reply = get(pathAndQuery);
    assertThat(reply.status()).as(pathAndQuery + " -> " + reply.body()).isEqualTo(200);
    return reply.json();
  }

  @Override
  public void close() throws IOException {
    app.stop();
    backend.close();
  }
}
