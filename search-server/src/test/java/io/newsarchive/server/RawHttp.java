package io.newsarchive.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends requests byte for byte over a socket, for what an HTTP client would refuse to send or
 * quietly repair: malformed request lines, bad percent-encoding, other methods, any Host header.
 */
final class RawHttp {

  /** A response as read off the socket; header names lower-cased. */
  record Response(int status, Map<String, String> headers, String body) {

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The Content-Type, empty when absent. */
    String contentType() {
      return headers.getOrDefault("content-type", "");
    }

    /** The Retry-After, empty when absent. */
    String retryAfter() {
      return headers.getOrDefault("retry-after", "");
    }

    JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final int port;

  RawHttp(int port) {
    this.port = port;
  }

  /**
   * One GET over a fresh connection with the request target exactly as given, which {@link
   * java.net.http.HttpClient} refuses to send for invalid percent-encoding.
   */
  static Response get(int port, String target) throws IOException {
    try {
      return new RawHttp(port).send("GET", target, "Host: 127.0.0.1:" + port + "\r\n");
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** {@code method target} over HTTP/1.1 to {@code Host: localhost}, and nothing else. */
  Response send(String method, String target) {
    return send(method, target, "Host: localhost\r\n");
  }

  /** {@code method target} with {@code headers}, each ending in CRLF. */
  Response send(String method, String target, String headers) {
    return exchange(
        method + " " + target + " HTTP/1.1\r\n" + headers + "Connection: close\r\n\r\n");
  }

  /** Writes {@code request} as it is and reads the response until the server closes. */
  Response exchange(String request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      // One character per byte, so that chunk sizes count characters.
      return parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Response parse(String text) {
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    String bytes = end < 0 ? "" : text.substring(end + 4);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
      bytes = dechunk(bytes);
    }
    String body = new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    return new Response(status, headers, body);
  }

  private static String dechunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int lineEnd = body.indexOf("\r\n", at);
      int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
      if (size == 0) {
        break;
      }
      out.append(body, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    return out.toString();
  }
}
