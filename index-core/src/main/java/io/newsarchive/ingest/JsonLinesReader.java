package io.newsarchive.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.newsarchive.article.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads JSON Lines exports: UTF-8 (optionally gzip), one JSON object per line, blank lines ignored.
 * A {@link JsonFieldMapping} says which field holds what; by default the fields are {@code id},
 * {@code source}, {@code url}, {@code title}, {@code body}, {@code published}, {@code language} and
 * {@code authors} (an array of strings, or one string).
 *
 * <p>HTML in the title and body becomes clean text, paragraphs on their own lines (see {@link
 * HtmlText}). Dates are read by {@link JsonDates}. The mapped {@code id} is the article's {@code
 * sourceId}, from which {@link Article} derives its stable id. A record without source field gets
 * {@link ReadOptions#source()} when it names one, or else the file name. A line that is not a JSON
 * object, has neither title nor body, an unreadable date or a field of the wrong type is rejected
 * with its line number, and reading goes on. Not thread-safe.
 */
public final class JsonLinesReader implements ArticleReader {

  /** Thread-safe once configured; shared by all sources. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private static final Set<String> TEXT_FIELDS =
      Set.of("title", "body", "description", "text", "headline", "content", "summary");

  private final Path file;
  private final IngestListener listener;
  private final LineInput reader;
  private final String fallbackSource;
  private JsonFieldMapping mapping;
  private long records;

  private JsonLinesReader(
      Path file, ReadOptions options, IngestListener listener, LineInput reader) {
    this.file = file;
    this.listener = listener;
    this.reader = reader;
    this.mapping = options.jsonMapping().orElse(null);
    this.fallbackSource = options.source().name().orElse(fileStem(file));
  }

  /**
   * Opens a file for reading; gzip files are decompressed on the fly.
   *
   * @throws IOException when the file cannot be opened
   */
  public static JsonLinesReader open(Path file, ReadOptions options, IngestListener listener)
      throws IOException {
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(options, "options");
    return new JsonLinesReader(
        file,
        options,
        listener,
        TextInput.openLines(file, StandardCharsets.UTF_8, options.maxRecordChars()));
  }

  /** Reads a stream, such as an archive entry, named {@code name} in messages. */
  static JsonLinesReader read(
      Path name, java.io.InputStream in, ReadOptions options, IngestListener listener)
      throws IOException {
    Objects.requireNonNull(listener, "listener");
    return new JsonLinesReader(
        name,
        options,
        listener,
        TextInput.openLines(in, StandardCharsets.UTF_8, options.maxRecordChars()));
  }

  /**
   * Whether the start of a file is JSON Lines: its first non-blank line is a complete JSON object
   * with a text field such as {@code title}, {@code body} or {@code description}.
   */
  static boolean looksLike(String head) {
    String first = head.lines().filter(line -> !line.isBlank()).findFirst().orElse("").strip();
    if (!first.startsWith("{")) {
      return false;
    }
    if (head.length() >= TextInput.HEAD_CHARS && head.strip().endsWith(first)) {
      // The first record runs past the head: judge the part that is there.
      return startsWithTextField(first);
    }
    try {
      JsonNode node = JSON.readTree(first);
      return node.isObject() && TEXT_FIELDS.stream().anyMatch(name -> node.path(name).isTextual());
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /**
   * Whether the start of a JSON object, cut off anywhere, is well-formed as far as it goes and has
   * a text field such as {@code title} at its top level, whose string value may be the part cut.
   */
  private static boolean startsWithTextField(String start) {
    int depth = 0;
    String field = null;
    try (JsonParser parser = JSON.createParser(start)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case START_OBJECT, START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> depth--;
          case FIELD_NAME -> field = depth == 1 ? parser.currentName() : null;
          case VALUE_STRING -> {
            if (depth == 1 && TEXT_FIELDS.contains(field)) {
              return true;
            }
          }
          default -> {
            // Numbers, booleans and nulls say nothing about the format.
          }
        }
      }
      return false;
    } catch (JsonEOFException e) {
      // Cut inside a value: a text field's string counts when it is the one cut.
      return depth == 1
          && e.getTokenBeingDecoded() == JsonToken.VALUE_STRING
          && TEXT_FIELDS.contains(field);
    } catch (IOException e) {
      return false;
    }
  }

  /** The mapping in use: the configured one, or the one chosen from the first record. */
  Optional<JsonFieldMapping> mapping() {
    return Optional.ofNullable(mapping);
  }

  @Override
  public Optional<Article> next() throws IOException {
    while (true) {
      String line;
      try {
        line = reader.readLine();
      } catch (OversizedRecordException e) {
        records++;
        listener.rejected(new Rejection(file, e.line(), records, e.getMessage()));
        continue;
      }
      if (line == null) {
        break;
      }
      if (line.isBlank()) {
        continue;
      }
      records++;
      try {
        return Optional.of(toArticle(parseObject(line)));
      } catch (IllegalArgumentException e) {
        listener.rejected(new Rejection(file, reader.lineNumber(), records, e.getMessage()));
      }
    }
    return Optional.empty();
  }

  @Override
  public String position() {
    return String.format("line %,d (record %,d)", reader.lineNumber(), records);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private JsonNode parseObject(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object on this line");
    }
    if (mapping == null) {
      boolean rss = node.has("source_title") && node.has("date_published");
      mapping = rss ? JsonFieldMapping.RSS_NEWS_2023 : JsonFieldMapping.DEFAULT;
    }
    return node;
  }

  private Article toArticle(JsonNode node) {
    JsonRecord record = new JsonRecord(node);
    String title = HtmlText.oneLine(record.text(mapping.title()));
    String body = HtmlText.toText(record.text(mapping.body()));
    if (title.isEmpty() && body.isEmpty()) {
      throw new IllegalArgumentException(
          "record has neither title ('"
              + mapping.title()
              + "') nor body ('"
              + mapping.body()
              + "'); mapping in use: "
              + mapping);
    }
    String source = record.text(mapping.source()).strip();
    Article.Builder article =
        Article.builder()
            .source(source.isEmpty() ? fallbackSource : source)
            .sourceId(record.id(mapping.id()))
            .url(record.text(mapping.url()))
            .title(title)
            .body(body)
            .language(record.text(mapping.language()));
    record.authors(mapping.authors()).forEach(article::author);
    JsonNode published = record.value(mapping.published());
    if (published != null) {
      try {
        article.published(JsonDates.parse(published), published.asText());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "field '" + mapping.published() + "': " + e.getMessage(), e);
      }
    }
    return article.build();
  }

  private static String fileStem(Path file) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : new String[] {".gz", ".jsonl", ".ndjson", ".json"}) {
      if (lower.endsWith(suffix)) {
        name = name.substring(0, name.length() - suffix.length());
        lower = lower.substring(0, lower.length() - suffix.length());
      }
    }
    return name.isBlank() ? "json" : name;
  }
}
