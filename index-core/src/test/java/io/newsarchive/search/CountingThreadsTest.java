package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The counting of a page on a thread of its own stops with the search it belongs to, and runs on
 * the request thread when no counting thread has taken it.
 */
class CountingThreadsTest {

  /** How long a test waits for a counting thread to take its task: never, when all goes well. */
  private static final long PATIENCE_SECONDS = 30;

  private final RunningSearches searches = new RunningSearches(SearcherOptions.DEFAULTS);
  private DirectoryReader reader;

  @BeforeEach
  void open() throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    TestArticles.index(dir, TestArticles.archive());
    reader = DirectoryReader.open(dir);
  }

  @AfterEach
  void close() throws IOException {
    reader.close();
  }

  @Test
  void aCountingThreadStopsWhenItsSearchIsCancelled() throws Exception {
    SearchCancellation client = new SearchCancellation();
    try (CountingThreads threads = new CountingThreads(1, searches);
        SearchCancellation.Scope bound = client.bind();
        RunningSearches.Admitted admitted = searches.admit(System.nanoTime())) {
      CountDownLatch countedOnce = new CountDownLatch(1);
      CountDownLatch cancelled = new CountDownLatch(1);
      CountingThreads.Pending<Counted> pending =
          threads.start(
              reader,
              admitted.deadline(),
              timed -> {
                Counted before = Counted.of(timed, searches);
                countedOnce.countDown();
                await(cancelled);
                return before.then(Counted.of(timed, searches));
              });
      assertThat(countedOnce.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
      // The client goes away while the other thread counts: the request thread is not asked.
      client.cancel();
      cancelled.countDown();
      Counted counted = pending.join();

      assertThat(counted.thread()).isNotEqualTo(Thread.currentThread().getName());
      assertThat(counted.searchStopped()).containsExactly(false, true);
      // The index reader stops the search that runs on the counting thread too.
      assertThat(counted.readsStopped()).containsExactly(false, true);
      assertThat(counted.total()).containsExactly((long) reader.numDocs(), 0L);
    }
  }

  @Test
  void aCountingThreadStopsAtItsSearchsDeadline() throws Exception {
    RunningSearches hurried =
        new RunningSearches(SearcherOptions.DEFAULTS.withTimeBudget(Duration.ofNanos(1)));
    try (CountingThreads threads = new CountingThreads(1, hurried);
        RunningSearches.Admitted admitted = hurried.admit(System.nanoTime())) {
      Counted counted =
          threads.start(reader, admitted.deadline(), timed -> Counted.of(timed, hurried)).join();

      assertThat(counted.searchStopped()).containsExactly(true);
      assertThat(counted.readsStopped()).containsExactly(true);
      assertThat(counted.total()).containsExactly(0L);
    }
  }

  @Test
  void aCountingNoThreadHasTakenRunsOnTheRequestThread() throws Exception {
    try (CountingThreads threads = new CountingThreads(1, searches);
        RunningSearches.Admitted admitted = searches.admit(System.nanoTime())) {
      CountDownLatch busy = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CountingThreads.Pending<String> blocking =
          threads.start(
              reader,
              admitted.deadline(),
              timed -> {
                busy.countDown();
                await(release);
                return Thread.currentThread().getName();
              });
      assertThat(busy.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
      try (CountingThreads.Pending<Counted> queued =
          threads.start(reader, admitted.deadline(), timed -> Counted.of(timed, searches))) {
        Counted counted = queued.join();

        assertThat(counted.thread()).isEqualTo(Thread.currentThread().getName());
        assertThat(counted.total()).containsExactly((long) reader.numDocs());
      }
      release.countDown();
      assertThat(blocking.join()).startsWith("newsarchive-page-counting-");
    }
  }

  @Test
  void closingAnUnjoinedCountingStopsItAndWaitsForIt() throws Exception {
    try (CountingThreads threads = new CountingThreads(1, searches);
        RunningSearches.Admitted admitted = searches.admit(System.nanoTime())) {
      CountDownLatch taken = new CountDownLatch(1);
      AtomicBoolean ended = new AtomicBoolean();
      CountingThreads.Pending<Boolean> pending =
          threads.start(
              reader,
              admitted.deadline(),
              timed -> {
                taken.countDown();
                while (!timed.getTimeout().shouldExit()) {
                  Thread.onSpinWait();
                }
                ended.set(true);
                return true;
              });
      assertThat(taken.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();

      pending.close();

      assertThat(ended).isTrue();
      assertThat(admitted.cancelled()).isFalse();
    }
  }

  @Test
  void whatTheCountingThrowsIsThrownByTheJoin() throws Exception {
    try (CountingThreads threads = new CountingThreads(2, searches);
        RunningSearches.Admitted admitted = searches.admit(System.nanoTime())) {
      CountingThreads.Pending<Object> pending =
          threads.start(
              reader,
              admitted.deadline(),
              timed -> {
                throw new IOException("index unreadable");
              });
      assertThatThrownBy(pending::join)
          .isInstanceOf(IOException.class)
          .hasMessage("index unreadable");
    }
  }

  @Test
  void pagesCountApartOnlyWhileAProcessorIdles() throws Exception {
    try (CountingThreads two = new CountingThreads(2, searches);
        RunningSearches.Admitted one = searches.admit(System.nanoTime())) {
      assertThat(two.idleProcessor()).isTrue();
      CountDownLatch counting = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CountingThreads.Pending<Boolean> pending =
          two.start(
              reader,
              one.deadline(),
              timed -> {
                counting.countDown();
                await(release);
                return true;
              });
      assertThat(counting.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).isTrue();
      // One search and its counting hold both processors.
      assertThat(two.idleProcessor()).isFalse();
      release.countDown();
      assertThat(pending.join()).isTrue();
      assertThat(two.idleProcessor()).isTrue();
      try (RunningSearches.Admitted other = searches.admit(System.nanoTime())) {
        assertThat(two.idleProcessor()).isFalse();
      }
    }
  }

  @Test
  void withoutThreadsNothingStarts() {
    try (CountingThreads none = new CountingThreads(0, searches)) {
      assertThat(none.idleProcessor()).isFalse();
      assertThatThrownBy(() -> none.start(reader, null, timed -> 1))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  /** Waits for {@code latch} on a counting thread, whose task may throw only I/O exceptions. */
  private static void await(CountDownLatch latch) throws InterruptedIOException {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while counting");
    }
  }

  /**
   * What a counting thread saw, once or twice.
   *
   * @param thread the thread that counted
   * @param total the articles counted by each count
   * @param searchStopped whether each count was stopped
   * @param readsStopped whether the index reader would have stopped the thread after each count
   */
  private record Counted(
      String thread, long[] total, boolean[] searchStopped, boolean[] readsStopped) {

    /** Counts every article with {@code timed}, whose reader checks {@code searches}. */
    static Counted of(IndexSearcher timed, RunningSearches searches) throws IOException {
      // Collected one by one: a count of every article would be read from the index at once.
      long total =
          timed
              .search(
                  MatchAllDocsQuery.INSTANCE, new TopScoreDocCollectorManager(1, Integer.MAX_VALUE))
              .totalHits
              .value();
      return new Counted(
          Thread.currentThread().getName(),
          new long[] {total},
          new boolean[] {timed.timedOut()},
          new boolean[] {searches.shouldExit()});
    }

    /** This count, then {@code next}. */
    Counted then(Counted next) {
      return new Counted(
          thread,
          new long[] {total[0], next.total[0]},
          new boolean[] {searchStopped[0], next.searchStopped[0]},
          new boolean[] {readsStopped[0], next.readsStopped[0]});
    }
  }
}
