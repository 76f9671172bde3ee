package io.newsarchive.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Matching articles per UTC day over a fixed span of days, from which timelines of any interval are
 * derived. Not thread-safe: one per collector, merged at the end.
 */
final class DayHistogram {

  private static final long DAY_MILLIS = 86_400_000L;

  private final long firstDay;
  private final int[] counts;

  /** A histogram over {@code [firstDay, lastDay]} in epoch days; empty when last precedes first. */
  DayHistogram(long firstDay, long lastDay) {
    this.firstDay = firstDay;
    this.counts = new int[(int) Math.max(0, lastDay - firstDay + 1)];
  }

  /** Counts one article published at {@code epochMillis}; dates outside the span are ignored. */
  void add(long epochMillis) {
    long index = Math.floorDiv(epochMillis, DAY_MILLIS) - firstDay;
    if (index >= 0 && index < counts.length) {
      counts[(int) index]++;
    }
  }

  /** Adds another histogram over the same span into this one. */
  void addAll(DayHistogram other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
  }

  /** The timeline of these counts at {@code interval}, from the first to the last non-empty day. */
  Timeline timeline(Interval interval) {
    int first = 0;
    while (first < counts.length && counts[first] == 0) {
      first++;
    }
    int last = counts.length - 1;
    while (last >= first && counts[last] == 0) {
      last--;
    }
    if (first > last) {
      return new Timeline(interval.resolve(0, 0), List.of());
    }
    Interval resolved = interval.resolve(firstDay + first, firstDay + last);
    List<TimelineBucket> buckets = new ArrayList<>();
    LocalDate start = resolved.bucketStart(LocalDate.ofEpochDay(firstDay + first));
    LocalDate end = LocalDate.ofEpochDay(firstDay + last);
    int day = first;
    while (!start.isAfter(end)) {
      LocalDate next = resolved.next(start);
      long nextIndex = next.toEpochDay() - firstDay;
      long count = 0;
      while (day <= last && day < nextIndex) {
        count += counts[day++];
      }
      buckets.add(new TimelineBucket(startOf(start), count));
      start = next;
    }
    return new Timeline(resolved, buckets);
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
