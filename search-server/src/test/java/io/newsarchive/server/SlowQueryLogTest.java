package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slow query log of the real server, read from the log it writes to. */
class SlowQueryLogTest {

  @TempDir static Path indexDir;

  private final Logger logger = Logger.getLogger(SlowQueryLog.class.getName());
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void index() throws IOException {
    TestArticles.index(indexDir, TestArticles.archive());
  }

  @BeforeEach
  void listen() {
    logger.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(capture);
  }

  private static TestServer server(Duration slowQuery) throws IOException {
    return new TestServer(indexDir, new ServerOptions("127.0.0.1", 0).withSlowQuery(slowQuery));
  }

  /** Waits for {@code count} lines: a request is logged just after its answer is sent. */
  private List<String> awaitLines(int count) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (lines.size() < count) {
      assertThat(System.nanoTime()).as("waited for %d lines: %s", count, lines).isLessThan(end);
      Thread.sleep(10);
    }
    return List.copyOf(lines);
  }

  @Test
  void aThresholdOfZeroLogsEverySearchWithItsParameters() throws Exception {
    try (TestServer server = server(Duration.ZERO)) {
      TestServer.Reply page =
          server.get("/api/search?q=cocoa&sort=newest&person=Jim+Smith&person=Ann");
      assertThat(awaitLines(1))
          .singleElement()
          .asString()
          .matches(
              "INFO slow query route=/api/search method=GET status=200 ms=\\d+ hits=\\d+"
                  + " timedOut=false q=\"cocoa\" sort=\"newest\" person=\"Jim Smith\""
                  + " person=\"Ann\"");
      assertThat(lines.getFirst()).contains(" hits=" + page.json().get("total").asLong() + " ");

      server.get("/api/articles/reuters-1/related?size=3");
      awaitLines(2);
      server.get("/api/entities?type=person&q=talks");
      awaitLines(3);
      server.get("/api/search?q=cocoa&size=-1");
      List<String> logged = awaitLines(4);
      assertThat(logged.get(1))
          .matches(
              "INFO slow query route=/api/articles/\\{id}/related method=GET status=200 ms=\\d+"
                  + " id=\"reuters-1\" size=\"3\"");
      assertThat(logged.get(2)).contains("route=/api/entities", "type=\"person\" q=\"talks\"");
      assertThat(logged.get(3)).contains("status=400", "size=\"-1\"").doesNotContain("hits=");
    }
  }

  @Test
  void whatAClientSendsCannotForgeALine() throws Exception {
    try (TestServer server = server(Duration.ZERO)) {
      server.get("/api/search?q=%22a%5C%22%0Aslow+query+route%3D%2Fforged&we%20ird=1");
      assertThat(awaitLines(1))
          .singleElement()
          .asString()
          .doesNotContain("\n")
          .contains(" q=\"\\\"a\\\\\\\"\\u000aslow query route=/forged\" ", " we_ird=\"1\"");
    }
  }

  @Test
  void theDefaultThresholdLogsNothingForFastSearchesNorOtherRoutes() throws Exception {
    try (TestServer server = server(ServerOptions.DEFAULT_SLOW_QUERY)) {
      assertThat(server.get("/api/search?q=cocoa").status()).isEqualTo(200);
      assertThat(server.get("/api/entities?type=person").status()).isEqualTo(200);
    }
    try (TestServer server = server(Duration.ZERO)) {
      server.get("/api/stats");
      server.get("/api/suggest?prefix=coc");
      server.get("/health");
      // The search is logged, and only it: the routes before it run no searches.
      server.get("/api/search?q=gold");
      assertThat(awaitLines(1)).singleElement().asString().contains("q=\"gold\"");
    }
    assertThat(lines).hasSize(1);
  }
}
