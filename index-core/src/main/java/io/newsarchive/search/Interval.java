package io.newsarchive.search;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The width of a timeline bucket. Buckets start at midnight UTC; weeks start on Monday. */
public enum Interval {
  DAY,
  WEEK,
  MONTH,
  YEAR,
  /** Chosen from the span of the matching articles so that the timeline has a readable size. */
  AUTO;

  /** The lower-case name used in URLs and JSON. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The concrete interval for a span of matching days: daily up to three months, weekly up to two
   * years, monthly up to twenty years, yearly beyond.
   */
  public Interval resolve(long firstEpochDay, long lastEpochDay) {
    if (this != AUTO) {
      return this;
    }
    long span = lastEpochDay - firstEpochDay + 1;
    if (span <= 92) {
      return DAY;
    }
    if (span <= 731) {
      return WEEK;
    }
    return span <= 7305 ? MONTH : YEAR;
  }

  /** The first day of the bucket that holds {@code day}. Not defined for {@link #AUTO}. */
  public LocalDate bucketStart(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
      case YEAR -> day.withDayOfYear(1);
      case AUTO -> throw new IllegalStateException("resolve AUTO before computing buckets");
    };
  }

  /** The first day of the bucket after the one that starts on {@code start}. */
  public LocalDate next(LocalDate start) {
    return switch (this) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
      case YEAR -> start.plusYears(1);
      case AUTO -> throw new IllegalStateException("resolve AUTO before computing buckets");
    };
  }

  /**
   * The interval named by {@code text}, case-insensitively.
   *
   * @throws InvalidRequestException when {@code text} names no interval
   */
  public static Interval parse(String text) {
    for (Interval interval : values()) {
      if (interval.key().equalsIgnoreCase(text.strip())) {
        return interval;
      }
    }
    throw new InvalidRequestException(
        "interval", "unknown interval '" + text + "'", "use day, week, month, year or auto");
  }
}
