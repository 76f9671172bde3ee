package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.testing.ReutersIndex;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A search whose client closes the connection stops, instead of running out its time budget. */
class ClientDisconnectTest {

  @Test
  void searchStopsWhenItsClientGoesAway() throws Exception {
    // One slot and a long budget: only a cancellation ends the search early.
    SearcherOptions options =
        new SearcherOptions(
            Duration.ofSeconds(1), Duration.ofSeconds(120), 1, Duration.ofSeconds(1));
    try (TestServer server = new TestServer(ReutersIndex.get().directory(), options)) {
      ArticleSearcher searcher = server.searcher();
      int port = server.app().port();

      Socket abandoned = HeavySearch.send(port);
      HeavySearch.awaitRunning(searcher, 1);
      abandoned.close();
      long closed = System.nanoTime();
      HeavySearch.awaitRunning(searcher, 0);
      Duration toStop = Duration.ofNanos(System.nanoTime() - closed);

      // The same search with its client still there runs to its end, measured the same way: from
      // the moment it is seen running until no search runs. How long that takes depends on the
      // machine, so it is compared with the cancelled search's stop, not with a fixed time.
      Duration toEnd;
      try (Socket kept = HeavySearch.send(port)) {
        HeavySearch.awaitRunning(searcher, 1);
        long seen = System.nanoTime();
        HeavySearch.awaitRunning(searcher, 0);
        toEnd = Duration.ofNanos(System.nanoTime() - seen);
      }
      System.out.printf("cancelled search stopped after %s; kept search ran %s%n", toStop, toEnd);
      assertThat(toEnd).as("stopped after %s", toStop).isGreaterThan(toStop.multipliedBy(2));
      // The server answers normally afterwards, on the one slot.
      assertThat(server.get("/api/search?q=cocoa").status()).isEqualTo(200);
    }
  }
}
