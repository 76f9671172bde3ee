package io.newsarchive.search;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.index.QueryTimeout;

/**
 * Admits searches into a fixed number of slots and keeps the deadline of each running one, so that
 * the index reader can stop the one running on the current thread and a stopping server can cancel
 * them all. As a {@link QueryTimeout} it answers for the search on the calling thread (never exit
 * when none runs there). Every {@link SearchBackend} admits its searches through one, so that
 * saturation, cancellation and the counts of {@link SearchBackend#counts()} mean the same on each.
 * Thread-safe.
 */
public final class RunningSearches implements QueryTimeout {

  private final SearcherOptions options;
  private final Semaphore slots;
  private final Set<SearchDeadline> running = ConcurrentHashMap.newKeySet();
  private final ThreadLocal<SearchDeadline> current = new ThreadLocal<>();
  private final LongAdder admitted = new LongAdder();
  private final LongAdder rejected = new LongAdder();
  private final LongAdder timedOut = new LongAdder();
  private final LongAdder cancelled = new LongAdder();
  private volatile boolean stopped;

  /** Slots, queue wait and time budget as {@code options} say. */
  public RunningSearches(SearcherOptions options) {
    this.options = options;
    this.slots = new Semaphore(options.concurrentSearches(), true);
  }

  /**
   * Takes a slot for a search that arrived at {@code start} ({@link System#nanoTime()}) on this
   * thread, waiting for one at most the options' queue wait; {@link Admitted#close()} frees it.
   *
   * @throws SearchesBusyException when no slot frees up in time
   * @throws InterruptedException when the thread is interrupted while it waits
   */
  public Admitted admit(long start) throws InterruptedException {
    Duration wait = options.queueWait();
    if (!slots.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
      rejected.increment();
      throw new SearchesBusyException(
          options.concurrentSearches(), wait, options.timeBudget().plusSeconds(1));
    }
    SearchDeadline deadline =
        new SearchDeadline(start, options.timeBudget(), SearchCancellation.current());
    running.add(deadline);
    current.set(deadline);
    admitted.increment();
    if (stopped) {
      deadline.cancel();
    }
    return new Admitted(deadline);
  }

  /** Number of searches holding a slot now. */
  public int running() {
    return running.size();
  }

  /** What this has admitted, refused and seen stop early so far, with {@code refreshes}. */
  public SearchCounts counts(long refreshes) {
    return new SearchCounts(
        admitted.sum(), timedOut.sum(), cancelled.sum(), rejected.sum(), refreshes);
  }

  /** Cancels every running search and every one admitted from now on. */
  public void cancelAll() {
    stopped = true;
    running.forEach(SearchDeadline::cancel);
  }

  /**
   * Makes the index reader check {@code deadline} on the current thread until the scope closes, for
   * a part of a search that runs on another thread than the one that admitted it; closing it gives
   * the thread back the deadline it had before.
   */
  SearchCancellation.Scope bind(SearchDeadline deadline) {
    SearchDeadline previous = current.get();
    current.set(deadline);
    return () -> {
      if (previous == null) {
        current.remove();
      } else {
        current.set(previous);
      }
    };
  }

  @Override
  public boolean shouldExit() {
    SearchDeadline deadline = current.get();
    return deadline != null && deadline.stopsReads();
  }

  /** A search holding a slot; closing it frees the slot. Used by one thread. */
  public final class Admitted implements AutoCloseable {

    private final SearchDeadline deadline;

    private Admitted(SearchDeadline deadline) {
      this.deadline = deadline;
    }

    /** The search's deadline. */
    SearchDeadline deadline() {
      return deadline;
    }

    /** Counts this search as stopped early: cancelled, or else out of time. */
    public void stoppedEarly() {
      (deadline.isCancelled() ? cancelled : timedOut).increment();
    }

    /**
     * Whether the search was cancelled ({@link #cancelAll()}, or its client went away) before or
     * while it ran: it should answer what it has, flagged as timed out.
     */
    public boolean cancelled() {
      return deadline.isCancelled();
    }

    @Override
    public void close() {
      current.remove();
      running.remove(deadline);
      slots.release();
    }
  }
}
