package io.newsarchive.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Arrays;

/**
 * Fetches search pages from a server over loopback HTTP with kept-alive connections. {@link
 * HttpURLConnection} keeps one idle connection per client thread and costs the CPUs less than the
 * JDK's {@code HttpClient}. Thread-safe.
 */
public final class HttpPages implements PageClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final String defaults;

  /**
   * @param base the search URL up to its query string, e.g. {@code
   *     http://127.0.0.1:7070/api/search}
   * @param defaults parameters added to every query string that does not set them itself, e.g.
   *     {@code size=10&interval=month}
   */
  public HttpPages(String base, String defaults) {
    this.base = base;
    this.defaults = defaults;
  }

  @Override
  public void fetch(String query) throws IOException {
    get(url(query));
  }

  /** The {@code total} of the JSON answer to {@code query}. */
  public long total(String query) throws IOException {
    JsonNode answer = JSON.readTree(get(url(query)));
    return answer.path("total").asLong(-1);
  }

  private String url(String query) {
    return base + '?' + withDefaults(query, defaults);
  }

  /**
   * {@code query} followed by each parameter of {@code defaults} that it does not set itself, so
   * that a query's own {@code size} or {@code interval} wins over the bench's.
   */
  public static String withDefaults(String query, String defaults) {
    StringBuilder full = new StringBuilder(query);
    for (String param : defaults.split("&")) {
      String name = param.substring(0, param.indexOf('=') + 1);
      if (!query.startsWith(name) && !query.contains("&" + name)) {
        full.append(full.isEmpty() ? "" : "&").append(param);
      }
    }
    return full.toString();
  }

  private static byte[] get(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    int status = connection.getResponseCode();
    try (InputStream body =
        status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      byte[] bytes = body == null ? new byte[0] : body.readAllBytes();
      if (status != 200) {
        throw new RequestFailedException(url, status, reason(bytes));
      }
      return bytes;
    }
  }

  /** The error and detail of the server's JSON error body, or the body as it is. */
  private static String reason(byte[] body) {
    String text = new String(body, UTF_8).strip();
    try {
      JsonNode error = JSON.readTree(body);
      if (error != null && error.has("error")) {
        return String.join(
            " ",
            Arrays.stream(new String[] {"error", "detail", "param"})
                .filter(f -> error.hasNonNull(f))
                .map(f ->
                    f.equals("param") ? "(" + error.get(f).asText() + ")" : error.get(f).asText())
                .toList());
      }
    } catch (IOException e) {
      // Not JSON: the body is the message.
    }
    return text.isEmpty() ? "(empty body)" : text;
  }
}
