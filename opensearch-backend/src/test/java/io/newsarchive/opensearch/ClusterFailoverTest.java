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
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * A cluster of two real OpenSearch nodes, an index of two shards with one replica each: searches go
 * on while one node is stopped, and the cluster takes the node back when it returns.
 */
class ClusterFailoverTest {

  private static final String INDEX = "failover";
  private static final String WORD = "oil";
  private static final Duration BEFORE_STOP = Duration.ofSeconds(2);
  private static final Duration AFTER_STOP = Duration.ofSeconds(8);

  /** Errors are allowed only this long after the node is told to stop, not at the end. */
  private static final Duration FAILOVER_WINDOW = Duration.ofSeconds(5);

  @Test
  void searchesAreAnsweredWhileANodeIsDownAndIndexingResumesWhenItReturns() throws Exception {
    List<Article> articles = ReutersArticles.first(400);
    List<Article> before = articles.subList(0, 300);
    try (OpenSearchCluster cluster = OpenSearchCluster.start(2);
        OpenSearchConnection connection = cluster.connect()) {
      OpenSearchClient client = connection.client();
      TestIndex.create(client, INDEX, 2, 1);
      TestIndex.add(client, INDEX, before);
      cluster.awaitHealth(HealthStatus.Green, Duration.ofMinutes(1));
      long expected = TestIndex.holding(before, WORD);
      assertThat(TestIndex.search(client, INDEX, WORD).hits().total().value()).isEqualTo(expected);
      // Of two cluster-manager-eligible nodes only one votes, so stopping the elected cluster
      // manager would leave the cluster without one; the other node holds a copy of every shard.
      int stopped = 1 - cluster.clusterManager();

      AtomicBoolean running = new AtomicBoolean(true);
      CompletableFuture<List<Outcome>> loop =
          CompletableFuture.supplyAsync(() -> searchUntilStopped(client, expected, running));
      OpenSearchCluster.sleep(BEFORE_STOP);
      Instant stopAt = Instant.now();
      cluster.stop(stopped);
      Duration stopping = Duration.between(stopAt, Instant.now());
      OpenSearchCluster.sleep(AFTER_STOP);
      running.set(false);
      List<Outcome> outcomes = loop.get();

      List<Outcome> afterStop = outcomes.stream().filter(o -> !o.at().isBefore(stopAt)).toList();
      List<Outcome> errors = afterStop.stream().filter(o -> o.error() != null).toList();
      Duration window =
          errors.isEmpty() ? Duration.ZERO : Duration.between(stopAt, errors.getLast().at());
      System.out.printf(
          "failover: %d searches while %s was stopping (SIGTERM to exit %d ms) and stopped,"
              + " %d errors, the last %d ms after the stop; %d searches before%n",
          afterStop.size(),
          cluster.nodeNames().get(stopped),
          stopping.toMillis(),
          errors.size(),
          window.toMillis(),
          outcomes.size() - afterStop.size());

      assertThat(outcomes.subList(0, outcomes.size() - afterStop.size()))
          .isNotEmpty()
          .allSatisfy(o -> assertThat(o.error()).isNull());
      assertThat(window).isLessThanOrEqualTo(FAILOVER_WINDOW);
      assertThat(afterStop)
          .filteredOn(o -> o.at().isAfter(stopAt.plus(FAILOVER_WINDOW)))
          .isNotEmpty()
          .allSatisfy(o -> assertThat(o.error()).isNull());

      cluster.restart(stopped);
      Duration green = cluster.awaitHealth(HealthStatus.Green, Duration.ofMinutes(2));
      System.out.printf(
          "failover: %s back, cluster green %d ms after it started%n",
          cluster.nodeNames().get(stopped), green.toMillis());
      TestIndex.add(client, INDEX, articles.subList(before.size(), articles.size()));

      assertThat(client.count(c -> c.index(INDEX)).count()).isEqualTo(articles.size());
      assertThat(TestIndex.search(client, INDEX, WORD).hits().total().value())
          .isEqualTo(TestIndex.holding(articles, WORD));
    }
  }

  /** Searches for {@link #WORD} back to back until {@code running} turns false. */
  private static List<Outcome> searchUntilStopped(
      OpenSearchClient client, long expected, AtomicBoolean running) {
    List<Outcome> outcomes = new ArrayList<>();
    while (running.get()) {
      Instant at = Instant.now();
      outcomes.add(new Outcome(at, check(client, expected)));
    }
    return outcomes;
  }

  /** What was wrong with one search, or null when every shard answered with the full count. */
  private static String check(OpenSearchClient client, long expected) {
    try {
      SearchResponse<ArticleDocument> response = TestIndex.search(client, INDEX, WORD);
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
   * One search of the loop: when it was sent, and what was wrong with its answer (null when
   * nothing).
   */
  private record Outcome(Instant at, String error) {}
}
