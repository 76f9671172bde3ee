package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
}
