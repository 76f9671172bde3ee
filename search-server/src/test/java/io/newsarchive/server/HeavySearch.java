package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.search.ArticleSearcher;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * A search that keeps a slot busy for seconds on the Reuters-21578 index, sent over a raw socket so
 * that a test decides when its client goes away.
 */
final class HeavySearch {

  /** Expensive: every term of title and body that holds one of these letters, for each letter. */
  static final String QUERY =
      "abcdefghijklmnopqrstuvwxyz"
          .chars()
          .mapToObj(letter -> "/.*" + (char) letter + ".*/")
          .collect(Collectors.joining(" OR "));

  private static final Duration WAIT = Duration.ofSeconds(30);

  private HeavySearch() {}

  /**
   * Sends the search to the server on {@code port}; closing the socket leaves without an answer.
   */
  static Socket send(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    OutputStream out = socket.getOutputStream();
    String target = "/api/search?q=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8);
    out.write(
        ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return socket;
  }

  /** Waits, at most 30 s, until {@code searcher} runs exactly {@code running} searches. */
  static void awaitRunning(ArticleSearcher searcher, int running) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (searcher.runningSearches() != running) {
      assertThat(System.nanoTime())
          .as("waited %s for %d running searches", WAIT, running)
          .isLessThan(end);
      Thread.sleep(10);
    }
  }
}
