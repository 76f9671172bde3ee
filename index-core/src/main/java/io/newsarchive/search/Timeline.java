package io.newsarchive.search;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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

  /**
   * The timeline at {@code interval} of article counts per UTC day.
   *
   * @param days epoch days in ascending order, each with at least one article
   * @param counts the number of articles of each day
   */
  public static Timeline ofDays(long[] days, long[] counts, Interval interval) {
    if (days.length == 0) {
      return new Timeline(interval.resolve(0, 0), List.of());
    }
    long first = days[0];
    long last = days[days.length - 1];
    Interval resolved = interval.resolve(first, last);
    List<TimelineBucket> buckets = new ArrayList<>();
    LocalDate start = resolved.bucketStart(LocalDate.ofEpochDay(first));
    int day = 0;
    while (start.toEpochDay() <= last) {
      LocalDate next = resolved.next(start);
      long count = 0;
      while (day < days.length && days[day] < next.toEpochDay()) {
        count += counts[day++];
      }
      buckets.add(new TimelineBucket(start.atStartOfDay(ZoneOffset.UTC).toInstant(), count));
      start = next;
    }
    return new Timeline(resolved, buckets);
  }
}
