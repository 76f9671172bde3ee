package io.newsarchive.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a plain-text article's sidecar says about it: a small JSON object in a file named after the
 * text file ({@code 001.meta.json} beside {@code 001.txt}) with any of {@code published} (ISO-8601,
 * RFC 1123 or epoch seconds/millis, as in JSON Lines records), {@code source}, {@code language},
 * {@code url} and {@code authors} (a name or a list of names). What it gives wins over the options
 * of the run. Immutable.
 *
 * @param published the publication instant, or null when the sidecar gives none
 * @param publishedText the date as the sidecar writes it, or empty
 * @param source the source, or empty
 * @param language the language code, or empty
 * @param url the article's address, or empty
 * @param authors bylines, possibly none
 */
public record TextSidecar(
    Instant published,
    String publishedText,
    String source,
    String language,
    String url,
    List<String> authors) {

  /** What ends a sidecar's file name, in place of the text file's {@code .txt}. */
  static final String SUFFIX = ".meta.json";

  /** The most characters a sidecar may have; a longer one is no sidecar but a mistake. */
  static final int MAX_CHARS = 64 * 1024;

  /** The fields a sidecar may hold. */
  static final Set<String> FIELDS = Set.of("published", "source", "language", "url", "authors");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the list of authors. */
  public TextSidecar {
    authors = List.copyOf(authors);
  }

  /** Whether a file's name makes it a sidecar. */
  static boolean isSidecar(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(SUFFIX);
  }

  /**
   * The name of the sidecar of a plain-text file ({@code 001.meta.json} for {@code 001.txt} or
   * {@code 001.txt.gz}), or of the text file itself when it has no {@code .txt} ending.
   */
  static String sidecarName(String textFileName) {
    String lower = textFileName.toLowerCase(Locale.ROOT);
    int end = lower.endsWith(".txt.gz") ? 7 : lower.endsWith(".txt") ? 4 : 0;
    return textFileName.substring(0, textFileName.length() - end) + SUFFIX;
  }

  /**
   * Reads a sidecar's text.
   *
   * @throws IllegalArgumentException saying what is wrong: not a JSON object, an unknown field, a
   *     field of the wrong kind, an unreadable date
   */
  static TextSidecar parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not JSON (" + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ")");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a sidecar must be one JSON object");
    }
    Set<String> unknown = new TreeSet<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      if (!FIELDS.contains(field.getKey())) {
        unknown.add(field.getKey());
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown field(s) " + unknown + "; a sidecar may hold " + new TreeSet<>(FIELDS));
    }
    JsonNode date = root.path("published");
    Instant published = date.isMissingNode() || date.isNull() ? null : JsonDates.parse(date);
    return new TextSidecar(
        published,
        published == null ? "" : date.asText(),
        text(root, "source"),
        text(root, "language").toLowerCase(Locale.ROOT),
        text(root, "url"),
        authors(root.path("authors")));
  }

  private static String text(JsonNode root, String field) {
    JsonNode value = root.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return "";
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("'" + field + "' must be text");
    }
    return value.textValue().strip();
  }

  private static List<String> authors(JsonNode value) {
    List<String> names = new ArrayList<>();
    if (value.isTextual()) {
      names.add(value.textValue());
    } else if (value.isArray()) {
      for (JsonNode name : value) {
        if (!name.isTextual()) {
          throw new IllegalArgumentException("'authors' must be a name or a list of names");
        }
        names.add(name.textValue());
      }
    } else if (!value.isMissingNode() && !value.isNull()) {
      throw new IllegalArgumentException("'authors' must be a name or a list of names");
    }
    names.removeIf(String::isBlank);
    return names;
  }
}
