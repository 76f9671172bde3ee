package io.newsarchive.server.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.newsarchive.article.Article;
import io.newsarchive.article.CodeScheme;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import io.newsarchive.search.FacetField;
import io.newsarchive.search.Hit;
import io.newsarchive.search.Interval;
import io.newsarchive.search.PlainSnippet;
import io.newsarchive.search.Snippet;
import io.newsarchive.search.SnippetForm;
import io.newsarchive.search.Suggestion;
import io.newsarchive.search.WordsMatched;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How library records print as JSON, so that the API serializes them directly: instants as ISO-8601
 * strings ({@code null} when undated), enums and enum-keyed maps by their URL keys, snippets as
 * their HTML (or, written by {@link #writer} for {@link SnippetForm#TEXT}, as plain text with match
 * offsets), hits without the whole article they were read from, and an article's codes under every
 * scheme.
 */
public final class ApiJson {

  private ApiJson() {}

  /** A mapper that writes the API's JSON. Thread-safe once built, like every Jackson mapper. */
  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new BlackbirdModule())
        .addModule(new JavaTimeModule())
        .addModule(module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }

  /** A writer of {@code mapper}'s JSON that writes snippets in {@code form}. */
  public static ObjectWriter writer(ObjectMapper mapper, SnippetForm form) {
    return mapper.writer().withAttribute(SnippetForm.class, form);
  }

  private static SimpleModule module() {
    SimpleModule module = new SimpleModule("newsarchive-api");
    module.addSerializer(Snippet.class, new SnippetSerializer());
    module.setMixInAnnotation(Hit.class, HitWithoutArticle.class);
    module.setMixInAnnotation(Interval.class, ByKey.class);
    module.setMixInAnnotation(EntityType.class, ByKey.class);
    module.setMixInAnnotation(Suggestion.Kind.class, ByKey.class);
    module.setMixInAnnotation(WordsMatched.Mode.class, ByKey.class);
    module.setMixInAnnotation(Article.class, ArticleCodes.class);
    module.addKeySerializer(EntityType.class, new KeySerializer<>(EntityType::key));
    module.addKeySerializer(FacetField.class, new KeySerializer<>(FacetField::key));
    return module;
  }

  /**
   * The article of a hit is for library readers; the API has its own route for articles. An article
   * the tagger does not read has no entity types, and no {@code entities} at all.
   */
  private abstract static class HitWithoutArticle {
    @JsonIgnore
    abstract Article article();

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    abstract Map<EntityType, List<String>> entities();
  }

  /**
   * A snippet is its HTML string, or, when the writer's {@link SnippetForm} attribute is {@link
   * SnippetForm#TEXT}, {@code {"text": ..., "matches": [[start, end], ...]}}.
   */
  private static final class SnippetSerializer extends JsonSerializer<Snippet> {
    @Override
    public void serialize(Snippet snippet, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      if (provider.getAttribute(SnippetForm.class) != SnippetForm.TEXT) {
        json.writeString(snippet.html());
        return;
      }
      PlainSnippet plain = snippet.plain();
      json.writeStartObject();
      json.writeStringField("text", plain.text());
      json.writeArrayFieldStart("matches");
      for (PlainSnippet.Match match : plain.matches()) {
        json.writeStartArray();
        json.writeNumber(match.start());
        json.writeNumber(match.end());
        json.writeEndArray();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** An enum is its lower-case URL key. */
  private abstract static class ByKey {
    @JsonValue
    abstract String key();
  }

  /**
   * An article's codes list every scheme, empty ones included, by lower-case scheme name; its
   * entities are written by {@link ArticleResponse}, which leaves them out when the tagger does not
   * read the article's language.
   */
  private abstract static class ArticleCodes {
    @JsonIgnore
    abstract List<Entity> entities();

    @JsonSerialize(using = CodesSerializer.class)
    abstract Map<CodeScheme, List<String>> codes();
  }

  private static final class CodesSerializer extends JsonSerializer<Map<CodeScheme, List<String>>> {
    @Override
    public void serialize(
        Map<CodeScheme, List<String>> codes, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeStartObject();
      for (CodeScheme scheme : CodeScheme.values()) {
        json.writeFieldName(scheme.name().toLowerCase(Locale.ROOT));
        json.writeStartArray();
        for (String code : codes.getOrDefault(scheme, List.of())) {
          json.writeString(code);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    }
  }

  private static final class KeySerializer<E> extends JsonSerializer<E> {
    private final Function<E, String> key;

    KeySerializer(Function<E, String> key) {
      this.key = key;
    }

    @Override
    public void serialize(E value, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeFieldName(key.apply(value));
    }
  }
}
