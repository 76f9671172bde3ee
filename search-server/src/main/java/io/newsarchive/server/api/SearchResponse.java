package io.newsarchive.server.api;

import io.newsarchive.search.FacetField;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/search}. Counts, facets and timeline cover the whole matching set.
 *
 * @param total number of matching articles
 * @param totalExact whether {@code total} is exact (false only on timeout)
 * @param tookMs search time in milliseconds
 * @param timedOut whether the time budget ran out and results are partial
 * @param page the page number served (1 when paging by cursor)
 * @param size the page size asked for
 * @param hits the page of hits
 * @param facets top values per requested facet key
 * @param timeline matching articles over time
 * @param nextCursor token for the next page, or {@code null} when this is the last
 * @param didYouMean a corrected query when this one matched nothing, or {@code null}
 */
public record SearchResponse(
    long total,
    boolean totalExact,
    long tookMs,
    boolean timedOut,
    int page,
    int size,
    List<HitBody> hits,
    Map<String, List<FacetValue>> facets,
    TimelineBody timeline,
    String nextCursor,
    String didYouMean) {

  /** The body of a library result for {@code request}. */
  public static SearchResponse of(SearchRequest request, SearchResult result) {
    Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
    for (FacetField facet : FacetField.values()) {
      if (result.facets().containsKey(facet)) {
        facets.put(facet.key(), FacetValue.of(result.facets().get(facet)));
      }
    }
    return new SearchResponse(
        result.total(),
        result.totalExact(),
        result.tookMillis(),
        result.timedOut(),
        request.get(SearchParameters.PAGE),
        request.get(SearchParameters.SIZE),
        HitBody.of(result.hits()),
        facets,
        TimelineBody.of(result.timeline()),
        result.nextCursor().orElse(null),
        result.didYouMean().orElse(null));
  }
}
