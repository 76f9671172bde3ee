package io.newsarchive.opensearch;

import static io.newsarchive.search.SearchParameters.COLLAPSE;
import static io.newsarchive.search.SearchParameters.CURSOR;
import static io.newsarchive.search.SearchParameters.EXPAND;
import static io.newsarchive.search.SearchParameters.FACETS;
import static io.newsarchive.search.SearchParameters.FACET_SIZE;
import static io.newsarchive.search.SearchParameters.PAGE;
import static io.newsarchive.search.SearchParameters.QUERY;
import static io.newsarchive.search.SearchParameters.RECENCY;
import static io.newsarchive.search.SearchParameters.SIZE;
import static io.newsarchive.search.SearchParameters.SORT;

import io.newsarchive.article.EntityType;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.ArchiveEntityNames;
import io.newsarchive.search.ArticleQueryParser;
import io.newsarchive.search.ArticleQueryParser.TextQuery;
import io.newsarchive.search.Collapse;
import io.newsarchive.search.Cursor;
import io.newsarchive.search.FacetCount;
import io.newsarchive.search.FacetField;
import io.newsarchive.search.Hit;
import io.newsarchive.search.HitReader;
import io.newsarchive.search.InvalidRequestException;
import io.newsarchive.search.MinimumMatch;
import io.newsarchive.search.RequestFilters;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.search.SortOrder;
import io.newsarchive.search.SpellingCorrector;
import io.newsarchive.search.StoryCollapse;
import io.newsarchive.search.WordRelaxation;
import io.newsarchive.search.WordsMatched;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * Answers searches on an OpenSearch index of {@link OpenSearchSchema} with the meaning the local
 * index gives them: the same parser (so the same errors for a bad request), its query translated
 * clause for clause ({@link QueryTranslation}), the same filters ({@link RequestFilters}), the same
 * relaxation of {@link io.newsarchive.search.WordMatch#AUTO}, sorts with the article id as the
 * tie-break, cursors, exact totals, facets and timeline, snippets marked as locally, spelling
 * suggestions from the same corrector over the index's words ({@link OpenSearchVocabulary}), and
 * feedback from the same expansion over the best articles' text ({@link OpenSearchFeedback}). A
 * query that OpenSearch cannot run with the same meaning is refused, never answered differently.
 * Thread-safe: the client is, and nothing else changes.
 */
final class OpenSearchSearch {

  private final OpenSearchClient client;
  private final String index;
  private final Duration timeBudget;
  private final ArticleQueryParser parser = new ArticleQueryParser();
  private final NewestPublished newest;
  private final HitReader snippets = new HitReader(ArticleFields.analyzer());
  private final OpenSearchVocabulary vocabulary;
  private final OpenSearchFeedback feedback;
  private final OpenSearchEntityNames names;
  private final StoryCounts storyCounts;
  private final IndexLanguages languages;

  /** Searches {@code index} with the local index's default time budget. */
  OpenSearchSearch(OpenSearchClient client, String index) {
    this(client, index, SearcherOptions.DEFAULTS.timeBudget());
  }

  /** Searches {@code index}; a search that runs longer than {@code timeBudget} is timed out. */
  OpenSearchSearch(OpenSearchClient client, String index, Duration timeBudget) {
    this.client = client;
    this.index = index;
    this.timeBudget = timeBudget;
    this.newest = new NewestPublished(client, index);
    this.vocabulary = new OpenSearchVocabulary(client, index, timeBudget);
    this.feedback = new OpenSearchFeedback(client, index, timeBudget);
    // One check of the index's state a second serves both what is read once per version.
    IndexState state = new IndexState(client, index);
    this.names = new OpenSearchEntityNames(client, index, state);
    this.languages = new IndexLanguages(client, index, state);
    this.storyCounts = new StoryCounts(client, index);
  }

  /** The languages of the index with an analyzer of their own, as of the last check. */
  Set<String> languages() throws IOException {
    return languages.current();
  }

  /** The canonical entity names of the index, as of the last check. */
  ArchiveEntityNames names() throws IOException {
    return names.current();
  }

  /**
   * Runs one search.
   *
   * @throws InvalidRequestException when the query does not parse, is too expensive, or holds a
   *     kind of query that OpenSearch cannot run with the same meaning
   * @throws IOException when the cluster cannot answer, or some shard failed
   */
  SearchResult search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    ArticleQueryParser parser = parser(request);
    SearchResult result =
        WordRelaxation.answer(
            request,
            parser,
            (text, relaxed) -> run(request, parser, text, relaxed),
            new WordRelaxation.Spelling() {
              @Override
              public Optional<String> correct(String q) throws IOException {
                return SpellingCorrector.correct(vocabulary, q);
              }

              @Override
              public long count(SearchRequest corrected) throws IOException {
                return OpenSearchSearch.this.count(corrected);
              }
            });
    return completed(result, (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * The most frequent entities of one type among the articles matching {@code request}, as {@link
   * io.newsarchive.search.ArticleSearcher#topEntities} counts them.
   */
  List<FacetCount> topEntities(EntityType type, SearchRequest request) throws IOException {
    FacetField facet = FacetField.of(type);
    SearchRequest counting =
        request
            .keeping(SearchParameters.FILTERS)
            .with(SIZE, 0)
            .with(FACETS, Set.of(facet))
            .with(FACET_SIZE, request.get(FACET_SIZE));
    return search(counting).facets().get(facet);
  }

  /** The parser of {@code request}: its text analyzed for the languages it runs against. */
  private ArticleQueryParser parser(SearchRequest request) throws IOException {
    return parser.forRequest(request, languages.current());
  }

  private SearchResult run(
      SearchRequest request,
      ArticleQueryParser parser,
      TextQuery text,
      WordRelaxation.Relaxed relaxed)
      throws IOException {
    long newestMillis = request.get(RECENCY) > 0 ? newest.millis() : 0;
    ArchiveEntityNames names = this.names.current();
    List<RequestFilters.Clause> filters = RequestFilters.of(request, newestMillis, names);
    Query typed = QueryTranslation.of(text);
    boolean collapsed = request.get(COLLAPSE) == Collapse.STORY;
    Optional<OpenSearchFeedback.Expanded> expansion = Optional.empty();
    // A collapsed page is ranked without feedback words, as locally; feedback words are read by
    // the English analyzer, as locally: only for English queries; and, as locally, a page of no
    // hits has nothing for them to reorder.
    if (!collapsed
        && request.get(SIZE) > 0
        && parser.analyzesEnglishOnly()
        && request.get(EXPAND).expands(text, request.get(SORT))
        && !(text.query() instanceof MatchAllDocsQuery)) {
      expansion = feedback.expand(text.query(), FilterTranslation.withFilters(typed, filters));
    }
    // Feedback words only reorder what the query as typed matches, and snippets show its words.
    Query query =
        FilterTranslation.withFilters(
            expansion.map(OpenSearchFeedback.Expanded::text).orElse(typed), filters);
    SortOrder order = request.get(SORT);
    int size = request.get(SIZE);
    Optional<Cursor.Position> after =
        request.get(CURSOR).isEmpty() || collapsed
            ? Optional.empty()
            : Optional.of(Cursor.position(request.get(CURSOR), order));
    int offset;
    if (collapsed && !request.get(CURSOR).isEmpty()) {
      offset = StoryCollapse.offset(request.get(CURSOR), size);
    } else {
      offset = after.isPresent() ? 0 : (request.get(PAGE) - 1) * size;
    }
    SearchPage page = new SearchPage(query, text.query(), order, after, offset, size);
    SearchResponse<Map> response = send(page.request(index, request, timeBudget, names));
    Optional<WordsMatched> match = Optional.empty();
    if (text.words() > 0) {
      WordsMatched words = WordsMatched.of(text.required(), text.words());
      match = Optional.of(relaxed == WordRelaxation.Relaxed.YES ? words.asRelaxed() : words);
    }
    SearchResult result =
        page.result(
            response,
            request,
            match,
            snippets,
            names,
            (type, variants) ->
                SearchPage.exactCounts(send(page.exactCounts(index, type, variants, timeBudget))));
    List<Hit> hits =
        storyCounts.withStories(
            result.hits(), collapsed ? Optional.of(query) : Optional.<Query>empty());
    OptionalLong stories =
        collapsed ? OptionalLong.of(storyCounts.stories(query, timeBudget)) : OptionalLong.empty();
    result = withStories(result, hits, stories);
    return expansion.isEmpty() ? result : withExpansion(result, expansion.get().added());
  }

  /** {@code hits}, each with the number of articles of its story in the index. */
  List<Hit> withStoryArticles(List<Hit> hits) throws IOException {
    return storyCounts.withStories(hits, Optional.empty());
  }

  /**
   * How many articles the query and filters of {@code request} match, its plain words by the
   * minimum match it asks for outright, as a local search counts a corrected query.
   */
  private long count(SearchRequest request) throws IOException {
    Query query = matching(request);
    return client.count(c -> c.index(index).query(query)).count();
  }

  /**
   * The query and filters of {@code request}, its plain words by the minimum match it asks for
   * outright, as the local parser combines them.
   *
   * @throws InvalidRequestException when the query does not parse or cannot be run here
   */
  Query matching(SearchRequest request) throws IOException {
    TextQuery text = parser(request).textQuery(request.get(QUERY), MinimumMatch.requested(request));
    long newestMillis = request.get(RECENCY) > 0 ? newest.millis() : 0;
    return FilterTranslation.withFilters(
        QueryTranslation.of(text), RequestFilters.of(request, newestMillis, names.current()));
  }

  @SuppressWarnings("rawtypes")
  private SearchResponse<Map> send(org.opensearch.client.opensearch.core.SearchRequest search)
      throws IOException {
    SearchResponse<Map> response;
    try {
      response = client.search(search, Map.class);
    } catch (OpenSearchException e) {
      String reason = String.valueOf(e.getMessage());
      if (reason.contains("too_many_clauses") || reason.contains("maxClauseCount")) {
        throw new InvalidRequestException(
            "q", "query too complex", "it expands to more terms than the cluster allows");
      }
      throw new IOException("OpenSearch refused the search: " + reason, e);
    }
    if (response.shards().failed() > 0) {
      throw new IOException(
          "OpenSearch answered from "
              + response.shards().successful()
              + " of "
              + response.shards().total()
              + " shards: "
              + response.shards().failures().stream()
                  .map(failure -> failure.reason().reason())
                  .limit(3)
                  .toList());
    }
    return response;
  }

  /** {@code result} of the query expanded with {@code added}. */
  private static SearchResult withExpansion(SearchResult result, List<String> added) {
    return new SearchResult(
        result.total(),
        result.totalExact(),
        result.tookMillis(),
        result.timedOut(),
        result.hits(),
        result.facets(),
        result.timeline(),
        result.nextCursor(),
        result.didYouMean(),
        result.match(),
        added,
        result.rankedByMeaning(),
        result.stories());
  }

  /** {@code result} with {@code hits} and the number of {@code stories}. */
  private static SearchResult withStories(
      SearchResult result, List<Hit> hits, OptionalLong stories) {
    return new SearchResult(
        result.total(),
        result.totalExact(),
        result.tookMillis(),
        result.timedOut(),
        hits,
        result.facets(),
        result.timeline(),
        result.nextCursor(),
        result.didYouMean(),
        result.match(),
        result.expandedWith(),
        result.rankedByMeaning(),
        stories);
  }

  /** {@code result} with the time the whole search took. */
  private static SearchResult completed(SearchResult result, long tookMillis) {
    return new SearchResult(
        result.total(),
        result.totalExact(),
        tookMillis,
        result.timedOut(),
        result.hits(),
        result.facets(),
        result.timeline(),
        result.nextCursor(),
        result.didYouMean(),
        result.match(),
        result.expandedWith(),
        result.rankedByMeaning(),
        result.stories());
  }
}
