package io.newsarchive.search;

import java.time.Duration;
import org.apache.lucene.index.QueryTimeout;

/**
 * When one search must stop: its time budget spent, or cancelled because its client went away or
 * the server is stopping. Lucene checks it while collecting hits and, through the index reader,
 * while enumerating the terms that wildcards, fuzzy terms and regular expressions expand to.
 * Thread-safe: any thread may cancel it.
 */
final class SearchDeadline implements QueryTimeout {

  private final long start;
  private final long deadline;
  private final SearchCancellation client;
  private volatile boolean cancelled;
  private boolean readsWatched = true;

  /**
   * A deadline {@code budget} after {@code start}, a {@link System#nanoTime()} reading taken when
   * the request arrived, that also stops when {@code client} (null for none) is cancelled.
   */
  SearchDeadline(long start, Duration budget, SearchCancellation client) {
    this.start = start;
    this.deadline = start + budget.toNanos();
    this.client = client;
  }

  /** The {@link System#nanoTime()} at which the request arrived. */
  long start() {
    return start;
  }

  /** Stops the search at its next check; it then answers what it has, flagged as timed out. */
  void cancel() {
    cancelled = true;
  }

  /** Whether it was cancelled, by its client going away or the server stopping. */
  boolean isCancelled() {
    return cancelled || (client != null && client.isCancelled());
  }

  /**
   * Stops the index reader checking this deadline: what was collected is then answered in full, its
   * snippets and counts costing at most what the collection found. Called by the search's own
   * thread.
   */
  void ignoreReads() {
    readsWatched = false;
  }

  /** Makes the index reader check this deadline again, before more index work. */
  void watchReads() {
    readsWatched = true;
  }

  /** Whether the index reader should stop this search now. */
  boolean stopsReads() {
    return readsWatched && shouldExit();
  }

  @Override
  public boolean shouldExit() {
    return cancelled
        || (client != null && client.isCancelled())
        || System.nanoTime() - deadline > 0;
  }
}
