package io.newsarchive.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.index.ClusterIndex;
import io.newsarchive.index.UpsertOutcome;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import io.newsarchive.search.SearcherOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch._types.HealthStatus;

/**
 * A cluster of two real OpenSearch nodes, started once for the class, and indexes of two shards
 * with one replica each, written and searched as {@code index --opensearch} and {@code serve
 * --opensearch} do: searches go on while one node is stopped or killed, and an ingest goes on when
 * the node returns. Each test leaves both nodes running.
 */
class ClusterFailoverTest {

  private static final String WORD = "oil";
  private static final Duration BEFORE_STOP = Duration.ofSeconds(2);
  private static final Duration AFTER_STOP = Duration.ofSeconds(8);

  /** Errors are allowed only this long after the node is stopped, and not after. */
  private static final Duration FAILOVER_WINDOW = Duration.ofSeconds(5);

  @TempDir static Path homes;

  private static OpenSearchCluster cluster;

  @BeforeAll
  static void startCluster() throws IOException {
    cluster = OpenSearchCluster.start(2);
  }

  @AfterAll
  static void stopCluster() {
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
   * Ingests 300 articles through {@link OpenSearchArticleStore} into a new index of two shards with
   * one replica, ends one node with {@code end} while a loop searches through {@link
   * OpenSearchBackend} as the server does, checks the errors the loop saw, starts the node again
   * and ingests 100 more: every count is then the local index's count of the same articles.
   */
  private static void failOver(String how, IntConsumer end) throws Exception {
    String index = "failover-" + how;
    List<Article> articles = ReutersArticles.first(400);
    List<Article> before = articles.subList(0, 300);
    ClusterIndex target = new ClusterIndex(cluster.httpUris(), index, 2, 1);
    try (OpenSearchArticleStore store = OpenSearchArticleStore.open(target)) {
      store.upsert(before);
      store.commit();
    }
    cluster.awaitHealth(HealthStatus.Green, Duration.ofMinutes(1));
    SearchRequest request = SearchRequest.defaults().with(SearchParameters.QUERY, WORD);
    try (OpenSearchBackend backend =
            OpenSearchBackend.open(cluster.connect(), index, SearcherOptions.DEFAULTS);
        ArticleSearcher local = localIndex(before)) {
      long expected = local.search(request).total();
      assertThat(backend.search(request).total()).isEqualTo(expected).isPositive();
      // Of two cluster-manager-eligible nodes only one votes, so ending the elected cluster
      // manager would leave the cluster without one; the other node holds a copy of every shard.
      int ended = 1 - cluster.clusterManager();

      AtomicBoolean running = new AtomicBoolean(true);
      CompletableFuture<List<Outcome>> loop =
          CompletableFuture.supplyAsync(
              () -> searchUntilStopped(backend, request, expected, running));
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
    }
    try (OpenSearchArticleStore store = OpenSearchArticleStore.open(target)) {
      List<UpsertOutcome> outcomes = store.upsert(articles);
      store.commit();

      assertThat(outcomes.subList(0, before.size())).containsOnly(UpsertOutcome.UNCHANGED);
      assertThat(outcomes.subList(before.size(), articles.size()))
          .containsOnly(UpsertOutcome.ADDED);
      assertThat(store.documentCount()).isEqualTo(articles.size());
    }
    try (OpenSearchBackend backend =
            OpenSearchBackend.open(cluster.connect(), index, SearcherOptions.DEFAULTS);
        ArticleSearcher local = localIndex(articles)) {
      assertThat(backend.search(request).total()).isEqualTo(local.search(request).total());
    }
  }

  /** The local index of {@code articles}, in a new directory, for the counts to expect. */
  private static ArticleSearcher localIndex(List<Article> articles) throws IOException {
    Path dir = Files.createTempDirectory(homes, "local");
    try (ArticleIndexer indexer = ArticleIndexer.open(dir)) {
      indexer.upsert(articles);
      indexer.commit();
    }
    return ArticleSearcher.open(dir, SearcherOptions.DEFAULTS);
  }

  /** Searches back to back until {@code running} turns false. */
  private static List<Outcome> searchUntilStopped(
      OpenSearchBackend backend, SearchRequest request, long expected, AtomicBoolean running) {
    List<Outcome> outcomes = new ArrayList<>();
    while (running.get()) {
      String error = check(backend, request, expected);
      // Timed by its answer: a search sent just before the node ends may be answered after it.
      outcomes.add(new Outcome(Instant.now(), error));
    }
    return outcomes;
  }

  /** What was wrong with one search, or null when it counted every matching article. */
  private static String check(OpenSearchBackend backend, SearchRequest request, long expected) {
    try {
      SearchResult result = backend.search(request);
      if (result.timedOut()) {
        return "timed out";
      }
      return result.total() == expected ? null : result.total() + " hits instead of " + expected;
    } catch (IOException | RuntimeException e) {
      return e.toString();
    }
  }

  /**
   * One search of the loop: when its answer came, and what was wrong with it (null when nothing).
   */
  private record Outcome(Instant at, String error) {}
}
