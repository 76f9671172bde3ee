package io.newsarchive.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One news article, as read from any source format. Immutable.
 *
 * <p>The {@link #id()} is stable across runs so that re-indexing the same input updates instead of
 * duplicating: see {@link #deriveId(String, String, String)}.
 *
 * @param id stable identifier, unique in an index
 * @param source publisher or collection, e.g. {@code kayhan.ir} or {@code reuters}
 * @param sourceId the source's own id for the article (the seed's "News ID"), or empty
 * @param url canonical address of the article, or empty
 * @param title headline, may be empty when the source has none
 * @param body text of the article, may be empty (a headline-only wire item); a record with neither
 *     title nor body is still an article of its collection (it has a date, a source, codes), so
 *     readers decide whether their format allows it
 * @param published publication instant, or {@code null} when the source gives no date
 * @param publishedText the date exactly as the source wrote it, or empty
 * @param language ISO 639-1 code, e.g. {@code en} (a declared {@code en-US}, {@code eng} or {@code
 *     English} is normalized to it), or empty when unknown
 * @param authors bylines, possibly empty
 * @param entities extracted people, organizations and places, possibly empty
 * @param codes editor-assigned category codes by scheme, possibly empty
 */
public record Article(
    String id,
    String source,
    String sourceId,
    String url,
    String title,
    String body,
    Instant published,
    String publishedText,
    String language,
    List<String> authors,
    List<Entity> entities,
    Map<CodeScheme, List<String>> codes) {

  /**
   * Validates and normalizes: control characters other than tab and line ends are dropped, blank
   * strings become empty, collections become immutable copies.
   */
  public Article {
    source = clean(source);
    if (source.isEmpty()) {
      throw new IllegalArgumentException("article has no source");
    }
    sourceId = clean(sourceId);
    url = clean(url);
    title = clean(title);
    body = clean(body);
    publishedText = clean(publishedText);
    language = normalizeLanguage(language);
    id = clean(id);
    if (id.isEmpty()) {
      id = deriveId(source, sourceId, url.isEmpty() ? title + "\n" + published : url);
    }
    authors = authors == null ? List.of() : List.copyOf(authors);
    entities = entities == null ? List.of() : List.copyOf(entities);
    Map<CodeScheme, List<String>> copy = new EnumMap<>(CodeScheme.class);
    if (codes != null) {
      codes.forEach((scheme, values) -> copy.put(scheme, List.copyOf(values)));
    }
    // Scheme order, not Map.copyOf's per-JVM order: the stored codes feed the content hash, which
    // must be the same in every run for a re-ingest to find the article unchanged.
    codes = Collections.unmodifiableMap(copy);
  }

  /** The language the entity tagger reads: it was trained on English news only. */
  public static final String TAGGED_LANGUAGE = "en";

  /**
   * Whether the entity tagger reads this article: it is in {@link #TAGGED_LANGUAGE} or in no known
   * language. Other articles have no entities, and the API says so by leaving them out rather than
   * listing none.
   */
  public boolean tagged() {
    return language.isEmpty() || language.equals(TAGGED_LANGUAGE);
  }

  /** This article in {@code newLanguage}, a language tag normalized as the constructor does. */
  public Article withLanguage(String newLanguage) {
    return new Article(
        id,
        source,
        sourceId,
        url,
        title,
        body,
        published,
        publishedText,
        newLanguage,
        authors,
        entities,
        codes);
  }

  /** This article with its entities replaced, e.g. by an extractor's output. */
  public Article withEntities(List<Entity> newEntities) {
    return new Article(
        id,
        source,
        sourceId,
        url,
        title,
        body,
        published,
        publishedText,
        language,
        authors,
        newEntities,
        codes);
  }

  /** Entities of one type, in the order the extractor gave them. */
  public List<Entity> entities(EntityType type) {
    List<Entity> result = new ArrayList<>();
    for (Entity entity : entities) {
      if (entity.type() == type) {
        result.add(entity);
      }
    }
    return result;
  }

  /** Codes of one scheme, possibly empty. */
  public List<String> codes(CodeScheme scheme) {
    return codes.getOrDefault(scheme, List.of());
  }

  /**
   * The stable id of an article. With a source-local id it is {@code slug(source) + "-" +
   * slug(sourceId)}, e.g. {@code kayhan.ir-83245} or {@code reuters-1234}; without one it is {@code
   * slug(source) + "-" +} the first 16 hex digits of the SHA-256 of {@code fallback} (the URL, or
   * the title and date when there is no URL). Ids use only {@code [a-z0-9._-]}, so they are safe in
   * URLs.
   */
  public static String deriveId(String source, String sourceId, String fallback) {
    String prefix = slug(clean(source));
    String local = slug(clean(sourceId));
    if (!local.isEmpty()) {
      return prefix + "-" + local;
    }
    return prefix + "-" + Sha256.hex(clean(fallback)).substring(0, 16);
  }

  /** A fresh builder; every field starts empty. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The text stripped, without control characters other than tab and line ends: a NUL or an escape
   * code from a broken export has no place in a headline, a snippet or a JSON response.
   */
  private static String clean(String text) {
    if (text == null) {
      return "";
    }
    int first = 0;
    while (first < text.length() && !isDropped(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text.strip();
    }
    StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isDropped(c)) {
        out.append(c);
      }
    }
    return out.toString().strip();
  }

  private static boolean isDropped(char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
  }

  private static String normalizeLanguage(String language) {
    return LanguageTags.normalize(clean(language));
  }

  private static String slug(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean dash = false;
    for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_') {
        out.append(c);
        dash = false;
      } else if (!dash && !out.isEmpty()) {
        out.append('-');
        dash = true;
      }
    }
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) == '-') {
      end--;
    }
    return out.substring(0, end);
  }

  /** Mutable builder for readers that learn an article's fields one at a time. Not thread-safe. */
  public static final class Builder {
    private String id;
    private String source;
    private String sourceId;
    private String url;
    private String title;
    private String body;
    private Instant published;
    private String publishedText;
    private String language;
    private final List<String> authors = new ArrayList<>();
    private final List<Entity> entities = new ArrayList<>();
    private final Map<CodeScheme, List<String>> codes = new EnumMap<>(CodeScheme.class);

    private Builder() {}

    /** Sets an explicit id; when unset, {@link Article#deriveId} derives one. */
    public Builder id(String value) {
      id = value;
      return this;
    }

    /** Sets the source (publisher or collection). */
    public Builder source(String value) {
      source = value;
      return this;
    }

    /** Sets the source's own id for the article. */
    public Builder sourceId(String value) {
      sourceId = value;
      return this;
    }

    /** Sets the article's URL. */
    public Builder url(String value) {
      url = value;
      return this;
    }

    /** Sets the headline. */
    public Builder title(String value) {
      title = value;
      return this;
    }

    /** Sets the body text. */
    public Builder body(String value) {
      body = value;
      return this;
    }

    /** Sets the publication instant and the date text it was parsed from. */
    public Builder published(Instant instant, String originalText) {
      published = instant;
      publishedText = originalText;
      return this;
    }

    /** Sets the language tag; only its primary subtag is kept. */
    public Builder language(String value) {
      language = value;
      return this;
    }

    /** Adds a byline; blank values are ignored. */
    public Builder author(String value) {
      if (value != null && !value.isBlank()) {
        authors.add(value.strip());
      }
      return this;
    }

    /** Adds an entity. */
    public Builder entity(Entity value) {
      entities.add(Objects.requireNonNull(value));
      return this;
    }

    /** Adds category codes of one scheme; blank values are ignored. */
    public Builder codes(CodeScheme scheme, List<String> values) {
      List<String> list = codes.computeIfAbsent(scheme, s -> new ArrayList<>());
      for (String value : values) {
        if (value != null && !value.isBlank()) {
          list.add(value.strip());
        }
      }
      return this;
    }

    /**
     * Builds the article.
     *
     * @throws IllegalArgumentException when the fields do not make a valid article
     */
    public Article build() {
      return new Article(
          id,
          source,
          sourceId,
          url,
          title,
          body,
          published,
          publishedText,
          language,
          authors,
          entities,
          codes);
    }
  }
}
