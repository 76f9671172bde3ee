package io.newsarchive.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The smallest HTTP path to {@link RawLucenePage}: the JDK's own server answers {@code GET
 * /raw?QUERY} with the page as JSON written by Jackson, and a bad query with 400 and a one-line
 * {@code {"error": ...}}. No routing, validation, limits or metrics: it shows what HTTP and JSON
 * add to the library's cost. Bound to the loopback address only.
 */
public final class RawHttpServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService workers;

  private RawHttpServer(HttpServer server, ExecutorService workers) {
    this.server = server;
    this.workers = workers;
  }

  /** Starts a server for {@code pages} on a free loopback port, with {@code threads} workers. */
  public static RawHttpServer start(RawLucenePage pages, int threads) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    ExecutorService workers = Executors.newFixedThreadPool(threads);
    server.setExecutor(workers);
    server.createContext("/raw", exchange -> answer(pages, exchange));
    server.start();
    return new RawHttpServer(server, workers);
  }

  /** The URL of the page route, to which the query string is appended after a {@code ?}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/raw";
  }

  private static void answer(RawLucenePage pages, HttpExchange exchange) throws IOException {
    try (exchange) {
      String query = exchange.getRequestURI().getRawQuery();
      int status = 200;
      byte[] body;
      try {
        body = JSON.writeValueAsBytes(pages.page(RawPageRequest.parse(query == null ? "" : query)));
      } catch (IllegalArgumentException e) {
        status = 400;
        body =
            JSON.writeValueAsString(Map.of("error", String.valueOf(e.getMessage())))
                .getBytes(UTF_8);
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
