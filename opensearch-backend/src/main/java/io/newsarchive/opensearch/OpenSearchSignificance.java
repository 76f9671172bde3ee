package io.newsarchive.opensearch;

import io.newsarchive.article.EntityType;
import io.newsarchive.entities.EntityNames;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.ArchiveEntityNames;
import io.newsarchive.search.SampleText;
import io.newsarchive.search.Significance;
import io.newsarchive.search.SignificantTerm;
import io.newsarchive.search.SignificantTerms;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.FiltersBucket;
import org.opensearch.client.opensearch._types.aggregations.SamplerAggregate;
import org.opensearch.client.opensearch._types.aggregations.SignificantStringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * What is unusual in the best matches of a query on OpenSearch, as {@link Significance} defines it,
 * in one request: a {@code sampler} aggregation over the best matches by relevance, a {@code
 * significant_text} aggregation over their body words with {@code filter_duplicate_text}, and a
 * {@code significant_terms} aggregation per entity field, all scored with JLH. The words are those
 * of {@link Significance#TEXT_FIELD}, re-analyzed from {@link Significance#SOURCE_FIELD} and its
 * namesakes of other languages ({@link OpenSearchLanguages}), so the same words as the local index;
 * each shard samples its own best matches, so that on one shard the sample is the local one. An
 * entity aggregation counts the names the articles hold; they are folded into their canonical names
 * here, each keeping the counts of its most unusual held name. Two-word phrases, which {@code
 * significant_text} does not pair, are counted by {@link SampleText} from the bodies of the best
 * matches, which the same request returns, as locally; their background counts come from one more
 * request. Phrases are read from articles analyzed as English only: the body of an article in
 * another language is in its language's field, which the request does not return and whose phrases
 * the English {@link Significance#PHRASE_FIELD} would not count. Thread-safe: the client and the
 * analyzer are, and nothing else changes.
 */
final class OpenSearchSignificance {

  private static final String SAMPLE = "sample";
  private static final String TERMS = "terms";
  private static final String PHRASES = "phrases";
  private static final String PHRASE = "phrase";

  private final OpenSearchClient client;
  private final String index;
  private final Duration timeBudget;
  private final Analyzer analyzer = ArticleFields.analyzer();

  OpenSearchSignificance(OpenSearchClient client, String index, Duration timeBudget) {
    this.client = client;
    this.index = index;
    this.timeBudget = timeBudget;
  }

  /**
   * The {@code size} most unusual words, and names of each type, among the best {@code sample}
   * matches of {@code query}, names under their canonical form in {@code names}.
   */
  SignificantTerms find(Query query, int size, int sample, ArchiveEntityNames names)
      throws IOException {
    Map<String, Aggregation> inSample = aggregations(size);
    SearchResponse<Map> response;
    try {
      response =
          client.search(
              s ->
                  s.index(index)
                      .query(query)
                      // The sample's bodies, for its phrases, which significant_text cannot pair.
                      .size(sample)
                      .source(c -> c.filter(f -> f.includes(Significance.SOURCE_FIELD)))
                      .trackTotalHits(t -> t.enabled(true))
                      .timeout(timeBudget.toMillis() + "ms")
                      .aggregations(
                          SAMPLE,
                          a -> a.sampler(sm -> sm.shardSize(sample)).aggregations(inSample)),
              Map.class);
    } catch (OpenSearchException e) {
      throw new IOException(
          "OpenSearch refused the sample: "
              + e.getMessage()
              + " "
              + e.error().rootCause().stream().map(cause -> cause.reason()).toList(),
          e);
    }
    SamplerAggregate sampled = response.aggregations().get(SAMPLE).sampler();
    Map<EntityType, List<SignificantTerm>> entities = new EnumMap<>(EntityType.class);
    for (EntityType type : EntityType.values()) {
      List<SignificantTerm> held =
          terms(sampled.aggregations().get(ArticleFields.entityField(type)));
      entities.put(type, Significance.top(canonical(held, names.of(type)), size));
    }
    return new SignificantTerms(
        Significance.top(terms(sampled.aggregations().get(TERMS)), size),
        phrases(response.hits().hits(), size),
        entities,
        (int) sampled.docCount(),
        response.hits().total().value());
  }

  /** The {@code size} most unusual two-word phrases of the sampled bodies {@code hits}. */
  private List<SignificantTerm> phrases(List<Hit<Map>> hits, int size) throws IOException {
    SampleText text = new SampleText(analyzer);
    for (Hit<Map> hit : hits) {
      Object body = hit.source() == null ? null : hit.source().get(Significance.SOURCE_FIELD);
      text.add(body == null ? "" : body.toString());
    }
    return text.phrases(size, this::phraseBackground);
  }

  /** The aggregations over the sample: its words, and the held names of each entity type. */
  private static Map<String, Aggregation> aggregations(int size) {
    Map<String, Aggregation> inSample = new LinkedHashMap<>();
    inSample.put(
        TERMS,
        Aggregation.of(a ->
            a.significantText(t ->
                t.field(Significance.TEXT_FIELD)
                    // Every language's body: the unstemmed words are read alike in all.
                    .sourceFields(ArticleSource.textFields(Significance.SOURCE_FIELD))
                    .filterDuplicateText(true)
                    .minDocCount((long) Significance.MIN_FOREGROUND)
                    .exclude(e -> e.regexp(Significance.EXCLUDED))
                    .jlh(j -> j)
                    .size(size))));
    for (EntityType type : EntityType.values()) {
      inSample.put(
          ArticleFields.entityField(type),
          Aggregation.of(a ->
              a.significantTerms(t ->
                  t.field(ArticleFields.entityField(type))
                      .minDocCount((long) Significance.MIN_FOREGROUND)
                      .jlh(j -> j)
                      // Room for held names that fold into one canonical name.
                      .size(2 * size))));
    }
    return inSample;
  }

  /**
   * How many archive articles hold each of {@code phrases} in their body, in one request: a {@code
   * filters} aggregation of {@code match_phrase} queries; none when out of time, since counts of
   * part of the archive would call common phrases unusual.
   */
  private SampleText.Background phraseBackground(List<String> phrases) throws IOException {
    if (phrases.isEmpty()) {
      return new SampleText.Background(0, Map.of());
    }
    Map<String, Query> holding = new HashMap<>();
    for (int i = 0; i < phrases.size(); i++) {
      String phrase = phrases.get(i);
      holding.put(
          PHRASE + i,
          Query.of(q -> q.matchPhrase(m -> m.field(Significance.PHRASE_FIELD).query(phrase))));
    }
    SearchResponse<Void> response =
        client.search(
            s ->
                s.index(index)
                    .size(0)
                    .timeout(timeBudget.toMillis() + "ms")
                    .trackTotalHits(t -> t.enabled(true))
                    .aggregations(PHRASES, a -> a.filters(f -> f.filters(b -> b.keyed(holding)))),
            Void.class);
    OpenSearchResponses.requireAllShards(response.shards());
    if (response.timedOut()) {
      return new SampleText.Background(response.hits().total().value(), Map.of());
    }
    Map<String, FiltersBucket> buckets =
        response.aggregations().get(PHRASES).filters().buckets().keyed();
    Map<String, Long> counts = new HashMap<>();
    for (int i = 0; i < phrases.size(); i++) {
      counts.put(phrases.get(i), buckets.get(PHRASE + i).docCount());
    }
    return new SampleText.Background(response.hits().total().value(), counts);
  }

  private static List<SignificantTerm> terms(Aggregate significant) {
    List<SignificantTerm> terms = new ArrayList<>();
    for (SignificantStringTermsBucket bucket : significant.sigsterms().buckets().array()) {
      terms.add(
          new SignificantTerm(bucket.key(), bucket.score(), bucket.docCount(), bucket.bgCount()));
    }
    return terms;
  }

  /** {@code held}, most unusual first, each under its canonical name, once. */
  private static List<SignificantTerm> canonical(List<SignificantTerm> held, EntityNames names) {
    Map<String, SignificantTerm> folded = new LinkedHashMap<>();
    for (SignificantTerm term : Significance.top(held, held.size())) {
      String name = names.canonical(term.term());
      folded.putIfAbsent(
          name, new SignificantTerm(name, term.score(), term.foreground(), term.background()));
    }
    return new ArrayList<>(folded.values());
  }
}
