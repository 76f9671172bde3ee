package io.newsarchive.opensearch;

import io.newsarchive.article.Article;
import io.newsarchive.article.EntityType;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.schema.TextLanguages;
import io.newsarchive.search.ArchiveEntityNames;
import io.newsarchive.search.FacetCount;
import io.newsarchive.search.Hit;
import io.newsarchive.search.HitReader;
import io.newsarchive.search.IndexStats;
import io.newsarchive.search.RelatedQuery;
import io.newsarchive.search.RunningSearches;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchCounts;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.search.SignificantTerms;
import io.newsarchive.search.Story;
import io.newsarchive.search.Suggestion;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.indices.stats.IndicesStatsMetric;

/**
 * The {@link SearchBackend} over an OpenSearch index made by {@link OpenSearchSchema}: the same
 * answers as the local index, from a cluster. Searches are admitted into the same slots as locally
 * ({@link SearcherOptions}), each sent with the time budget as its OpenSearch {@code timeout}; a
 * search that OpenSearch stops at its timeout answers what it found, flagged as timed out, as
 * locally. {@link #cancelSearches()} makes every later search answer at once, flagged as timed out;
 * searches already sent finish within their timeout. Thread-safe: the client is.
 */
public final class OpenSearchBackend implements SearchBackend {

  private final OpenSearchConnection connection;
  private final OpenSearchClient client;
  private final String index;
  private final OpenSearchSearch searches;
  private final OpenSearchSignificance significance;
  private final OpenSearchSuggester suggester;
  private final RelatedTerms relatedTerms;
  private final HitReader hitReader = new HitReader(ArticleFields.analyzer());
  private final RunningSearches running;
  private final LongAdder refreshes = new LongAdder();

  private OpenSearchBackend(
      OpenSearchConnection connection, String index, SearcherOptions options) {
    this.connection = connection;
    this.client = connection.client();
    this.index = index;
    this.searches = new OpenSearchSearch(client, index, options.timeBudget());
    this.significance = new OpenSearchSignificance(client, index, options.timeBudget());
    this.suggester = new OpenSearchSuggester(client, index);
    this.relatedTerms = new RelatedTerms(client, index);
    this.running = new RunningSearches(options);
  }

  /**
   * The backend over index {@code index} of the cluster {@code connection} reaches; closing it
   * closes the connection.
   *
   * @throws io.newsarchive.index.IndexVersionException when the index has another schema version
   * @throws IOException when the cluster cannot be reached or holds no such index; the message says
   *     which
   */
  public static OpenSearchBackend open(
      OpenSearchConnection connection, String index, SearcherOptions options) throws IOException {
    OpenSearchSchema.requireCompatible(connection.client(), index);
    return new OpenSearchBackend(connection, index, options);
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    try (RunningSearches.Admitted admitted = admit(start)) {
      if (admitted.cancelled()) {
        admitted.stoppedEarly();
        return SearchResult.stopped(request, (System.nanoTime() - start) / 1_000_000);
      }
      SearchResult result = searches.search(request);
      if (result.timedOut()) {
        admitted.stoppedEarly();
      }
      return result;
    }
  }

  @Override
  public List<FacetCount> topEntities(EntityType type, SearchRequest request) throws IOException {
    long start = System.nanoTime();
    try (RunningSearches.Admitted admitted = admit(start)) {
      return searches.topEntities(type, request);
    }
  }

  /** What is unusual in the best matches of {@code request}: {@link OpenSearchSignificance}. */
  @Override
  public SignificantTerms significant(SearchRequest request, int size, int sample)
      throws IOException {
    SearchParameters.SIGNIFICANT_SIZE.check(size);
    SearchParameters.SAMPLE.check(sample);
    try (RunningSearches.Admitted admitted = admit(System.nanoTime())) {
      return significance.find(searches.matching(request), size, sample, searches.names());
    }
  }

  @Override
  public ArchiveEntityNames entityNames() throws IOException {
    return searches.names();
  }

  private RunningSearches.Admitted admit(long start) throws IOException {
    try {
      return running.admit(start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a search slot");
    }
  }

  @Override
  public Optional<Article> article(String id) throws IOException {
    Optional<Article> stored = stored(id);
    return stored.isEmpty() ? stored : Optional.of(searches.names().canonical(stored.get()));
  }

  /** The story the ingest gave the article with {@code id} ({@link OpenSearchStories}). */
  @Override
  public Optional<Story> story(String id) throws IOException {
    GetResponse<Map<String, Object>> response =
        client.get(
            g -> g.index(index).id(id).sourceIncludes(ArticleFields.ID, ArticleFields.STORY),
            ArticleSource.documentClass());
    if (!response.found()) {
      return Optional.empty();
    }
    String story = ArticleSource.story(response.source());
    long articles =
        client
            .count(c ->
                c.index(index)
                    .query(
                        q -> q.term(t -> t.field(ArticleFields.STORY).value(FieldValue.of(story)))))
            .count();
    return Optional.of(new Story(story, Math.max(1, articles)));
  }

  /** The article with {@code id} as it was ingested, its entities under the names it holds. */
  private Optional<Article> stored(String id) throws IOException {
    GetResponse<Map<String, Object>> response =
        client.get(g -> g.index(index).id(id), ArticleSource.documentClass());
    return response.found()
        ? Optional.of(ArticleSource.toArticle(response.source()))
        : Optional.empty();
  }

  /**
   * Articles most like the one with {@code id}, by the query the local index builds ({@link
   * RelatedQuery}): its distinctive title and body terms ({@link RelatedTerms}) and its first
   * entities, each worth {@link RelatedQuery#ENTITY_BOOST} terms, with the local snippets.
   */
  @Override
  public Optional<List<Hit>> related(String id, int size) throws IOException {
    SearchParameters.RELATED_SIZE.check(size);
    // The names it holds, which the query's entity terms must match.
    Optional<Article> article = stored(id);
    if (article.isEmpty()) {
      return Optional.empty();
    }
    BoolQuery.Builder like = new BoolQuery.Builder();
    List<RelatedTerms.Term> terms = relatedTerms.of(article.get());
    if (!terms.isEmpty()) {
      // As locally, where every language shares title and body, a word is looked for in the
      // fields of every language the index holds.
      // English stands for every article in no language of its own, also of unknown language.
      Set<String> languages = new TreeSet<>(searches.languages());
      languages.add(TextLanguages.DEFAULT);
      BoolQuery.Builder text = new BoolQuery.Builder();
      for (RelatedTerms.Term term : terms) {
        for (String language : languages) {
          String field = OpenSearchLanguages.field(term.field(), language);
          text.should(q -> q.term(t -> t.field(field).value(FieldValue.of(term.word()))));
        }
      }
      like.should(q -> q.bool(text.build()));
    }
    article.get().entities().stream()
        .limit(RelatedQuery.MAX_ENTITIES)
        .forEach(entity ->
            like.should(q ->
                q.term(t ->
                    t.field(ArticleFields.entityField(entity.type()))
                        .value(FieldValue.of(entity.name()))
                        .boost(RelatedQuery.ENTITY_BOOST))));
    BoolQuery query = like.build();
    if (query.should().isEmpty()) {
      // Nothing to be alike in; OpenSearch would read a query without clauses as every article.
      return Optional.of(List.of());
    }
    BoolQuery related =
        query.toBuilder()
            .mustNot(q -> q.term(t -> t.field(ArticleFields.ID).value(FieldValue.of(id))))
            .minimumShouldMatch("1")
            .build();
    SearchResponse<Map<String, Object>> response =
        client.search(
            s -> s.index(index).query(q -> q.bool(related)).size(size),
            ArticleSource.documentClass());
    OpenSearchResponses.requireAllShards(response.shards());
    List<Hit> hits = new ArrayList<>();
    ArchiveEntityNames names = searches.names();
    for (var hit : response.hits().hits()) {
      Article found = names.canonical(ArticleSource.toArticle(hit.source()));
      float score = hit.score() == null ? Float.NaN : hit.score().floatValue();
      // No words to mark: each snippet opens its field, as a local related article's does.
      hits.add(
          hitReader
              .hit(found, score, MatchAllDocsQuery.INSTANCE)
              .withStory(ArticleSource.story(hit.source()), 1));
    }
    return Optional.of(searches.withStoryArticles(hits));
  }

  @Override
  public List<Suggestion> suggest(String prefix, int size) throws IOException {
    SearchParameters.SUGGEST_SIZE.check(size);
    if (prefix == null || prefix.isBlank()) {
      return List.of();
    }
    return suggester.suggest(prefix.strip(), size, searches.names());
  }

  /** Article count, date range and sources from one search, and the primaries' store size. */
  @Override
  public IndexStats stats() throws IOException {
    SearchResponse<Void> response =
        client.search(
            s ->
                s.index(index)
                    .size(0)
                    .trackTotalHits(t -> t.enabled(true))
                    .aggregations("oldest", a -> a.min(m -> m.field(ArticleFields.PUBLISHED)))
                    .aggregations("newest", a -> a.max(m -> m.field(ArticleFields.PUBLISHED)))
                    .aggregations(
                        "sources",
                        a ->
                            a.terms(t ->
                                t.field(ArticleFields.SOURCE)
                                    .size(SearchParameters.MAX_FACET_SIZE)
                                    .order(
                                        List.of(
                                            Map.of("_count", SortOrder.Desc),
                                            Map.of("_key", SortOrder.Asc))))),
            Void.class);
    OpenSearchResponses.requireAllShards(response.shards());
    List<FacetCount> sources = new ArrayList<>();
    for (StringTermsBucket bucket :
        response.aggregations().get("sources").sterms().buckets().array()) {
      sources.add(new FacetCount(bucket.key(), bucket.docCount()));
    }
    return new IndexStats(
        response.hits().total().value(),
        instant(response.aggregations().get("oldest")),
        instant(response.aggregations().get("newest")),
        sources,
        indexBytes());
  }

  private static Optional<Instant> instant(Aggregate aggregate) {
    Double value = aggregate.isMin() ? aggregate.min().value() : aggregate.max().value();
    return value == null || value.isInfinite() || value.isNaN()
        ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(value.longValue()));
  }

  @Override
  public long count() throws IOException {
    return client.count(c -> c.index(index)).count();
  }

  /** The store size of the index's primary shards: the archive once, without its replicas. */
  @Override
  public long indexBytes() throws IOException {
    var stats = client.indices().stats(s -> s.index(index).metric(IndicesStatsMetric.Store));
    return stats.all().primaries().store().sizeInBytes();
  }

  @Override
  public SearchCounts counts() {
    return running.counts(refreshes.sum());
  }

  @Override
  public int runningSearches() {
    return running.running();
  }

  @Override
  public void cancelSearches() {
    running.cancelAll();
  }

  @Override
  public void refresh() throws IOException {
    client.indices().refresh(r -> r.index(index));
    refreshes.increment();
  }

  @Override
  public void close() throws IOException {
    running.cancelAll();
    connection.close();
  }
}
