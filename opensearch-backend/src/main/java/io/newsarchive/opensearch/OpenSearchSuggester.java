package io.newsarchive.opensearch;

import io.newsarchive.article.EntityType;
import io.newsarchive.entities.EntityNames;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.ArchiveEntityNames;
import io.newsarchive.search.FacetField;
import io.newsarchive.search.Suggestion;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Autocomplete on OpenSearch with the local suggester's rule: every word typed must be a word of
 * the suggestion, the last one may be the start of a word; entity names come first, most frequent
 * first, then headlines. Computed per request from the index (nothing to build after opening): the
 * names from a terms aggregation over the articles whose entity names hold the words, the headlines
 * from the newest articles whose headline holds them, each headline once. Thread-safe.
 */
final class OpenSearchSuggester {

  /**
   * Names counted per entity type before the rule picks the suggestions: the articles holding the
   * words may carry other names too, which the rule then drops.
   */
  static final int NAME_CANDIDATES = 500;

  /** Headlines read per request, before duplicates are dropped. */
  static final int TITLE_CANDIDATES = 100;

  /** The local suggester's analyzer: lower-cased standard tokens, no stop words. */
  private final Analyzer analyzer = new StandardAnalyzer(CharArraySet.EMPTY_SET);

  private final OpenSearchClient client;
  private final String index;

  OpenSearchSuggester(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /** Up to {@code size} suggestions for {@code prefix}, which is not blank. */
  List<Suggestion> suggest(String prefix, int size, ArchiveEntityNames canonical)
      throws IOException {
    List<String> words = new ArrayList<>();
    int end = tokens(prefix, words);
    if (words.isEmpty()) {
      return List.of();
    }
    // Anything typed after the last word ends it: it must then be whole, as locally.
    boolean lastWhole = end < prefix.length();
    List<Candidate> names = new ArrayList<>();
    for (EntityType type : EntityType.values()) {
      names.addAll(names(type, words, lastWhole, canonical.of(type)));
    }
    names.sort(
        Comparator.comparingLong(Candidate::count).reversed().thenComparing(Candidate::text));
    List<Suggestion> out = new ArrayList<>();
    for (Candidate name : names) {
      if (out.size() == size) {
        return out;
      }
      out.add(new Suggestion(name.text(), name.kind()));
    }
    for (String title : titles(words, lastWhole, size - out.size())) {
      out.add(new Suggestion(title, Suggestion.Kind.TITLE));
    }
    return out;
  }

  private record Candidate(String text, long count, Suggestion.Kind kind) {}

  /**
   * The canonical names of the names of {@code type} that hold the words, each counted as the local
   * suggester counts it: by the articles holding any of its variants.
   */
  private List<Candidate> names(
      EntityType type, List<String> words, boolean lastWhole, EntityNames canonical)
      throws IOException {
    String keyword = ArticleFields.entityField(type);
    Query query = wordsQuery(ArticleFields.entityTextField(type), words, lastWhole);
    SearchResponse<Void> response =
        client.search(
            s ->
                s.index(index)
                    .size(0)
                    .query(query)
                    .aggregations(
                        "names",
                        a ->
                            a.terms(t ->
                                t.field(keyword)
                                    .size(NAME_CANDIDATES)
                                    .order(
                                        List.of(
                                            Map.of("_count", SortOrder.Desc),
                                            Map.of("_key", SortOrder.Asc))))),
            Void.class);
    OpenSearchResponses.requireAllShards(response.shards());
    Suggestion.Kind kind = Suggestion.Kind.valueOf(FacetField.of(type).name());
    Set<String> seen = new HashSet<>();
    List<Candidate> names = new ArrayList<>();
    for (StringTermsBucket bucket :
        response.aggregations().get("names").sterms().buckets().array()) {
      String name = canonical.canonical(bucket.key());
      if (seen.add(name) && matches(tokens(name), words, lastWhole)) {
        long articles = 0;
        for (String variant : canonical.variants(name)) {
          articles += canonical.articles(variant);
        }
        names.add(new Candidate(name, articles, kind));
      }
    }
    return names;
  }

  private List<String> titles(List<String> words, boolean lastWhole, int size) throws IOException {
    if (size <= 0) {
      return List.of();
    }
    Query query = wordsQuery(ArticleFields.TITLE_EXACT, words, lastWhole);
    SearchResponse<Map<String, Object>> response =
        client.search(
            s ->
                s.index(index)
                    .size(TITLE_CANDIDATES)
                    .query(query)
                    .source(src -> src.filter(f -> f.includes(headlineFields())))
                    .sort(o -> o.field(f -> f.field(ArticleFields.PUBLISHED).order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field(ArticleFields.ID).order(SortOrder.Asc))),
            ArticleSource.documentClass());
    OpenSearchResponses.requireAllShards(response.shards());
    Map<String, Integer> titles = new LinkedHashMap<>();
    for (Hit<Map<String, Object>> hit : response.hits().hits()) {
      String title = hit.source() == null ? "" : ArticleSource.title(hit.source());
      if (!title.isBlank()) {
        titles.merge(title, 1, Integer::sum);
      }
    }
    // Most repeated first, as the local weights count the articles of a headline; newest next.
    return titles.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(size)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The fields of a headline in every language, and the language that says which holds it. */
  private static List<String> headlineFields() {
    List<String> fields = new ArrayList<>(ArticleSource.textFields(ArticleFields.TITLE));
    fields.add(ArticleFields.LANGUAGE);
    return fields;
  }

  /** Every word but the last whole, the last one a word or the start of one, in {@code field}. */
  private static Query wordsQuery(String field, List<String> words, boolean lastWhole) {
    BoolQuery.Builder bool = new BoolQuery.Builder();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (i < words.size() - 1 || lastWhole) {
        bool.filter(q -> q.term(t -> t.field(field).value(FieldValue.of(word))));
      } else {
        bool.filter(q -> q.prefix(p -> p.field(field).value(word)));
      }
    }
    return Query.of(q -> q.bool(bool.build()));
  }

  /** Whether the words of a suggestion hold every word typed, the last one perhaps as a start. */
  static boolean matches(List<String> suggestion, List<String> words, boolean lastWhole) {
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      boolean prefix = i == words.size() - 1 && !lastWhole;
      boolean found = false;
      for (String token : suggestion) {
        if (prefix ? token.startsWith(word) : token.equals(word)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    tokens(text, tokens);
    return tokens;
  }

  /** Adds the words of {@code text} to {@code tokens}; returns where the last one ends. */
  private int tokens(String text, List<String> tokens) {
    int end = 0;
    try (TokenStream stream = analyzer.tokenStream("", new StringReader(text))) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
        end = offset.endOffset();
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analyzing text in memory failed", e);
    }
    return end;
  }
}
