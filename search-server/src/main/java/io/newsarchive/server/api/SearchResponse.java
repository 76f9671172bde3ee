package io.newsarchive.server.api;

import io.newsarchive.search.FacetCount;
import io.newsarchive.search.FacetField;
import io.newsarchive.search.Hit;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import io.newsarchive.search.Timeline;
import io.newsarchive.search.WordsMatched;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/search}: a library result with the page asked for. Counts, facets and
 * timeline cover the whole matching set.
 *
 * @param total number of matching articles
 * @param totalExact whether {@code total} is exact (false only on timeout)
 * @param tookMs search time in milliseconds
 * @param timedOut whether the time budget ran out and results are partial
 * @param page the page number served (1 when paging by cursor)
 * @param size the page size asked for
 * @param hits the page of hits
 * @param facets top values per requested facet
 * @param timeline matching articles over time
 * @param nextCursor token for the next page, or {@code null} when this is the last
 * @param didYouMean a corrected query that finds more articles, or {@code null}
 * @param match how many of the query's plain words the counted articles contain, or {@code null}
 *     when it has none
 * @param expandedWith feedback words that reordered the matching articles (parameter {@code
 *     expand}), heaviest first; empty when the query was not expanded
 * @param rankedByMeaning whether the best articles were reordered by their meaning beside their
 *     words (parameter {@code semantic})
 * @param stories with {@code collapse=story}, the number of distinct stories among the matching
 *     articles; {@code null} otherwise
 */
public record SearchResponse(
    long total,
    boolean totalExact,
    long tookMs,
    boolean timedOut,
    int page,
    int size,
    List<Hit> hits,
    Map<FacetField, List<FacetCount>> facets,
    Timeline timeline,
    String nextCursor,
    String didYouMean,
    WordsMatched match,
    List<String> expandedWith,
    boolean rankedByMeaning,
    Long stories) {

  /** The body of a library result for {@code request}. */
  public static SearchResponse of(SearchRequest request, SearchResult result) {
    return new SearchResponse(
        result.total(),
        result.totalExact(),
        result.tookMillis(),
        result.timedOut(),
        request.get(SearchParameters.PAGE),
        request.get(SearchParameters.SIZE),
        result.hits(),
        result.facets(),
        result.timeline(),
        result.nextCursor().orElse(null),
        result.didYouMean().orElse(null),
        result.match().orElse(null),
        result.expandedWith(),
        result.rankedByMeaning(),
        result.stories().isPresent() ? result.stories().getAsLong() : null);
  }
}
