package io.newsarchive.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * A few daemon threads on which the counting of a page (its total, facets and timeline over every
 * match) runs while the request thread finds, reorders, reads and highlights the page's best hits,
 * so that one request also uses a processor that would otherwise idle. Counting apart costs a
 * second pass over the matches, so a page counts apart only while a processor idles: while fewer
 * searches and countings run than there are counting threads (one per processor). A busy server
 * counts in each page's own pass, as with no counting threads. A counting that no thread has
 * started by the time the request thread needs it is taken back from the queue and run on the
 * request thread, so that no request waits behind another's counting. Thread-safe; closing it lets
 * its threads end.
 */
final class CountingThreads implements Closeable {

  /** Counts with a searcher of its own, which stops when the search's deadline passes. */
  @FunctionalInterface
  interface Task<T> {
    /** Counts with {@code timed}, whose timeout is the search's deadline. */
    T count(IndexSearcher timed) throws IOException;

    /**
     * Takes a share of a counting that another thread runs, with {@code timed}, from the thread
     * that waits for it; by default none. Its failures are for {@link #count} to throw.
     */
    default void help(IndexSearcher timed) {}
  }

  private final ThreadPoolExecutor pool;
  private final RunningSearches searches;
  private final int threads;
  private final AtomicInteger busy = new AtomicInteger();

  /**
   * Counts on {@code threads} threads, or with none (zero) in the pass that collects the page's
   * best hits; the index reader checks the deadlines that {@code searches} keeps from each thread.
   */
  CountingThreads(int threads, RunningSearches searches) {
    if (threads < 0) {
      throw new IllegalArgumentException("counting threads must not be negative: " + threads);
    }
    this.searches = searches;
    this.threads = threads;
    if (threads == 0) {
      this.pool = null;
      return;
    }
    AtomicInteger made = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "newsarchive-page-counting-" + made.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * One thread per processor, and none on a single processor, where counting beside the best hits
   * would only make both wait for the same processor.
   */
  static int forProcessors() {
    int processors = Runtime.getRuntime().availableProcessors();
    return processors > 1 ? processors : 0;
  }

  /**
   * Whether a page should count on another thread than the one that finds its best hits: a
   * processor idles, as fewer searches (this one included) and countings run than there are
   * threads.
   */
  boolean idleProcessor() {
    return pool != null && searches.running() + busy.get() < threads;
  }

  /**
   * Starts {@code task} on a free thread, or queues it, with a searcher over {@code reader} that
   * stops at {@code deadline}; the caller must close what it returns.
   *
   * @throws IllegalStateException when this counts with no threads
   */
  <T> Pending<T> start(IndexReader reader, SearchDeadline deadline, Task<T> task) {
    if (pool == null) {
      throw new IllegalStateException("no counting threads: count in the page's own pass");
    }
    Pending<T> pending = new Pending<>(reader, deadline, task);
    try {
      pool.execute(pending.onThread);
    } catch (RejectedExecutionException e) {
      // Closed: the request thread runs it when it joins.
    }
    return pending;
  }

  @Override
  public void close() {
    if (pool != null) {
      // Counting in progress stops at its deadline, which the closing searcher cancels.
      pool.shutdown();
    }
  }

  /**
   * A counting started beside a page, whose result the request thread joins. Closing it stops a
   * counting that was not joined (the request failed) and waits for a started one to end, so that
   * no thread reads the index version after the request has released it. Used by one thread.
   */
  final class Pending<T> implements AutoCloseable {
    private final IndexReader reader;
    private final SearchDeadline deadline;
    private final Task<T> task;
    private final AtomicBoolean taken = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Runnable onThread = this::runIfUntaken;
    private volatile boolean abandoned;
    // Written before done counts down, read after it has: the latch orders them.
    private T result;
    private Throwable failure;

    private Pending(IndexReader reader, SearchDeadline deadline, Task<T> task) {
      this.reader = reader;
      this.deadline = deadline;
      this.task = task;
    }

    /**
     * The counting's result: counted now on this thread when no counting thread has started it,
     * else waited for.
     *
     * @throws IOException as the counting did, and its unchecked exceptions as they were thrown
     */
    T join() throws IOException {
      if (taken.compareAndSet(false, true)) {
        pool.remove(onThread);
        run();
      } else {
        if (done.getCount() > 0) {
          task.help(timed());
        }
        awaitDone();
      }
      if (failure instanceof IOException e) {
        throw e;
      }
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return result;
    }

    @Override
    public void close() {
      abandoned = true;
      if (taken.compareAndSet(false, true)) {
        pool.remove(onThread);
        return;
      }
      awaitDone();
    }

    private void runIfUntaken() {
      if (taken.compareAndSet(false, true)) {
        run();
      }
    }

    private void run() {
      busy.incrementAndGet();
      try (SearchCancellation.Scope bound = searches.bind(deadline)) {
        result = task.count(timed());
      } catch (IOException | RuntimeException | Error e) {
        failure = e;
      } finally {
        busy.decrementAndGet();
        done.countDown();
      }
    }

    /** A searcher of the counting's index version that stops at its deadline or when closed. */
    private IndexSearcher timed() {
      IndexSearcher timed = Ranking.searcher(reader);
      timed.setTimeout(() -> abandoned || deadline.shouldExit());
      return timed;
    }

    /** Waits for a counting started on another thread; its deadline bounds the wait. */
    private void awaitDone() {
      awaitUninterruptibly(done);
    }
  }

  /**
   * Waits until {@code latch} is open, keeping an interrupt for after: a counting's deadline, not
   * an interrupt, bounds the wait.
   */
  static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
