package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.server.TestServer.Reply;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexRefreshTest {

  @Test
  void aCommitByAnotherWriterBecomesVisibleWithoutRestart(@TempDir Path dir)
      throws IOException, InterruptedException {
    TestArticles.index(dir, TestArticles.archive());
    try (TestServer server = new TestServer(dir)) {
      assertThat(server.get("/api/search?q=coffee").json().get("total").asLong()).isZero();
      TestArticles.index(
          dir,
          List.of(
              TestArticles.article(
                  "reuters-99", "Coffee talks", "Coffee quotas.", null, List.of())));
      long total = 0;
      // The searcher refreshes every 100 ms in this test; allow it up to 10 s on a busy machine.
      for (int i = 0; i < 100 && total == 0; i++) {
        Thread.sleep(100);
        total = server.get("/api/search?q=coffee").json().get("total").asLong();
      }
      assertThat(total).isEqualTo(1);
      assertThat(server.get("/health").json().get("articles").asLong()).isEqualTo(9);
    }
  }

  @Test
  void statsAndSearchAnswerThroughTheCommitsOfAnotherWriter(@TempDir Path dir) throws Exception {
    int commits = 60;
    TestArticles.index(dir, TestArticles.archive());
    try (TestServer server = new TestServer(dir)) {
      AtomicBoolean writing = new AtomicBoolean(true);
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(() -> {
            try (ArticleIndexer indexer = ArticleIndexer.open(dir)) {
              // Each commit deletes the commit point before it; merges delete merged segments.
              for (int i = 0; i < commits; i++) {
                indexer.upsert(
                    TestArticles.article(
                        "wire-" + i, "Wire " + i, "Cocoa report " + i, null, List.of()));
                indexer.commit();
              }
            } catch (IOException e) {
              throw new IllegalStateException(e);
            } finally {
              writing.set(false);
            }
          });
      Set<Long> seen = new TreeSet<>();
      while (writing.get()) {
        for (String target : List.of("/api/stats", "/api/search?q=cocoa&size=1", "/health")) {
          Reply reply = server.get(target);
          assertThat(reply.status()).as(target + ": " + reply.body()).isEqualTo(200);
        }
        Reply stats = server.get("/api/stats");
        assertThat(stats.json().get("indexBytes").asLong()).isPositive();
        seen.add(stats.json().get("articles").asLong());
      }
      writer.join();
      assertThat(seen).as("versions seen while the writer committed").hasSizeGreaterThan(1);
    }
  }
}
