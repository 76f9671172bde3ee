package io.newsarchive.search;

import java.time.Duration;

/**
 * How an {@link ArticleSearcher} behaves over time and under load.
 *
 * @param refreshInterval how often to look for a newer commit of the index, e.g. one made by a
 *     concurrent indexing run
 * @param timeBudget how long one search may take, parsing, expanding its terms and collecting,
 *     before it returns partial results flagged as timed out
 * @param concurrentSearches how many searches run at once; more wait for a slot
 * @param queueWait how long a search waits for a slot before it is refused as busy
 */
public record SearcherOptions(
    Duration refreshInterval, Duration timeBudget, int concurrentSearches, Duration queueWait) {

  /** One search per processor: searches are CPU-bound, more at once only slow each other. */
  public static final int DEFAULT_CONCURRENT_SEARCHES =
      Math.max(2, Runtime.getRuntime().availableProcessors());

  /** How long a search waits for a slot by default: long enough for a typical search to end. */
  public static final Duration DEFAULT_QUEUE_WAIT = Duration.ofSeconds(2);

  /**
   * Look for new commits every second; give each search five seconds; {@link
   * #DEFAULT_CONCURRENT_SEARCHES} at once, waiting {@link #DEFAULT_QUEUE_WAIT} for a slot.
   */
  public static final SearcherOptions DEFAULTS =
      new SearcherOptions(Duration.ofSeconds(1), Duration.ofSeconds(5));

  /** Validates that the durations are positive (the wait may be zero) and the slots at least 1. */
  public SearcherOptions {
    if (refreshInterval == null || refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalArgumentException("refresh interval must be positive");
    }
    if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
      throw new IllegalArgumentException("time budget must be positive");
    }
    if (concurrentSearches < 1) {
      throw new IllegalArgumentException(
          "concurrent searches must be at least 1, got " + concurrentSearches);
    }
    if (queueWait == null || queueWait.isNegative()) {
      throw new IllegalArgumentException("queue wait must not be negative");
    }
  }

  /** Options with the default concurrency and queue wait. */
  public SearcherOptions(Duration refreshInterval, Duration timeBudget) {
    this(refreshInterval, timeBudget, DEFAULT_CONCURRENT_SEARCHES, DEFAULT_QUEUE_WAIT);
  }

  /** These options with {@code concurrentSearches} slots. */
  public SearcherOptions withConcurrentSearches(int concurrentSearches) {
    return new SearcherOptions(refreshInterval, timeBudget, concurrentSearches, queueWait);
  }

  /** These options with a time budget of {@code timeBudget}. */
  public SearcherOptions withTimeBudget(Duration timeBudget) {
    return new SearcherOptions(refreshInterval, timeBudget, concurrentSearches, queueWait);
  }
}
