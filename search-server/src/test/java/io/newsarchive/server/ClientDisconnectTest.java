package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A search whose client closes the connection stops, instead of running out its time budget. */
class ClientDisconnectTest {

  /** Expensive: every term of title and body that holds one of these letters, for each letter. */
  private static final String HEAVY =
      "abcdefghijklmnopqrstuvwxyz"
          .chars()
          .mapToObj(letter -> "/.*" + (char) letter + ".*/")
          .collect(Collectors.joining(" OR "));

  @Test
  void searchStopsWhenItsClientGoesAway() throws Exception {
    // One slot and a long budget: only a cancellation ends the search early.
    SearcherOptions options =
        new SearcherOptions(
            Duration.ofSeconds(1), Duration.ofSeconds(120), 1, Duration.ofSeconds(1));
    try (TestServer server = new TestServer(ReutersIndex.get().directory(), options)) {
      ArticleSearcher searcher = server.searcher();
      int port = server.app().port();

      Socket abandoned = send(port);
      await(searcher, running -> running == 1, Duration.ofSeconds(30));
      abandoned.close();
      long closed = System.nanoTime();
      await(searcher, running -> running == 0, Duration.ofSeconds(30));
      Duration toStop = Duration.ofNanos(System.nanoTime() - closed);

      // The same search with its client still there runs well past the time the cancelled one
      // took to stop.
      try (Socket kept = send(port)) {
        await(searcher, running -> running == 1, Duration.ofSeconds(30));
        Thread.sleep(toStop.multipliedBy(3).plusMillis(500).toMillis());
        assertThat(searcher.runningSearches()).as("stopped after %s", toStop).isEqualTo(1);
      }
      await(searcher, running -> running == 0, Duration.ofSeconds(30));
      // The server answers normally afterwards, on the one slot.
      assertThat(server.get("/api/search?q=cocoa").status()).isEqualTo(200);
    }
  }

  private static Socket send(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    OutputStream out = socket.getOutputStream();
    String target = "/api/search?q=" + URLEncoder.encode(HEAVY, StandardCharsets.UTF_8);
    out.write(
        ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return socket;
  }

  private static void await(ArticleSearcher searcher, IntPredicate state, Duration limit)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!state.test(searcher.runningSearches())) {
      assertThat(System.nanoTime()).as("waited %s for the running searches", limit).isLessThan(end);
      Thread.sleep(10);
    }
  }
}
