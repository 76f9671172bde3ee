package io.newsarchive.search;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The answer to a {@link SearchRequest}. Counts, facets and timeline cover the whole matching set,
 * not just the page.
 *
 * @param total number of matching articles
 * @param totalExact whether {@code total} is exact; false only when the time budget ran out
 * @param tookMillis time spent searching, in milliseconds
 * @param timedOut whether the time budget ran out, so counts and hits are partial
 * @param hits the requested page of hits
 * @param facets top values per requested facet, most frequent first, ties by value
 * @param timeline matching articles over time
 * @param nextCursor token for the page after this one, when there may be one
 * @param didYouMean a corrected query when a word is unknown or much rarer than a close spelling
 *     and the correction finds more articles
 * @param match how many of the query's plain words the matching articles contain; empty when the
 *     query has no plain words
 * @param expandedWith feedback words that reordered the matching articles ({@link
 *     SearchParameters#EXPAND}), heaviest first, as indexed (stemmed); empty when the query was not
 *     expanded
 * @param rankedByMeaning whether the best articles were reordered by their meaning beside their
 *     words ({@link SearchParameters#SEMANTIC})
 * @param stories with {@link SearchParameters#COLLAPSE} {@code story}, the number of distinct
 *     stories among the matching articles; else empty
 */
public record SearchResult(
    long total,
    boolean totalExact,
    long tookMillis,
    boolean timedOut,
    List<Hit> hits,
    Map<FacetField, List<FacetCount>> facets,
    Timeline timeline,
    Optional<String> nextCursor,
    Optional<String> didYouMean,
    Optional<WordsMatched> match,
    List<String> expandedWith,
    boolean rankedByMeaning,
    OptionalLong stories) {

  /** Copies the collections. */
  public SearchResult {
    hits = List.copyOf(hits);
    expandedWith = List.copyOf(expandedWith);
    // In enum order, so JSON output is the same from one run to the next.
    EnumMap<FacetField, List<FacetCount>> ordered = new EnumMap<>(FacetField.class);
    ordered.putAll(facets);
    facets = Collections.unmodifiableMap(ordered);
  }

  /**
   * The answer of a search of {@code request} stopped before it found anything, {@code tookMillis}
   * after it started: no hits, zero counts, flagged as timed out.
   */
  public static SearchResult stopped(SearchRequest request, long tookMillis) {
    Map<FacetField, List<FacetCount>> facets = new EnumMap<>(FacetField.class);
    request.get(SearchParameters.FACETS).forEach(facet -> facets.put(facet, List.of()));
    return new SearchResult(
        0,
        false,
        tookMillis,
        true,
        List.of(),
        facets,
        Timeline.ofDays(new long[0], new long[0], request.get(SearchParameters.INTERVAL)),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        false,
        OptionalLong.empty());
  }

  /** This result with a spelling suggestion attached. */
  public SearchResult withDidYouMean(String suggestion) {
    return new SearchResult(
        total,
        totalExact,
        tookMillis,
        timedOut,
        hits,
        facets,
        timeline,
        nextCursor,
        Optional.of(suggestion),
        match,
        expandedWith,
        rankedByMeaning,
        stories);
  }
}
