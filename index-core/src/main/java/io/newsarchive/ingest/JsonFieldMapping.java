package io.newsarchive.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which JSON field of an export holds each article field, for {@link JsonLinesReader}. Immutable,
 * so thread-safe.
 *
 * <p>Every component is the name of a top-level field in the JSON objects; an empty name means the
 * export has no such field.
 *
 * @param id the source's own id of the article (string or number)
 * @param source the publisher or feed name
 * @param url the article's address
 * @param title the headline (text, HTML allowed)
 * @param body the article text (text, HTML allowed)
 * @param published the publication date: ISO-8601 text, RFC 1123 text, or epoch seconds/millis
 * @param language the language tag, e.g. {@code en-US}
 * @param authors the bylines: an array of strings or one string
 */
public record JsonFieldMapping(
    String id,
    String source,
    String url,
    String title,
    String body,
    String published,
    String language,
    String authors) {

  /** The documented default schema: fields named exactly like the article fields. */
  public static final JsonFieldMapping DEFAULT =
      new JsonFieldMapping(
          "id", "source", "url", "title", "body", "published", "language", "authors");

  /**
   * The schema of the rss-news-2023 corpus ({@code rss2023-news-en.jsonl.gz}): {@code description}
   * as body, {@code date_published}, {@code source_title} as source and {@code link} as URL.
   */
  public static final JsonFieldMapping RSS_NEWS_2023 =
      new JsonFieldMapping(
          "id", "source_title", "link", "title", "description", "date_published", "language", "");

  private static final Map<String, JsonFieldMapping> PRESETS =
      Map.of("default", DEFAULT, "rss-news-2023", RSS_NEWS_2023);

  private static final List<String> KEYS =
      List.of("id", "source", "url", "title", "body", "published", "language", "authors");

  /** Normalizes missing names to empty and rejects names that are not plain field names. */
  public JsonFieldMapping {
    id = check("id", id);
    source = check("source", source);
    url = check("url", url);
    title = check("title", title);
    body = check("body", body);
    published = check("published", published);
    language = check("language", language);
    authors = check("authors", authors);
    if (title.isEmpty() && body.isEmpty()) {
      throw new IllegalArgumentException("a JSON field mapping needs a title or a body field");
    }
  }

  /**
   * Parses a user option: either a preset name ({@code default}, {@code rss-news-2023}) or a
   * comma-separated list of {@code ourField=theirField} pairs, e.g. {@code
   * title=title,body=description,published=date_published}. Fields not listed keep their {@link
   * #DEFAULT} names; {@code field=} (empty) says the export has no such field.
   *
   * @throws IllegalArgumentException for an unknown field or preset, or a pair without {@code =}
   */
  public static JsonFieldMapping parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    JsonFieldMapping preset = PRESETS.get(trimmed.toLowerCase(Locale.ROOT));
    if (preset != null) {
      return preset;
    }
    if (!trimmed.contains("=")) {
      throw new IllegalArgumentException(
          "unknown JSON mapping '"
              + text
              + "': expected a preset ("
              + String.join(", ", PRESETS.keySet().stream().sorted().toList())
              + ") or field=name pairs with fields "
              + String.join(", ", KEYS));
    }
    Map<String, String> names = pairs(trimmed);
    return new JsonFieldMapping(
        names.get("id"),
        names.get("source"),
        names.get("url"),
        names.get("title"),
        names.get("body"),
        names.get("published"),
        names.get("language"),
        names.get("authors"));
  }

  /** Every key's field name: the default, unless the comma-separated pairs name another. */
  private static Map<String, String> pairs(String text) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String key : KEYS) {
      names.put(key, DEFAULT.name(key));
    }
    for (String pair : text.split(",")) {
      int equals = pair.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException(
            "JSON mapping entry '" + pair.strip() + "' has no '=': expected field=name");
      }
      String key = pair.substring(0, equals).strip().toLowerCase(Locale.ROOT);
      if (!names.containsKey(key)) {
        throw new IllegalArgumentException(
            "unknown field '"
                + key
                + "' in JSON mapping: expected one of "
                + String.join(", ", KEYS));
      }
      names.put(key, pair.substring(equals + 1).strip());
    }
    return names;
  }

  /** The mapping as {@code field=name} pairs, the form {@link #parse} reads. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    for (String key : KEYS) {
      if (!out.isEmpty()) {
        out.append(',');
      }
      out.append(key).append('=').append(name(key));
    }
    return out.toString();
  }

  private String name(String key) {
    return switch (key) {
      case "id" -> id;
      case "source" -> source;
      case "url" -> url;
      case "title" -> title;
      case "body" -> body;
      case "published" -> published;
      case "language" -> language;
      case "authors" -> authors;
      default -> throw new IllegalStateException("no mapping key " + key);
    };
  }

  private static String check(String key, String name) {
    String value = name == null ? "" : name.strip();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '=' || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "JSON field name for '" + key + "' must not contain ',', '=' or control characters");
      }
    }
    return value;
  }
}
