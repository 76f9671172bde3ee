package io.newsarchive.server.api;

import io.newsarchive.search.FacetCount;
import java.util.List;

/**
 * A value and how many matching articles carry it.
 *
 * @param value the exact value, usable as a filter
 * @param count number of matching articles
 */
public record FacetValue(String value, long count) {

  /** The bodies of library counts, in order. */
  public static List<FacetValue> of(List<FacetCount> counts) {
    return counts.stream().map(c -> new FacetValue(c.value(), c.count())).toList();
  }
}
