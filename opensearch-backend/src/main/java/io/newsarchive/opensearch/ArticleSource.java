package io.newsarchive.opensearch;

import io.newsarchive.article.Article;
import io.newsarchive.article.CodeScheme;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.schema.TextLanguages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Converts an {@link Article} to the {@code _source} document of {@link OpenSearchSchema} and back.
 * The document holds what the local index stores, under the same field names, plus the entity names
 * per type and the {@link ArticleFields#ENTITY_FORM} values as keywords and the {@link
 * ArticleFields#CONTENT_HASH} of the local index, so that both tell an unchanged article from an
 * updated one alike. Headline and body are under the fields of the article's language ({@link
 * OpenSearchLanguages#field}). Stateless and thread-safe.
 */
public final class ArticleSource {

  private static final String ENTITY_TYPE = "type";
  private static final String ENTITY_NAME = "name";
  private static final String ENTITY_MENTIONS = "mentions";
  private static final String ENTITY_FORMS = "forms";

  private ArticleSource() {}

  /** The {@code _source} document of {@code article}; empty values are left out. */
  public static Map<String, Object> toSource(Article article) {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put(ArticleFields.ID, article.id());
    source.put(ArticleFields.SOURCE, article.source());
    putText(source, ArticleFields.SOURCE_ID, article.sourceId());
    putText(source, ArticleFields.URL, article.url());
    String analyzed = TextLanguages.analysisLanguage(article.language());
    source.put(OpenSearchLanguages.field(ArticleFields.TITLE, analyzed), article.title());
    source.put(OpenSearchLanguages.field(ArticleFields.BODY, analyzed), article.body());
    if (article.published() != null) {
      source.put(ArticleFields.PUBLISHED, article.published().toEpochMilli());
    }
    putText(source, ArticleFields.PUBLISHED_TEXT, article.publishedText());
    putText(source, ArticleFields.LANGUAGE, article.language());
    if (!article.authors().isEmpty()) {
      source.put(ArticleFields.AUTHOR, article.authors());
    }
    List<Map<String, Object>> entities = new ArrayList<>();
    for (EntityType type : EntityType.values()) {
      List<String> names = new ArrayList<>();
      for (Entity entity : article.entities(type)) {
        names.add(entity.name());
      }
      if (!names.isEmpty()) {
        source.put(ArticleFields.entityField(type), names);
      }
    }
    List<String> forms = new ArrayList<>();
    for (Entity entity : article.entities()) {
      Map<String, Object> stored = new LinkedHashMap<>();
      stored.put(ENTITY_TYPE, ArticleFields.entityField(entity.type()));
      stored.put(ENTITY_NAME, entity.name());
      stored.put(ENTITY_MENTIONS, entity.mentions());
      if (!entity.forms().isEmpty()) {
        stored.put(ENTITY_FORMS, entity.forms());
      }
      entities.add(stored);
      for (String form : entity.forms()) {
        forms.add(ArticleFields.entityForm(entity.type(), form, entity.name()));
      }
    }
    if (!entities.isEmpty()) {
      source.put(ArticleFields.ENTITY, entities);
    }
    if (!forms.isEmpty()) {
      source.put(ArticleFields.ENTITY_FORM, forms);
    }
    for (CodeScheme scheme : CodeScheme.values()) {
      List<String> codes = article.codes(scheme);
      if (!codes.isEmpty()) {
        source.put(scheme.field(), codes);
      }
    }
    source.put(ArticleFields.CONTENT_HASH, ArticleDocuments.contentHash(article));
    // Its own story until the ingest finds its copies (OpenSearchStories): every document has one
    // to collapse on.
    source.put(ArticleFields.STORY, article.id());
    return source;
  }

  /**
   * The article of a {@code _source} document that {@link #toSource} made.
   *
   * @throws IllegalStateException when the document lacks the id or source, or holds a value of the
   *     wrong kind
   */
  public static Article toArticle(Map<String, Object> source) {
    Article.Builder builder =
        Article.builder()
            .id(required(source, ArticleFields.ID))
            .source(required(source, ArticleFields.SOURCE))
            .sourceId(text(source, ArticleFields.SOURCE_ID))
            .url(text(source, ArticleFields.URL))
            .title(title(source))
            .body(text(source, textField(source, ArticleFields.BODY)))
            .language(text(source, ArticleFields.LANGUAGE));
    Object published = source.get(ArticleFields.PUBLISHED);
    builder.published(
        published == null ? null : Instant.ofEpochMilli(number(published, ArticleFields.PUBLISHED)),
        text(source, ArticleFields.PUBLISHED_TEXT));
    for (Object author : list(source, ArticleFields.AUTHOR)) {
      builder.author(String.valueOf(author));
    }
    for (Object stored : list(source, ArticleFields.ENTITY)) {
      if (!(stored instanceof Map<?, ?> entity)) {
        throw new IllegalStateException("corrupt stored entity: " + stored);
      }
      builder.entity(
          new Entity(
              String.valueOf(entity.get(ENTITY_NAME)),
              ArticleFields.entityType(String.valueOf(entity.get(ENTITY_TYPE))),
              (int) number(entity.get(ENTITY_MENTIONS), ENTITY_MENTIONS),
              entityForms(entity.get(ENTITY_FORMS))));
    }
    for (CodeScheme scheme : CodeScheme.values()) {
      List<?> codes = list(source, scheme.field());
      if (!codes.isEmpty()) {
        builder.codes(scheme, codes.stream().map(String::valueOf).toList());
      }
    }
    return builder.build();
  }

  /** The story a {@code _source} document holds; its article id when it holds none. */
  static String story(Map<String, Object> source) {
    Object story = source.get(ArticleFields.STORY);
    return story == null ? required(source, ArticleFields.ID) : String.valueOf(story);
  }

  /** The headline a {@code _source} document holds, in whichever language's field it is. */
  static String title(Map<String, Object> source) {
    return text(source, textField(source, ArticleFields.TITLE));
  }

  /**
   * The {@code _source} fields that may hold {@code field}, {@link ArticleFields#TITLE} or {@link
   * ArticleFields#BODY}: its own and each language's.
   */
  static List<String> textFields(String field) {
    List<String> fields = new ArrayList<>();
    fields.add(field);
    for (String language : OpenSearchLanguages.analyzers().keySet()) {
      fields.add(OpenSearchLanguages.field(field, language));
    }
    return fields;
  }

  /**
   * The field of {@code source} that holds {@code field}: that of the article's language, which the
   * document names.
   */
  private static String textField(Map<String, Object> source, String field) {
    String language = TextLanguages.analysisLanguage(text(source, ArticleFields.LANGUAGE));
    return OpenSearchLanguages.field(field, language);
  }

  /** The content hash a {@code _source} document holds, or empty when it holds none. */
  static OptionalLong contentHash(Map<String, Object> source) {
    Object hash = source.get(ArticleFields.CONTENT_HASH);
    return hash == null
        ? OptionalLong.empty()
        : OptionalLong.of(number(hash, ArticleFields.CONTENT_HASH));
  }

  private static List<String> entityForms(Object forms) {
    if (forms == null) {
      return List.of();
    }
    if (!(forms instanceof List<?> values)) {
      throw new IllegalStateException("stored entity forms are not a list: " + forms);
    }
    return values.stream().map(String::valueOf).toList();
  }

  private static void putText(Map<String, Object> source, String field, String value) {
    if (!value.isEmpty()) {
      source.put(field, value);
    }
  }

  private static String required(Map<String, Object> source, String field) {
    String value = text(source, field);
    if (value.isEmpty()) {
      throw new IllegalStateException("stored article has no " + field);
    }
    return value;
  }

  private static String text(Map<String, Object> source, String field) {
    Object value = source.get(field);
    return value == null ? "" : String.valueOf(value);
  }

  private static long number(Object value, String field) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    throw new IllegalStateException("stored " + field + " is not a number: " + value);
  }

  private static List<?> list(Map<String, Object> source, String field) {
    Object value = source.get(field);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> values) {
      return values;
    }
    return List.of(value);
  }

  /** The class the client reads a {@code _source} document into: a map of its fields. */
  @SuppressWarnings({"unchecked", "rawtypes"}) // the client maps _source to the class given
  static Class<Map<String, Object>> documentClass() {
    return (Class) Map.class;
  }
}
