package io.newsarchive.search;

import java.util.List;

/**
 * Attention over time: matching articles per interval, from the first to the last bucket that has
 * any, with empty buckets in between included. Undated articles are not counted.
 *
 * @param interval the resolved bucket width (never {@link Interval#AUTO})
 * @param buckets buckets in time order
 */
public record Timeline(Interval interval, List<TimelineBucket> buckets) {

  /** Copies the bucket list. */
  public Timeline {
    buckets = List.copyOf(buckets);
  }
}
