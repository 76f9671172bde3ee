package io.newsarchive.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.Query;

/**
 * The counts of the most recently asked filter-only queries of one index version (an empty query
 * with filters, such as one month of the archive browsed newest first): a filter cache, as Solr's
 * {@code filterCache} keeps the matches of a filter, that keeps their facet and timeline counts
 * instead. Pages and top hits are never kept: every page is still collected. Valid for the version
 * it belongs to, and gone with it. Thread-safe.
 */
final class FilterCounts {

  /**
   * How many filter-only queries are kept, least recently asked dropped first. Each holds at most a
   * quarter of each facet's values' count and a day array, so a few megabytes in all on a large
   * archive.
   */
  static final int KEPT = 32;

  private final Map<Query, MatchCounter.Counts> recent =
      new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Query, MatchCounter.Counts> eldest) {
          return size() > KEPT;
        }
      };

  /** The counts kept for {@code filters}, if they are. */
  synchronized Optional<MatchCounter.Counts> get(Query filters) {
    return Optional.ofNullable(recent.get(filters));
  }

  /** Keeps {@code counts}, the whole counts of {@code filters}. */
  synchronized void put(Query filters, MatchCounter.Counts counts) {
    recent.put(filters, counts);
  }
}
