package io.newsarchive.search;

import java.time.Duration;

/**
 * How an {@link ArticleSearcher} behaves over time.
 *
 * @param refreshInterval how often to look for a newer commit of the index, e.g. one made by a
 *     concurrent indexing run
 * @param timeBudget how long one search may collect before it returns partial results flagged as
 *     timed out
 */
public record SearcherOptions(Duration refreshInterval, Duration timeBudget) {

  /** Look for new commits every second; give each search five seconds. */
  public static final SearcherOptions DEFAULTS =
      new SearcherOptions(Duration.ofSeconds(1), Duration.ofSeconds(5));

  /** Validates that both durations are positive. */
  public SearcherOptions {
    if (refreshInterval == null || refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalArgumentException("refresh interval must be positive");
    }
    if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
      throw new IllegalArgumentException("time budget must be positive");
    }
  }
}
