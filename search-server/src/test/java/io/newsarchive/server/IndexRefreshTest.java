package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexRefreshTest {

  @Test
  void aCommitByAnotherWriterBecomesVisibleWithoutRestart(@TempDir Path dir)
      throws IOException, InterruptedException {
    TestServer.index(dir, Fixtures.archive());
    try (TestServer server = new TestServer(dir)) {
      assertThat(server.get("/api/search?q=coffee").json().get("total").asLong()).isZero();
      TestServer.index(
          dir, List.of(Fixtures.article("reuters-99", "Coffee talks", "Coffee quotas.", null)));
      long total = 0;
      // The searcher refreshes every 100 ms in this test; allow it up to 10 s on a busy machine.
      for (int i = 0; i < 100 && total == 0; i++) {
        Thread.sleep(100);
        total = server.get("/api/search?q=coffee").json().get("total").asLong();
      }
      assertThat(total).isEqualTo(1);
      assertThat(server.get("/health").json().get("articles").asLong()).isEqualTo(8);
    }
  }
}
