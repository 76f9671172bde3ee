package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsarchive.article.Article;
import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.index.ClusterIndex;
import io.newsarchive.opensearch.OpenSearchArticleStore;
import io.newsarchive.opensearch.OpenSearchBackend;
import io.newsarchive.opensearch.OpenSearchCluster;
import io.newsarchive.opensearch.OpenSearchConnection;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same server over the local index and over OpenSearch, holding the same 3,000 tagged
 * Reuters-21578 articles, answers every route alike: the API does not tell the backends apart,
 * except in the time taken and a proximity phrase with a stop word, which OpenSearch cannot match
 * alike and refuses.
 */
class OpenSearchServerTest {

  private static final int ARTICLES = 3000;
  private static final String INDEX = "reuters";

  @TempDir static Path temp;

  private static OpenSearchCluster cluster;
  private static TestServer local;
  private static TestServer remote;
  private static List<String> ids;

  @BeforeAll
  static void serveBothWays() throws IOException {
    List<Article> articles = firstReutersArticles();
    ids = articles.stream().map(Article::id).toList();
    Path dir = temp.resolve("local");
    try (ArticleIndexer indexer = ArticleIndexer.open(dir)) {
      indexer.upsert(articles);
      indexer.commit();
    }
    ServerOptions options = new ServerOptions("127.0.0.1", 0);
    SearcherOptions searcherOptions =
        new SearcherOptions(Duration.ofMillis(100), Duration.ofSeconds(10));
    local = new TestServer(ArticleSearcher.open(dir, searcherOptions), options);

    cluster = OpenSearchCluster.start(1);
    // Through the ingest's store, which gives the articles their stories as the local ingest does.
    try (OpenSearchArticleStore store =
        OpenSearchArticleStore.open(new ClusterIndex(cluster.httpUris(), INDEX, 1, 0))) {
      store.upsert(articles);
    }
    OpenSearchConnection connection = cluster.connect();
    remote = new TestServer(OpenSearchBackend.open(connection, INDEX, searcherOptions), options);
  }

  /**
   * The articles of the shared tagged Reuters-21578 index with the lowest ids, as it stores them:
   * the same ones in every build, whatever order the ingest's threads wrote them in.
   */
  private static List<Article> firstReutersArticles() throws IOException {
    List<Article> articles = new ArrayList<>();
    try (FSDirectory directory = FSDirectory.open(ReutersIndex.get().directory());
        DirectoryReader reader = DirectoryReader.open(directory)) {
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        articles.add(ArticleDocuments.article(reader, doc));
      }
    }
    articles.sort(Comparator.comparing(Article::id));
    return List.copyOf(articles.subList(0, ARTICLES));
  }

  @AfterAll
  static void stop() throws IOException {
    if (remote != null) {
      remote.close();
    }
    if (local != null) {
      local.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void searchesAnswerAlikeOnBothBackends() {
    List<String> queries =
        List.of(
            "q=cocoa",
            "q=oil+prices&facets=source,place,person,org&interval=month",
            "q=%22crude+oil%22&sort=newest",
            "q=opec+AND+saudi&sort=oldest&size=20",
            "q=title:gold",
            "q=wheat+-corn&page=2",
            "q=coff*",
            "q=grain&placeCode=usa",
            "q=bank+rates&op=auto&size=50",
            "q=&sort=newest&facets=source,language",
            "q=dollar&from=1987-03-01&to=1987-03-10&interval=day",
            "q=trade+deficit+japan&op=and");
    for (String query : queries) {
      String path = "/api/search?expand=false&" + query;
      JsonNode ours = local.get(path).json();
      JsonNode theirs = remote.get(path).json();

      assertThat(ours.path("total").asLong()).as(path).isPositive();
      assertSame(path, ours, theirs);
    }
  }

  @Test
  void exportsTheSameBytesFromBothBackends() {
    for (String query :
        List.of(
            "/api/export?sort=newest",
            "/api/export?q=oil&sort=oldest&format=jsonl&body=true",
            "/api/export?q=grain&placeCode=usa&sort=newest")) {
      TestServer.Reply ours = local.get(query);
      TestServer.Reply theirs = remote.get(query);
      assertThat(ours.status()).as(query).isEqualTo(200);
      assertThat(ours.body()).as(query).isNotEmpty().isEqualTo(theirs.body());
    }
    assertThat(local.get("/api/export?sort=newest").body().split("\r\n")).hasSize(ARTICLES + 1);
  }

  @Test
  void feedbackWordsAndSpellingAreTheLocalOnes() {
    for (String path :
        List.of(
            "/api/search?q=cocoa+prices", "/api/search?q=coffee+quotas", "/api/search?q=cofee")) {
      JsonNode ours = local.get(path).json();
      JsonNode theirs = remote.get(path).json();

      assertSame(path, ours, theirs);
    }
    assertThat(local.get("/api/search?q=cocoa+prices").json().path("expandedWith")).isNotEmpty();
    assertThat(local.get("/api/search?q=cofee").json().path("didYouMean").asText())
        .isEqualTo("coffee");
  }

  @Test
  void aQueryOpenSearchCannotAnswerAlikeIsRefusedWithAReason() {
    String path =
        "/api/search?q=" + URLEncoder.encode("\"bank of england\"~2", StandardCharsets.UTF_8);
    TestServer.Reply theirs = remote.get(path);

    assertThat(local.get(path).status()).isEqualTo(200);
    assertThat(theirs.status()).isEqualTo(400);
    assertThat(theirs.body()).contains("not available on OpenSearch");
  }

  @Test
  void everyOtherRouteAnswersAlike() {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < ARTICLES; i += 300) {
      String id = URLEncoder.encode(ids.get(i), StandardCharsets.UTF_8);
      paths.add("/api/articles/" + id);
      paths.add("/api/articles/" + id + "/related?size=5");
    }
    paths.add("/api/articles/no-such-article");
    paths.add("/api/entities?type=person&q=oil");
    paths.add("/api/entities?type=org&size=50");
    paths.add("/api/entities?type=place&q=wheat&from=1987-03-01");
    paths.add("/api/search?q=%22unclosed");
    paths.add("/api/search?q=oil&sort=sideways");
    for (String path : paths) {
      TestServer.Reply ours = local.get(path);
      TestServer.Reply theirs = remote.get(path);

      assertThat(theirs.status()).as(path).isEqualTo(ours.status());
      assertSame(path, ours.json(), theirs.json());
    }
  }

  @Test
  void suggestionsAreTheSameWhateverTheOrderOfTies() throws InterruptedException {
    for (int i = 0;
        i < 100 && suggestions(local.get("/api/suggest?prefix=reag").json()).isEmpty();
        i++) {
      // The local suggester is built in the background after opening.
      Thread.sleep(100);
    }
    // Headlines of one weight come in the order the local suggester happened to store them.
    for (String prefix : List.of("reag", "ghana", "coff", "opec")) {
      String path = "/api/suggest?size=100&prefix=" + prefix;
      List<String> ours = suggestions(local.get(path).json());
      List<String> theirs = suggestions(remote.get(path).json());

      assertThat(ours).as(path).isNotEmpty().hasSizeLessThan(100);
      assertThat(theirs).as(path).containsExactlyInAnyOrderElementsOf(ours);
    }
  }

  private static List<String> suggestions(JsonNode answer) {
    List<String> suggestions = new ArrayList<>();
    answer
        .path("suggestions")
        .forEach(s -> suggestions.add(s.path("kind").asText() + ": " + s.path("text").asText()));
    return suggestions;
  }

  @Test
  void statsAndHealthCountTheSameArchive() {
    JsonNode ours = local.get("/api/stats").json();
    JsonNode theirs = remote.get("/api/stats").json();

    assertThat(theirs.path("articles").asLong()).isEqualTo(ARTICLES);
    assertThat(theirs.path("indexBytes").asLong()).isPositive();
    ((ObjectNode) ours).remove("indexBytes");
    ((ObjectNode) theirs).remove("indexBytes");
    assertThat(theirs).isEqualTo(ours);
    assertThat(remote.get("/health").status()).isEqualTo(200);
    assertThat(remote.get("/").body()).isEqualTo(local.get("/").body());
  }

  @Test
  void collapsedSearchesAnswerAlikeOnBothBackends() {
    long grouped = 0;
    for (String query :
        List.of(
            "q=cocoa&collapse=story",
            "q=&sort=newest&collapse=story&size=50",
            "q=oil&sort=oldest&collapse=story&facets=source",
            "q=grain&collapse=story&page=2")) {
      String path = "/api/search?expand=false&" + query;
      JsonNode ours = local.get(path).json();
      JsonNode theirs = remote.get(path).json();

      assertThat(ours.path("stories").asLong()).as(path).isPositive();
      assertSame(path, ours, theirs);
      for (JsonNode hit : ours.path("hits")) {
        grouped += hit.path("copies").asLong() > 1 ? 1 : 0;
      }
    }
    assertThat(grouped).as("hits that stand for several copies").isPositive();
  }

  /**
   * Asserts that two answers are alike but for the time taken; scores, which both compute with the
   * same BM25 statistics on one shard, may differ in the last bits of a float.
   */
  private static void assertSame(String path, JsonNode ours, JsonNode theirs) {
    assertThat(scores(theirs)).as(path).hasSameSizeAs(scores(ours));
    List<Double> ourScores = scores(ours);
    List<Double> theirScores = scores(theirs);
    for (int i = 0; i < ourScores.size(); i++) {
      assertThat(theirScores.get(i)).as(path).isCloseTo(ourScores.get(i), within(1e-3));
    }
    assertThat(withoutTimesAndScores(theirs)).as(path).isEqualTo(withoutTimesAndScores(ours));
  }

  private static List<Double> scores(JsonNode node) {
    List<Double> scores = new ArrayList<>();
    node.findValues("score").forEach(score -> scores.add(score.asDouble()));
    return scores;
  }

  private static JsonNode withoutTimesAndScores(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(List.of("tookMs", "score"));
      for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
        strip(it.next());
      }
    } else if (node.isArray()) {
      node.forEach(OpenSearchServerTest::strip);
    }
  }
}
