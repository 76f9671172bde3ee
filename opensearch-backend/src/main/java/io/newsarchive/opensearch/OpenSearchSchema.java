package io.newsarchive.opensearch;

import io.newsarchive.article.CodeScheme;
import io.newsarchive.article.EntityType;
import io.newsarchive.index.ClusterIndex;
import io.newsarchive.index.IndexVersionException;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.Ranking;
import io.newsarchive.search.SearchParameters;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.json.JsonpSerializable;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.ErrorResponse;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.analysis.Analyzer;
import org.opensearch.client.opensearch._types.mapping.DynamicMapping;
import org.opensearch.client.opensearch._types.mapping.IndexOptions;
import org.opensearch.client.opensearch._types.mapping.Property;
import org.opensearch.client.opensearch._types.mapping.TypeMapping;
import org.opensearch.client.opensearch.generic.Bodies;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.opensearch.indices.GetMappingResponse;
import org.opensearch.client.opensearch.indices.IndexSettings;
import org.opensearch.client.opensearch.indices.get_mapping.IndexMappingRecord;

/**
 * The OpenSearch index that holds the archive, generated from {@link ArticleFields}: every field of
 * the local index with the same analysis (so both match the same articles for the same terms), the
 * same BM25 parameters ({@link Ranking#K1}, {@link Ranking#B}), and the schema version in the
 * mapping's {@code _meta}, checked on open as the local index checks its commit data.
 *
 * <p>An article in a language with an analyzer of its own has its headline and body in fields of
 * that language ({@link OpenSearchLanguages}), analyzed by OpenSearch's analyzer of the language,
 * which is Lucene's; a local index analyzes them alike in the shared fields.
 *
 * <p>The document {@link ArticleSource} sends holds the stored fields; the unstemmed word fields
 * ({@link ArticleFields#TITLE_EXACT}, {@link ArticleFields#BODY_EXACT}) and the entity name text
 * fields are filled by {@code copy_to}, so they cost no space in {@code _source}.
 */
public final class OpenSearchSchema {

  /** Index name used when none is given. */
  public static final String DEFAULT_INDEX = ClusterIndex.DEFAULT_NAME;

  /** Lower-cased standard tokens, no stop words: {@link ArticleFields#analyzer()}'s default. */
  static final String EXACT_ANALYZER = "newsarchive_exact";

  /**
   * Entity names as a query analyzes them: {@link #EXACT_ANALYZER} without English stop words, as
   * {@link ArticleFields#queryAnalyzer()} does.
   */
  static final String NAMES_QUERY_ANALYZER = "newsarchive_names_query";

  /** OpenSearch's English analyzer: equal token for token to Lucene's {@code EnglishAnalyzer}. */
  static final String ENGLISH_ANALYZER = "english";

  private OpenSearchSchema() {}

  /**
   * Creates index {@code name} with {@code shards} primary shards of {@code replicas} copies each.
   *
   * @throws OpenSearchException when the cluster refuses the index (e.g. it exists already)
   * @throws IOException when the cluster cannot be reached
   */
  public static void create(OpenSearchClient client, String name, int shards, int replicas)
      throws IOException {
    JsonpMapper mapper = client._transport().jsonpMapper();
    JsonObject body =
        Json.createObjectBuilder()
            .add("settings", json(settings(shards, replicas), mapper))
            .add("mappings", scoredKeywords(json(mapping(), mapper)))
            .build();
    // The client's mapping types lack use_similarity, so the index is created from their JSON.
    Request request =
        Requests.builder()
            .method("PUT")
            .endpoint("/" + URLEncoder.encode(name, StandardCharsets.UTF_8))
            .json(body)
            .build();
    try (Response response = client.generic().execute(request)) {
      if (response.getStatus() / 100 != 2) {
        Optional<Body> refusal = response.getBody();
        if (refusal.isPresent()) {
          // As the typed client reports a refusal, so that callers tell its kinds apart.
          throw new OpenSearchException(
              Bodies.json(refusal.get(), ErrorResponse._DESERIALIZER, mapper));
        }
        throw new IOException(
            "OpenSearch refused to create index " + name + ": HTTP " + response.getStatus());
      }
    }
  }

  /**
   * {@code mapping} with every searched keyword field scored by the index's similarity, as a Lucene
   * term query scores it in the local index: OpenSearch scores a keyword term as a constant unless
   * told to, so a {@code source:reuters} clause or a shared entity of a related article would weigh
   * differently on the two.
   */
  private static JsonObject scoredKeywords(JsonObject mapping) {
    JsonObjectBuilder properties = Json.createObjectBuilder();
    for (Map.Entry<String, JsonValue> property : mapping.getJsonObject("properties").entrySet()) {
      JsonObject field = property.getValue().asJsonObject();
      boolean searchedKeyword =
          "keyword".equals(field.getString("type", "")) && field.getBoolean("index", true);
      properties.add(
          property.getKey(),
          searchedKeyword
              ? Json.createObjectBuilder(field).add("use_similarity", true).build()
              : field);
    }
    return Json.createObjectBuilder(mapping).add("properties", properties).build();
  }

  /** {@code value} as a JSON object, as the client writes it. */
  static JsonObject json(JsonpSerializable value, JsonpMapper mapper) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = mapper.jsonProvider().createGenerator(text)) {
      value.serialize(generator, mapper);
    }
    try (JsonReader reader = Json.createReader(new StringReader(text.toString()))) {
      return reader.readObject();
    }
  }

  /**
   * Whether index {@code name} exists.
   *
   * @throws IOException when the cluster cannot be reached
   */
  public static boolean exists(OpenSearchClient client, String name) throws IOException {
    return client.indices().exists(e -> e.index(name)).value();
  }

  /**
   * Returns normally when index {@code name} was created with this build's schema version.
   *
   * @throws IndexVersionException when it was created with another version, without the story
   *     fields, or by something other than newsarchive
   * @throws IOException when the cluster cannot be reached or the index does not exist
   */
  public static void requireCompatible(OpenSearchClient client, String name) throws IOException {
    GetMappingResponse response;
    try {
      response = client.indices().getMapping(g -> g.index(name));
    } catch (OpenSearchException e) {
      if (e.status() == 404) {
        throw new IOException(
            "OpenSearch holds no index " + name + "; create it with newsarchive index", e);
      }
      throw e;
    }
    for (Map.Entry<String, IndexMappingRecord> index : response.result().entrySet()) {
      Map<String, JsonData> meta = index.getValue().mappings().meta();
      JsonData version = meta == null ? null : meta.get(ArticleFields.SCHEMA_KEY);
      if (version == null) {
        throw new IndexVersionException(
            "OpenSearch index "
                + index.getKey()
                + " was not created by newsarchive; choose another index name");
      }
      String found = version.to(String.class);
      if (found.equals(String.valueOf(ArticleFields.SCHEMA_VERSION))
          && !index.getValue().mappings().properties().containsKey(ArticleFields.STORY)) {
        // Created before the OpenSearch ingest gave stories: its mapping refuses the story fields.
        throw new IndexVersionException(
            "OpenSearch index "
                + index.getKey()
                + " was built without stories; re-index your articles into a new index");
      }
      if (!found.equals(String.valueOf(ArticleFields.SCHEMA_VERSION))) {
        throw new IndexVersionException(
            "OpenSearch index "
                + index.getKey()
                + " was built with index schema version "
                + found
                + " but this newsarchive uses version "
                + ArticleFields.SCHEMA_VERSION
                + "; re-index your articles into a new index");
      }
    }
  }

  /** The index settings: shards, replicas, similarity, analyzers and the paging window. */
  static IndexSettings settings(int shards, int replicas) {
    return IndexSettings.of(s ->
        s.numberOfShards(shards)
            .numberOfReplicas(replicas)
            // A page fetches one hit past itself to tell whether another page follows.
            .maxResultWindow(SearchParameters.MAX_WINDOW + 1)
            // The client names similarities only by type; "default" is what every field uses.
            .customSettings(
                "similarity",
                JsonData.of(
                    Map.of("default", Map.of("type", "BM25", "k1", Ranking.K1, "b", Ranking.B))))
            .analysis(a ->
                a.analyzer(
                        EXACT_ANALYZER,
                        Analyzer.of(an -> an.standard(st -> st.stopwords("_none_"))))
                    .analyzer(
                        NAMES_QUERY_ANALYZER,
                        Analyzer.of(an -> an.standard(st -> st.stopwords("_english_"))))));
  }

  /** The mapping: one property per field of {@link ArticleFields}, nothing dynamic. */
  static TypeMapping mapping() {
    Map<String, Property> properties = new HashMap<>();
    properties.put(ArticleFields.ID, keyword());
    properties.put(ArticleFields.SOURCE, keyword());
    properties.put(ArticleFields.SOURCE_ID, storedOnly());
    properties.put(ArticleFields.URL, storedOnly());
    properties.put(ArticleFields.TITLE, text(ENGLISH_ANALYZER, ArticleFields.TITLE_EXACT));
    properties.put(ArticleFields.TITLE_EXACT, wordsOnly());
    properties.put(ArticleFields.BODY, text(ENGLISH_ANALYZER, ArticleFields.BODY_EXACT));
    properties.put(ArticleFields.BODY_EXACT, wordsOnly());
    // Each language's headline and body in fields of their own, analyzed by its analyzer.
    OpenSearchLanguages.analyzers()
        .forEach((language, analyzer) -> {
          properties.put(
              OpenSearchLanguages.field(ArticleFields.TITLE, language),
              text(analyzer, ArticleFields.TITLE_EXACT));
          properties.put(
              OpenSearchLanguages.field(ArticleFields.BODY, language),
              text(analyzer, ArticleFields.BODY_EXACT));
        });
    properties.put(
        ArticleFields.PUBLISHED, Property.of(p -> p.date(d -> d.format("epoch_millis"))));
    properties.put(ArticleFields.PUBLISHED_TEXT, storedOnly());
    properties.put(ArticleFields.LANGUAGE, keyword());
    properties.put(ArticleFields.AUTHOR, keyword());
    for (EntityType type : EntityType.values()) {
      String textField = ArticleFields.entityTextField(type);
      properties.put(
          ArticleFields.entityField(type), Property.of(p -> p.keyword(k -> k.copyTo(textField))));
      properties.put(
          textField,
          Property.of(
              p -> p.text(t -> t.analyzer(EXACT_ANALYZER).searchAnalyzer(NAMES_QUERY_ANALYZER))));
    }
    properties.put(ArticleFields.ENTITY, Property.of(p -> p.object(o -> o.enabled(false))));
    properties.put(ArticleFields.ENTITY_FORM, keyword());
    for (CodeScheme scheme : CodeScheme.values()) {
      properties.put(scheme.field(), keyword());
    }
    // Read back with each batch on re-ingest; never searched.
    properties.put(
        ArticleFields.CONTENT_HASH,
        Property.of(p -> p.long_(l -> l.index(false).docValues(false))));
    addStoryFields(properties);
    return TypeMapping.of(m ->
        m.dynamic(DynamicMapping.Strict)
            .meta(
                ArticleFields.SCHEMA_KEY, JsonData.of(String.valueOf(ArticleFields.SCHEMA_VERSION)))
            .properties(properties));
  }

  /**
   * The fields of an article's story ({@link OpenSearchStories}): the story as a keyword to
   * collapse and count on, the band keys as keywords that the ingest looks candidates up and
   * aggregates by, and the signature, read back only for those candidates.
   */
  private static void addStoryFields(Map<String, Property> properties) {
    properties.put(ArticleFields.STORY, keyword());
    properties.put(ArticleFields.STORY_BAND, keyword());
    properties.put(ArticleFields.STORY_SIGNATURE, Property.of(p -> p.binary(b -> b)));
  }

  private static Property keyword() {
    return Property.of(p -> p.keyword(k -> k));
  }

  /** Kept in {@code _source} for display, neither searched nor sorted. */
  private static Property storedOnly() {
    return Property.of(p -> p.keyword(k -> k.index(false).docValues(false)));
  }

  /**
   * Full text analyzed by {@code analyzer}, with offsets in the postings for highlighting, copied
   * to {@code exact}.
   */
  private static Property text(String analyzer, String exact) {
    return Property.of(
        p -> p.text(t -> t.analyzer(analyzer).indexOptions(IndexOptions.Offsets).copyTo(exact)));
  }

  /** As {@link ArticleFields#WORDS_ONLY}: which articles hold a word, no norms. */
  private static Property wordsOnly() {
    return Property.of(
        p -> p.text(t -> t.analyzer(EXACT_ANALYZER).indexOptions(IndexOptions.Docs).norms(false)));
  }
}
