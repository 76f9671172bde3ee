package io.newsarchive.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.article.Article;
import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.index.ArticleStore;
import io.newsarchive.index.ArticlesRefusedException;
import io.newsarchive.index.ClusterIndex;
import io.newsarchive.index.IndexVersionException;
import io.newsarchive.index.UpsertOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;

/** {@link OpenSearchArticleStore} on one real node, against the local index's answers. */
class OpenSearchArticleStoreTest {

  /** Short waits, so that the tests of a busy cluster take seconds. */
  private static final Backoff QUICK = new Backoff(Duration.ofMillis(50), 6);

  private static OpenSearchCluster cluster;

  @BeforeAll
  static void startNode() throws IOException {
    cluster = OpenSearchCluster.start(1);
  }

  @AfterAll
  static void stopNode() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void batchUpsertAnswersEachArticleInOrderAsTheLocalIndex() throws IOException {
    List<Article> first = List.of(article("1", "old body"), article("2", "kept body"));
    List<Article> batch =
        List.of(
            article("1", "new body"),
            article("2", "kept body"),
            article("3", "same twice"),
            article("3", "same twice"),
            article("4", "first version"),
            article("4", "second version"));

    List<UpsertOutcome> outcomes;
    try (OpenSearchArticleStore store = open("batch")) {
      assertThat(store.upsert(first)).containsExactly(UpsertOutcome.ADDED, UpsertOutcome.ADDED);
      outcomes = store.upsert(batch);
      assertThat(store.documentCount()).isEqualTo(4);
      assertThat(storedBody(store, "kayhan.ir-1")).isEqualTo("new body");
      assertThat(storedBody(store, "kayhan.ir-4")).isEqualTo("second version");
    }

    assertThat(outcomes)
        .containsExactly(
            UpsertOutcome.UPDATED,
            UpsertOutcome.UNCHANGED,
            UpsertOutcome.ADDED,
            UpsertOutcome.UNCHANGED,
            UpsertOutcome.ADDED,
            UpsertOutcome.UPDATED);
    try (ArticleIndexer local = ArticleIndexer.open(new ByteBuffersDirectory(), Path.of("local"))) {
      local.upsert(first);
      assertThat(local.upsert(batch)).isEqualTo(outcomes);
    }
  }

  @Test
  void aBatchLargerThanOneRequestIsStoredWholeAndOnceOnly() throws IOException {
    List<Article> articles = ReutersArticles.first(1000);
    assertThat(articles.size()).isGreaterThan(OpenSearchArticleStore.MAX_REQUEST_ARTICLES);

    try (OpenSearchArticleStore store = open("large")) {
      assertThat(store.upsert(articles)).hasSize(1000).containsOnly(UpsertOutcome.ADDED);
      assertThat(store.upsert(articles)).hasSize(1000).containsOnly(UpsertOutcome.UNCHANGED);
      assertThat(store.documentCount()).isEqualTo(1000);
    }
  }

  @Test
  void anArticleTheIndexRefusesIsNamedAndTheOthersAreStored() throws IOException {
    // Lucene refuses a keyword longer than 32,766 bytes: OpenSearch fails that document alone.
    Article immense =
        Article.builder()
            .source("kayhan.ir")
            .sourceId("immense")
            .title("An author too long to index")
            .body("body")
            .author("x".repeat(40_000))
            .build();
    List<Article> batch = List.of(article("a", "first"), immense, article("b", "last"));

    try (OpenSearchArticleStore store = open("refusal")) {
      assertThatThrownBy(() -> store.upsert(batch))
          .isInstanceOfSatisfying(
              ArticlesRefusedException.class,
              e -> {
                assertThat(e.stored()).containsExactly(UpsertOutcome.ADDED, UpsertOutcome.ADDED);
                assertThat(e.refusals()).hasSize(1);
                assertThat(e.refusals().get(0).position()).isEqualTo(1);
                assertThat(e.refusals().get(0).articleId()).isEqualTo("kayhan.ir-immense");
                assertThat(e.refusals().get(0).reason())
                    .contains("OpenSearch answered 400", "immense term", "author");
              });
      assertThat(store.documentCount()).isEqualTo(2);
    }
  }

  @Test
  void aPersianArticleIsStoredInThePersianFieldsAndOneInALanguageOpenSearchCannotAnalyzeIsRefused()
      throws IOException {
    Article persian =
        Article.builder()
            .source("kayhan.ir")
            .sourceId("fa")
            .title("افزایش قیمت نفت در بازارهای جهانی")
            .body("قیمت نفت خام روز دوشنبه در بازارهای جهانی افزایش یافت.")
            .language("fa-IR")
            .build();
    // Lucene has a Nepali analyzer; OpenSearch's analysis-common ships none.
    Article nepali =
        Article.builder()
            .source("kantipur")
            .sourceId("ne")
            .title("काठमाडौंमा भारी वर्षा")
            .body("काठमाडौं उपत्यकामा आज दिनभर भारी वर्षा भयो।")
            .language("ne")
            .build();
    List<Article> batch = List.of(article("a", "first"), persian, nepali);

    try (OpenSearchArticleStore store = open("languages")) {
      assertThatThrownBy(() -> store.upsert(batch))
          .isInstanceOfSatisfying(
              ArticlesRefusedException.class,
              e -> {
                assertThat(e.stored()).containsExactly(UpsertOutcome.ADDED, UpsertOutcome.ADDED);
                assertThat(e.refusals()).hasSize(1);
                assertThat(e.refusals().get(0).articleId()).isEqualTo("kantipur-ne");
                assertThat(e.refusals().get(0).reason())
                    .isEqualTo(OpenSearchArticleStore.NO_ANALYZER + "ne");
              });
      assertThat(store.documentCount()).isEqualTo(2);
      OpenSearchClient client = store.connection().client();
      // The plural بازارها is stemmed to the بازار of the headline's بازارهای, by the Persian
      // field.
      assertThat(matches(client, "title_fa", "بازارها")).isEqualTo(1);
      assertThat(matches(client, "title", "بازارها")).isZero();
      // Unchanged on a second ingest: the hash is read back from the Persian document.
      assertThat(store.upsert(List.of(persian))).containsExactly(UpsertOutcome.UNCHANGED);
    }
  }

  private static long matches(OpenSearchClient client, String field, String words)
      throws IOException {
    return client
        .count(c ->
            c.index("languages")
                .query(q -> q.match(m -> m.field(field).query(v -> v.stringValue(words)))))
        .count();
  }

  @Test
  void aBusyIndexIsRetriedUntilItTakesTheBatch() throws Exception {
    try (OpenSearchArticleStore store = open("busy")) {
      OpenSearchClient client = store.connection().client();
      setReadOnly(client, "busy", true);
      ExecutorService thread = Executors.newSingleThreadExecutor();
      try {
        Future<List<UpsertOutcome>> upsert =
            thread.submit(() -> store.upsert(List.of(article("1", "waits"))));
        Thread.sleep(500);
        assertThat(upsert).isNotDone();
        setReadOnly(client, "busy", false);
        assertThat(upsert.get()).containsExactly(UpsertOutcome.ADDED);
      } finally {
        thread.shutdownNow();
      }
      assertThat(store.documentCount()).isEqualTo(1);
    }
  }

  @Test
  void anIndexThatStaysBusyEndsTheUpsertWithAClearError() throws IOException {
    try (OpenSearchArticleStore store = open("stays-busy")) {
      setReadOnly(store.connection().client(), "stays-busy", true);
      try {
        assertThatThrownBy(() -> store.upsert(List.of(article("1", "never stored"))))
            .isInstanceOf(IOException.class)
            .isNotInstanceOf(ArticlesRefusedException.class)
            .hasMessageStartingWith("OpenSearch at [" + cluster.httpUri(0) + "]")
            .hasMessageContaining("after 7 attempts")
            .hasMessageContaining("429");
      } finally {
        setReadOnly(store.connection().client(), "stays-busy", false);
      }
    }
  }

  @Test
  void twoWritersOfTheSameArticlesAddEachOnce() throws Exception {
    List<Article> articles = ReutersArticles.first(200);
    try (OpenSearchArticleStore one = open("racing");
        OpenSearchArticleStore other = open("racing")) {
      List<UpsertOutcome> outcomes = new ArrayList<>();
      for (int start = 0; start < articles.size(); start += 10) {
        List<Article> batch = articles.subList(start, start + 10);
        CompletableFuture<List<UpsertOutcome>> first = upsertAsync(one, batch);
        CompletableFuture<List<UpsertOutcome>> second = upsertAsync(other, batch);
        outcomes.addAll(first.get());
        outcomes.addAll(second.get());
      }

      assertThat(outcomes.stream().filter(o -> o == UpsertOutcome.ADDED)).hasSize(200);
      assertThat(outcomes.stream().filter(o -> o == UpsertOutcome.UNCHANGED)).hasSize(200);
      assertThat(one.documentCount()).isEqualTo(200);
    }
  }

  @Test
  void periodicRefreshesPauseWhileTheStoreIsOpen() throws IOException {
    try (OpenSearchConnection connection = cluster.connect()) {
      OpenSearchSchema.create(connection.client(), "refreshes", 1, 0);
      try (OpenSearchArticleStore store = open("refreshes")) {
        assertThat(refreshInterval("refreshes")).isEqualTo("-1");
        store.upsert(List.of(article("1", "seen at commit")));
        store.commit();
        assertThat(connection.client().count(c -> c.index("refreshes")).count()).isEqualTo(1);
      }
      assertThat(refreshInterval("refreshes")).isNull();

      setRefreshInterval(connection, "refreshes", "30s");
      open("refreshes").close();
      assertThat(refreshInterval("refreshes")).isEqualTo("30s");

      // Left at -1 by an ingest that did not close: the next one sets the default back.
      setRefreshInterval(connection, "refreshes", "-1");
      open("refreshes").close();
      assertThat(refreshInterval("refreshes")).isNull();
    }
  }

  @Test
  void refusesAnIndexOfAnotherSchemaVersion() throws IOException {
    try (OpenSearchConnection connection = cluster.connect()) {
      connection
          .client()
          .indices()
          .create(c ->
              c.index("other-version")
                  .mappings(m -> m.meta("newsarchive.schema", JsonData.of("0"))));
    }

    assertThatThrownBy(() -> open("other-version"))
        .isInstanceOf(IndexVersionException.class)
        .hasMessageContaining("index schema version 0");
  }

  @Test
  void anIndexNameTheClusterRefusesIsAClearError() {
    assertThatThrownBy(() -> open("Bad Name"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("create index Bad Name")
        .hasMessageContaining("invalid_index_name_exception");
  }

  @Test
  void anUnreachableClusterIsAClearErrorAfterTheRetries() throws IOException {
    URI nowhere = URI.create("http://127.0.0.1:1");
    ClusterIndex target = new ClusterIndex(List.of(nowhere), "articles", 1, 0);

    assertThatThrownBy(() ->
            OpenSearchArticleStore.open(OpenSearchConnection.open(List.of(nowhere)), target, QUICK))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("OpenSearch at [http://127.0.0.1:1] could not find index articles")
        .hasMessageContaining("after 7 attempts");
  }

  private static OpenSearchArticleStore open(String index) throws IOException {
    return OpenSearchArticleStore.open(
        cluster.connect(), new ClusterIndex(cluster.httpUris(), index, 1, 0), QUICK);
  }

  private static CompletableFuture<List<UpsertOutcome>> upsertAsync(
      ArticleStore store, List<Article> batch) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return store.upsert(batch);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  /**
   * Blocks writes as a full disk does: OpenSearch then answers them 429. The setting is named in
   * full ({@code index.blocks...}), which is how OpenSearch lets it be lifted while it blocks.
   */
  private static void setReadOnly(OpenSearchClient client, String index, boolean readOnly)
      throws IOException {
    client
        .indices()
        .putSettings(s ->
            s.index(index)
                .settings(i -> i.index(x -> x.blocks(b -> b.readOnlyAllowDelete(readOnly)))));
  }

  /**
   * The index's own refresh interval, or null when it has none, as the settings API shows it (read
   * over plain HTTP, independent of how the store reads it).
   */
  private static String refreshInterval(String index) throws IOException {
    URI settings = cluster.httpUri(0).resolve("/" + index + "/_settings?flat_settings=true");
    try (HttpClient http = HttpClient.newHttpClient()) {
      String body =
          http.send(HttpRequest.newBuilder(settings).build(), HttpResponse.BodyHandlers.ofString())
              .body();
      JsonNode value =
          new ObjectMapper()
              .readTree(body)
              .path(index)
              .path("settings")
              .path("index.refresh_interval");
      return value.isMissingNode() ? null : value.asText();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted");
    }
  }

  private static void setRefreshInterval(
      OpenSearchConnection connection, String index, String interval) throws IOException {
    connection
        .client()
        .indices()
        .putSettings(p ->
            p.index(index)
                .settings(s -> s.customSettings("index.refresh_interval", JsonData.of(interval))));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static String storedBody(OpenSearchArticleStore store, String id) throws IOException {
    java.util.Map<String, Object> source =
        store
            .connection()
            .client()
            .get(g -> g.index(store.index()).id(id), java.util.Map.class)
            .source();
    return ArticleSource.toArticle(source).body();
  }

  private static Article article(String id, String body) {
    return Article.builder()
        .source("kayhan.ir")
        .sourceId(id)
        .title("Title " + id)
        .body(body)
        .published(Instant.parse("2020-09-26T18:25:00Z"), "26 September 2020 - 21:55")
        .language("en")
        .build();
  }
}
