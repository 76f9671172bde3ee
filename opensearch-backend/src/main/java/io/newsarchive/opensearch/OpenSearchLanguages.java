package io.newsarchive.opensearch;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.schema.TextLanguages;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.client.json.JsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * The languages of {@link TextLanguages} as an OpenSearch index analyzes them: each language whose
 * Lucene analyzer OpenSearch's analysis-common plugin ships under its own name ({@code persian} is
 * Lucene's {@code PersianAnalyzer}, {@code cjk} its {@code CJKAnalyzer}) has a headline and a body
 * field of its own, e.g. {@code title_fa} and {@code body_fa}; English, and every language without
 * an analyzer of its own, keeps {@link ArticleFields#TITLE} and {@link ArticleFields#BODY}. A
 * language whose analyzer the plugin lacks (Nepali, Serbian, Tamil, Telugu) cannot be analyzed
 * alike there, so its articles are refused. Stateless and thread-safe.
 */
final class OpenSearchLanguages {

  /** The language analyzers of OpenSearch 3's analysis-common plugin, by name. */
  private static final Set<String> SHIPPED =
      Set.of(
          "arabic",
          "armenian",
          "basque",
          "bengali",
          "brazilian",
          "bulgarian",
          "catalan",
          "chinese",
          "cjk",
          "czech",
          "danish",
          "dutch",
          "english",
          "estonian",
          "finnish",
          "french",
          "galician",
          "german",
          "greek",
          "hindi",
          "hungarian",
          "indonesian",
          "irish",
          "italian",
          "latvian",
          "lithuanian",
          "norwegian",
          "persian",
          "portuguese",
          "romanian",
          "russian",
          "sorani",
          "spanish",
          "swedish",
          "thai",
          "turkish");

  /** OpenSearch's analyzer of each language with fields of its own, by code, in code order. */
  private static final Map<String, String> ANALYZERS = ownAnalyzers();

  private OpenSearchLanguages() {}

  private static Map<String, String> ownAnalyzers() {
    Map<String, String> analyzers = new TreeMap<>();
    for (String language : TextLanguages.analyzed()) {
      if (language.equals(TextLanguages.DEFAULT)) {
        continue;
      }
      openSearchName(language)
          .filter(SHIPPED::contains)
          .ifPresent(name -> analyzers.put(language, name));
    }
    return Collections.unmodifiableMap(analyzers);
  }

  /**
   * The name under which OpenSearch ships the Lucene analyzer of {@code language}: the analyzer
   * class's name without {@code Analyzer}, lower-cased, as analysis-common names its analyzers.
   */
  static Optional<String> openSearchName(String language) {
    try (Analyzer analyzer = TextLanguages.textAnalyzer(language)) {
      String name = analyzer.getClass().getSimpleName();
      return name.endsWith("Analyzer")
          ? Optional.of(name.substring(0, name.length() - "Analyzer".length()))
              .map(n -> n.toLowerCase(Locale.ROOT))
          : Optional.empty();
    }
  }

  /** The languages with fields of their own, each with the name of its OpenSearch analyzer. */
  static Map<String, String> analyzers() {
    return ANALYZERS;
  }

  /**
   * Whether an article in {@code language} can be stored: it is analyzed as English, or its own
   * analyzer is OpenSearch's too.
   */
  static boolean stored(String language) {
    String analyzed = TextLanguages.analysisLanguage(language);
    return analyzed.equals(TextLanguages.DEFAULT) || ANALYZERS.containsKey(analyzed);
  }

  /**
   * The field that holds {@code field}, {@link ArticleFields#TITLE} or {@link ArticleFields#BODY},
   * of an article analyzed as {@code analyzed} (a language of {@link #analyzers()} or {@link
   * TextLanguages#DEFAULT}); every other field is the same for all languages.
   */
  static String field(String field, String analyzed) {
    boolean text = field.equals(ArticleFields.TITLE) || field.equals(ArticleFields.BODY);
    return text && ANALYZERS.containsKey(analyzed) ? field + '_' + analyzed : field;
  }

  /**
   * Adds the headline and body fields of every language to index {@code name} where it lacks them,
   * as an index created before they were mapped does; a field already there is left as it is. New
   * fields of built-in analyzers need no reindex.
   *
   * @throws IOException when the cluster cannot be reached or refuses the fields
   */
  static void addFields(OpenSearchClient client, String name) throws IOException {
    JsonpMapper mapper = client._transport().jsonpMapper();
    JsonObject all =
        OpenSearchSchema.json(OpenSearchSchema.mapping(), mapper).getJsonObject("properties");
    JsonObjectBuilder languages = Json.createObjectBuilder();
    for (String language : ANALYZERS.keySet()) {
      for (String field : List.of(ArticleFields.TITLE, ArticleFields.BODY)) {
        String held = field(field, language);
        languages.add(held, all.get(held));
      }
    }
    Request request =
        Requests.builder()
            .method("PUT")
            .endpoint("/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/_mapping")
            .json(Json.createObjectBuilder().add("properties", languages).build())
            .build();
    try (Response response = client.generic().execute(request)) {
      if (response.getStatus() / 100 != 2) {
        throw new IOException(
            "OpenSearch refused the language fields of index "
                + name
                + ": HTTP "
                + response.getStatus()
                + response.getBody().map(body -> " " + body.bodyAsString()).orElse(""));
      }
    }
  }
}
