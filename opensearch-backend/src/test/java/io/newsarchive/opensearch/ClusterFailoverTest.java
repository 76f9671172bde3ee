package io.newsarchive.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * A cluster of two real OpenSearch nodes, started once for the class, and indexes of two shards
 * with one replica each: searches go on while one node is stopped or killed, and the cluster takes
 * the node back when it returns. Each test leaves both nodes running.
 */
class ClusterFailoverTest {

  private static final String WORD = "oil";
  private static final Duration BEFORE_STOP = Duration.ofSeconds(2);
  private static final Duration AFTER_STOP = Duration.ofSeconds(8);

  /** Errors are allowed only this long after the node is stopped, and not after. */
  private static final Duration FAILOVER_WINDOW = Duration.ofSeconds(5);

  private static OpenSearchCluster cluster;
  private static OpenSearchConnection connection;

  @BeforeAll
  static void startCluster() throws IOException {
    cluster = OpenSearchCluster.start(2);
    connection = cluster.connect();
  }

  @AfterAll
  static void stopCluster() throws IOException {
    if (connection != null) {
      connection.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void searchesGoOnWhileANodeStopsAndIndexingResumesWhenItReturns() throws Exception {
    failOver(
        "stopped",
        node -> {
          try {
            cluster.stop(node);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        });
  }

  @Test
  void searchesGoOnWhenANodeIsKilledAndIndexingResumesWhenItReturns() throws Exception {
    failOver("killed", node -> cluster.kill(node));
  }

  /**
   * Indexes 300 articles into a new index, ends one node with {@code end} while a loop searches,
   * checks the errors the loop saw, starts the node again and indexes 100 more.
   */
  private static void failOver(String how, IntConsumer end) throws Exception {
    String index = "failover-" + how;
    List<Article> articles = ReutersArticles.first(400);
    List<Article> before = articles.subList(0, 300);
    OpenSearchClient client = connection.client();
    TestIndex.create(client, index, 2, 1);
    TestIndex.add(client, index, before);
    cluster.awaitHealth(HealthStatus.Green, Duration.ofMinutes(1));
    long expected = TestIndex.holding(before, WORD);
    assertThat(TestIndex.search(client, index, WORD).hits().total().value()).isEqualTo(expected);
    // Of two cluster-manager-eligible nodes only one votes, so ending the elected cluster manager
    // would leave the cluster without one; the other node holds a copy of every shard.
    int ended = 1 - cluster.clusterManager();

    AtomicBoolean running = new AtomicBoolean(true);
    CompletableFuture<List<Outcome>> loop =
        CompletableFuture.supplyAsync(() -> searchUntilStopped(client, index, expected, running));
    OpenSearchCluster.sleep(BEFORE_STOP);
    Instant endAt = Instant.now();
    end.accept(ended);
    Duration ending = Duration.between(endAt, Instant.now());
    OpenSearchCluster.sleep(AFTER_STOP);
    running.set(false);
    List<Outcome> outcomes = loop.get();

    List<Outcome> after = outcomes.stream().filter(o -> !o.at().isBefore(endAt)).toList();
    List<Outcome> errors = after.stream().filter(o -> o.error() != null).toList();
    Duration window =
        errors.isEmpty() ? Duration.ZERO : Duration.between(endAt, errors.getLast().at());
    System.out.printf(
        "failover: %s %s (%d ms to exit): %d searches after, %d errors, the last %d ms after;"
            + " %d searches before%s%n",
        cluster.nodeNames().get(ended),
        how,
        ending.toMillis(),
        after.size(),
        errors.size(),
        window.toMillis(),
        outcomes.size() - after.size(),
        errors.isEmpty() ? "" : "; first error: " + errors.getFirst().error());

    assertThat(outcomes.subList(0, outcomes.size() - after.size()))
        .isNotEmpty()
        .allSatisfy(o -> assertThat(o.error()).isNull());
    assertThat(window).isLessThanOrEqualTo(FAILOVER_WINDOW);
    assertThat(after)
        .filteredOn(o -> o.at().isAfter(endAt.plus(FAILOVER_WINDOW)))
        .isNotEmpty()
        .allSatisfy(o -> assertThat(o.error()).isNull());

    cluster.restart(ended);
    Duration green = cluster.awaitHealth(HealthStatus.Green, Duration.ofMinutes(2));
    System.out.printf(
        "failover: %s back, cluster green %d ms after it started%n",
        cluster.nodeNames().get(ended), green.toMillis());
    TestIndex.add(client, index, articles.subList(before.size(), articles.size()));

    assertThat(client.count(c -> c.index(index)).count()).isEqualTo(articles.size());
    assertThat(TestIndex.search(client, index, WORD).hits().total().value())
        .isEqualTo(TestIndex.holding(articles, WORD));
  }

  /** Searches for {@link #WORD} back to back until {@code running} turns false. */
  private static List<Outcome> searchUntilStopped(
      OpenSearchClient client, String index, long expected, AtomicBoolean running) {
    List<Outcome> outcomes = new ArrayList<>();
    while (running.get()) {
      String error = check(client, index, expected);
      // Timed by its answer: a search sent just before the node ends may be answered after it.
      outcomes.add(new Outcome(Instant.now(), error));
    }
    return outcomes;
  }

  /** What was wrong with one search, or null when every shard answered with the full count. */
  private static String check(OpenSearchClient client, String index, long expected) {
    try {
      SearchResponse<ArticleDocument> response = TestIndex.search(client, index, WORD);
      if (response.shards().failed() > 0) {
        return response.shards().failed() + " shards failed";
      }
      long total = response.hits().total().value();
      return total == expected ? null : total + " hits instead of " + expected;
    } catch (IOException | OpenSearchException e) {
      return e.toString();
    }
  }

  /**
   * One search of the loop: when its answer came, and what was wrong with it (null when nothing).
   */
  private record Outcome(Instant at, String error) {}
}
