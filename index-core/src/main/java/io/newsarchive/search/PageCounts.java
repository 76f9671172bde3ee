package io.newsarchive.search;

import static io.newsarchive.search.SearchParameters.FACETS;
import static io.newsarchive.search.SearchParameters.FACET_SIZE;
import static io.newsarchive.search.SearchParameters.INTERVAL;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * What a page says of all its matches: their number, the facets and the timeline its request asks
 * for, and whether their counting was stopped apart from the page's hits. Read-only.
 *
 * @param total the matches counted
 * @param facets the top values of each facet asked for
 * @param timeline the matches per interval asked for
 * @param timedOut whether the deadline stopped a counting that ran on a thread of its own
 */
record PageCounts(
    long total, Map<FacetField, List<FacetCount>> facets, Timeline timeline, boolean timedOut) {

  /** The {@code total}, facets and timeline of {@code matching} that {@code request} asks for. */
  static PageCounts of(MatchCounter.Counts matching, long total, SearchRequest request)
      throws IOException {
    Map<FacetField, List<FacetCount>> facets = new EnumMap<>(FacetField.class);
    for (FacetField facet : request.get(FACETS)) {
      facets.put(facet, matching.top(facet, request.get(FACET_SIZE)));
    }
    return new PageCounts(total, facets, matching.timeline(request.get(INTERVAL)), false);
  }

  /**
   * Counts every match of {@code query} in {@code reader} with {@code counter}, without scores, and
   * turns the counts into what {@code request} asks for, on a counting thread, which the request's
   * thread helps once it waits ({@link SharedCounting}).
   */
  static CountingThreads.Task<PageCounts> counting(
      Query query, MatchCounter counter, SearchRequest request, IndexReader reader) {
    SharedCounting shared = new SharedCounting(query, counter, reader);
    return new CountingThreads.Task<>() {
      @Override
      public PageCounts count(IndexSearcher timed) throws IOException {
        MatchCounter.Counts matching = shared.counts(timed);
        PageCounts counts = of(matching, matching.total(), request);
        return shared.timedOut()
            ? new PageCounts(counts.total, counts.facets, counts.timeline, true)
            : counts;
      }

      @Override
      public void help(IndexSearcher timed) {
        shared.help(timed);
      }
    };
  }
}
