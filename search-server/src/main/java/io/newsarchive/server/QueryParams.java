package io.newsarchive.server;

import io.javalin.http.Context;
import io.newsarchive.search.InvalidRequestException;
import io.newsarchive.search.SearchParameter;
import io.newsarchive.search.SearchParameters;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the declared query parameters of one request. Every bad value becomes an {@link
 * InvalidRequestException} that names the parameter, as its declaration words it; so does a
 * parameter the route does not declare, so that a misspelt name is never silently ignored.
 *
 * <p>The query string is decoded here, strictly: a {@code %} not followed by two hex digits, or
 * bytes that are not UTF-8, percent-encoded or raw, make the value a 400 naming its parameter
 * rather than text the client never sent. A name that does not decode is kept as written, which no
 * route declares, so it is reported as an unknown parameter.
 */
final class QueryParams {

  private final Map<String, List<String>> values;

  private QueryParams(Map<String, List<String>> values) {
    this.values = values;
  }

  /** The parameters of {@code ctx}, after checking that each name is one of {@code declared}. */
  static QueryParams of(Context ctx, List<SearchParameter<?>> declared) {
    Map<String, List<String>> raw = split(ctx.queryString());
    Map<String, List<String>> decoded = new LinkedHashMap<>();
    raw.forEach((name, texts) -> {
      String key = decode(name).orElse(name);
      decoded.computeIfAbsent(key, k -> new ArrayList<>()).addAll(texts);
    });
    SearchParameters.checkNames(declared, decoded.keySet());
    decoded.replaceAll((name, texts) -> texts.stream().map(text -> value(name, text)).toList());
    return new QueryParams(decoded);
  }

  /** The value of {@code parameter}, its default when absent. */
  <T> T get(SearchParameter<T> parameter) {
    return parameter.parse(values.getOrDefault(parameter.name(), List.of()));
  }

  /** The values of {@code parameters}, each its default when absent. */
  Map<SearchParameter<?>, Object> all(List<SearchParameter<?>> parameters) {
    Map<SearchParameter<?>, Object> all = new HashMap<>();
    for (SearchParameter<?> parameter : parameters) {
      all.put(parameter, get(parameter));
    }
    return all;
  }

  /** The still encoded values of each still encoded name, in order. */
  private static Map<String, List<String>> split(String query) {
    Map<String, List<String>> raw = new LinkedHashMap<>();
    if (query == null) {
      return raw;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String text = equals < 0 ? "" : pair.substring(equals + 1);
      raw.computeIfAbsent(name, k -> new ArrayList<>()).add(text);
    }
    return raw;
  }

  private static String value(String name, String text) {
    return decode(text)
        .orElseThrow(() ->
            new InvalidRequestException(
                name,
                "invalid encoding of '" + name + "'",
                "the value is not percent-encoded UTF-8 text: every % must start a byte such as"
                    + " %20, the bytes must be UTF-8, and a literal % is written %25"));
  }

  /**
   * {@code text} with {@code +} read as a space and {@code %XY} as the byte XY, the bytes read as
   * UTF-8; empty when a {@code %} does not start a byte or the bytes are not UTF-8.
   */
  private static Optional<String> decode(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0 && text.indexOf('\uFFFD') < 0) {
      return Optional.of(text);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
        if (low < 0) {
          return Optional.empty();
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else if (c == '\uFFFD') {
        // Jetty put the replacement character where raw bytes in the URI were not UTF-8.
        return Optional.empty();
      } else {
        // Jetty hands over characters it already decoded from raw UTF-8 bytes; keep them whole.
        int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
        bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end - 1;
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
