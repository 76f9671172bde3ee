package io.newsarchive.search;

import java.time.Duration;

/**
 * Every search slot stayed taken for as long as a new search may wait: the searcher is saturated
 * and the client should retry later.
 */
public final class SearchesBusyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  /**
   * The error for a search that waited {@code waited} for one of {@code slots} slots; the client
   * should wait {@code retryAfter} before trying again.
   */
  SearchesBusyException(int slots, Duration waited, Duration retryAfter) {
    super(
        "all "
            + slots
            + " search slots stayed busy for "
            + waited.toMillis()
            + " ms: retry in "
            + retryAfter.toSeconds()
            + " s or send fewer searches at once");
    this.retryAfter = retryAfter;
  }

  /** How long the client should wait before it retries. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
