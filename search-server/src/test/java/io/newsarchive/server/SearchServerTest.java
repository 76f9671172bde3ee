package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import io.newsarchive.article.Article;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.server.TestServer.Reply;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchServerTest {

  @TempDir static Path indexDir;
  private static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    List<Article> all = new ArrayList<>(TestArticles.archive());
    all.addAll(wire(1200));
    TestArticles.index(indexDir, all);
    server = new TestServer(indexDir);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  /** {@code count} wire items that all match "wire", spread over 1988; a third in Tokyo. */
  private static List<Article> wire(int count) {
    List<Article> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(
          TestArticles.article(
              "wire-" + i,
              "Wire bulletin " + (i % 11),
              "Wire report number " + i + " on markets " + (i % 17),
              Instant.parse("1988-01-01T00:00:00Z").plusSeconds(20_000L * i).toString(),
              List.of(TestArticles.place(i % 3 == 0 ? "Tokyo" : "Paris"))));
    }
    return list;
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static List<String> ids(JsonNode response) {
    List<String> ids = new ArrayList<>();
    response.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
    return ids;
  }

  @Test
  void searchAnswersTheContractShape() {
    Reply reply = server.get("/api/search?q=cocoa");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    JsonNode json = reply.json();
    assertThat(json.fieldNames())
        .toIterable()
        .containsExactly(
            "total",
            "totalExact",
            "tookMs",
            "timedOut",
            "page",
            "size",
            "hits",
            "facets",
            "timeline",
            "nextCursor",
            "didYouMean",
            "match",
            "expandedWith",
            "rankedByMeaning",
            "stories");
    assertThat(json.get("total").asLong()).isEqualTo(4);
    assertThat(json.get("totalExact").asBoolean()).isTrue();
    JsonNode hit = json.get("hits").get(0);
    assertThat(hit.fieldNames())
        .toIterable()
        .containsExactly(
            "id",
            "title",
            "source",
            "published",
            "url",
            "score",
            "titleSnippet",
            "bodySnippet",
            "entities",
            "story",
            "storyArticles",
            "copies",
            "copySources");
    assertThat(hit.get("entities").fieldNames())
        .toIterable()
        .containsExactly("person", "org", "place");
    assertThat(json.get("facets").fieldNames())
        .toIterable()
        .containsExactly("source", "person", "org", "place", "language");
    assertThat(json.get("timeline").get("interval").asText()).isNotEqualTo("auto");
    assertThat(json.get("nextCursor").isNull()).isTrue();
    assertThat(json.get("didYouMean").isNull()).isTrue();
    assertThat(json.get("expandedWith").isArray()).isTrue();
    assertThat(json.get("rankedByMeaning").asBoolean()).isFalse();
  }

  @Test
  void cocoaRanksCocoaStoriesFirst() {
    List<String> ids = ids(server.get("/api/search?q=cocoa").json());
    assertThat(ids.subList(0, 2)).containsExactlyInAnyOrder("reuters-1", "reuters-2");
  }

  @Test
  void placeFilterKeepsOnlyTaggedArticles() {
    JsonNode json = server.get("/api/search?place=Iraq&place=Baghdad").json();
    assertThat(ids(json)).containsExactly("kayhan-5");
    JsonNode tokyo = server.get("/api/search?q=wire&place=Tokyo&size=0").json();
    assertThat(tokyo.get("total").asLong()).isEqualTo(400);
  }

  @Test
  void dateRangeWithNewestIsOrderedAndBounded() {
    JsonNode json =
        server.get("/api/search?q=wire&from=1988-02-01&to=1988-02-10&sort=newest&size=100").json();
    List<Instant> dates = new ArrayList<>();
    json.get("hits").forEach(hit -> dates.add(Instant.parse(hit.get("published").asText())));
    assertThat(dates).isNotEmpty().hasSize((int) json.get("total").asLong());
    assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(dates)
        .allSatisfy(d ->
            assertThat(d)
                .isBetween(
                    Instant.parse("1988-02-01T00:00:00Z"),
                    Instant.parse("1988-02-10T23:59:59.999Z")));
  }

  @Test
  void facetCountsEqualADirectCountOfTheMatchingSet() {
    JsonNode json = server.get("/api/search?q=" + enc("wire OR oil") + "&size=1").json();
    long total = json.get("total").asLong();
    long sum = 0;
    for (JsonNode place : json.get("facets").get("place")) {
      String name = place.get("value").asText();
      JsonNode filtered =
          server.get("/api/search?q=" + enc("wire OR oil") + "&size=0&place=" + enc(name)).json();
      assertThat(place.get("count").asLong()).as(name).isEqualTo(filtered.get("total").asLong());
    }
    for (JsonNode source : json.get("facets").get("source")) {
      sum += source.get("count").asLong();
    }
    assertThat(sum).isEqualTo(total);
    long buckets = 0;
    for (JsonNode bucket : json.get("timeline").get("buckets")) {
      buckets += bucket.get("count").asLong();
    }
    assertThat(buckets).isEqualTo(total); // every match is dated
  }

  @Test
  void snippetsMarkMatchesAndEscapeScript() {
    JsonNode hit = server.get("/api/search?q=pompeo").json().get("hits").get(0);
    assertThat(hit.get("titleSnippet").asText()).isEqualTo("<mark>Pompeo</mark> visits Baghdad");
    String body = hit.get("bodySnippet").asText();
    assertThat(body)
        .contains("<mark>Pompeo</mark>")
        .contains("&lt;script&gt;")
        .doesNotContain("<script");
    assertThat(body.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">");
  }

  @Test
  void cursorPagingVisitsEveryHitExactlyOnce() {
    for (String sort : List.of("relevance", "newest", "oldest")) {
      Set<String> seen = new HashSet<>();
      String cursor = null;
      long total = -1;
      do {
        String url =
            "/api/search?q=wire&size=100&facets=&sort="
                + sort
                + (cursor == null ? "" : "&cursor=" + enc(cursor));
        JsonNode json = server.get(url).json();
        total = json.get("total").asLong();
        for (String id : ids(json)) {
          assertThat(seen.add(id)).as("%s seen twice with sort %s", id, sort).isTrue();
        }
        cursor = json.get("nextCursor").isNull() ? null : json.get("nextCursor").asText();
      } while (cursor != null);
      assertThat(total).isEqualTo(1200);
      assertThat(seen).hasSize(1200);
    }
  }

  @Test
  void shortQueriesAreExpandedByDefaultWithoutChangingWhatIsCounted() {
    JsonNode plain = server.get("/api/search?q=ghana&expand=false").json();
    JsonNode json = server.get("/api/search?q=ghana").json();
    List<String> words = new ArrayList<>();
    json.get("expandedWith").forEach(word -> words.add(word.asText()));
    assertThat(words).contains("cocoa").doesNotContain("ghana");
    assertThat(plain.get("expandedWith")).isEmpty();
    // The feedback words reorder the articles with the typed word and add none.
    assertThat(ids(json)).containsExactly("reuters-1").isEqualTo(ids(plain));
    assertThat(json.get("total")).isEqualTo(plain.get("total"));
    assertThat(json.get("facets")).isEqualTo(plain.get("facets"));
    assertThat(json.get("timeline")).isEqualTo(plain.get("timeline"));
    assertThat(server.get("/api/search?q=ghana&expand=true").json().get("expandedWith"))
        .isEqualTo(json.get("expandedWith"));
    assertThat(server.get("/api/search?q=ghana+OR+cocoa").json().get("expandedWith")).isEmpty();
  }

  @Test
  void aRequestForCountsAloneIsNeitherExpandedNorRankedByMeaning() {
    // Feedback words and meaning only reorder the hits; a page of none is counted as typed.
    for (String q : List.of("ghana", "which countries grow the cocoa that chocolate makers buy")) {
      JsonNode page = server.get("/api/search?q=" + enc(q)).json();
      JsonNode counts = server.get("/api/search?size=0&q=" + enc(q)).json();
      assertThat(
              page.get("expandedWith").size() + (page.get("rankedByMeaning").asBoolean() ? 1 : 0))
          .as("the page of %s is reordered", q)
          .isPositive();
      assertThat(counts.get("hits")).isEmpty();
      assertThat(counts.get("expandedWith")).as(q).isEmpty();
      assertThat(counts.get("rankedByMeaning").asBoolean()).as(q).isFalse();
      assertThat(counts.get("total").asLong()).isEqualTo(page.get("total").asLong()).isPositive();
      assertThat(counts.get("facets")).isEqualTo(page.get("facets"));
      assertThat(counts.get("timeline")).isEqualTo(page.get("timeline"));
    }
  }

  @Test
  void questionsAreRankedByMeaningByDefaultWithoutChangingWhatIsCounted() {
    String question = enc("which countries grow the cocoa that chocolate makers buy");
    JsonNode words = server.get("/api/search?semantic=false&q=" + question).json();
    JsonNode json = server.get("/api/search?q=" + question).json();

    assertThat(json.get("rankedByMeaning").asBoolean()).isTrue();
    assertThat(words.get("rankedByMeaning").asBoolean()).isFalse();
    assertThat(json.get("expandedWith")).isEmpty();
    assertThat(json.get("total").asLong()).isEqualTo(words.get("total").asLong()).isPositive();
    assertThat(json.get("facets")).isEqualTo(words.get("facets"));
    assertThat(json.get("timeline")).isEqualTo(words.get("timeline"));
    assertThat(ids(json)).containsExactlyInAnyOrderElementsOf(ids(words));
    // Short queries are left to their words and feedback words.
    assertThat(server.get("/api/search?q=cocoa").json().get("rankedByMeaning").asBoolean())
        .isFalse();
    assertThat(server.get("/api/search?semantic=true&q=cocoa").json().get("rankedByMeaning"))
        .isEqualTo(BooleanNode.TRUE);
  }

  @Test
  void zeroHitsCarryDidYouMean() {
    JsonNode json = server.get("/api/search?q=cocao").json();
    assertThat(json.get("total").asLong()).isZero();
    assertThat(json.get("didYouMean").asText()).isEqualTo("cocoa");
  }

  @ParameterizedTest
  @CsvSource({
    "/api/search?size=500, size",
    "/api/search?size=ten, size",
    "/api/search?page=0, page",
    "/api/search?page=500&size=100, page",
    "/api/search?sort=best, sort",
    "/api/search?from=yesterday, from",
    "/api/search?from=2020-02-01&to=2020-01-01, from",
    "/api/search?q=%28cocoa, q",
    "/api/search?q=*coa, q",
    "/api/search?q=c*, q",
    "/api/search?q=colour:red, q",
    "/api/search?facets=colour, facets",
    "/api/search?facetSize=0, facetSize",
    "/api/search?interval=hour, interval",
    "/api/search?q=cocoa&mm=most, mm",
    "/api/search?q=cocoa&mm=120%25, mm",
    "/api/search?q=cocoa&op=xor, op",
    "/api/search?recency=-1, recency",
    "/api/search?q=cocoa&expand=maybe, expand",
    "/api/search?cursor=garbage!, cursor",
    "/api/search?sizee=5, sizee",
    "/api/search?q=a&q=b, q",
    "/api/entities?q=oil, type",
    "/api/entities?type=animal, type",
    "/api/entities?type=place&size=0, size",
    "/api/suggest?prefix=co&size=0, size",
    "/api/articles/reuters-1/related?size=0, size",
    "/api/stats?verbose=1, verbose",
  })
  void badParametersGive400WithOneJsonShape(String url, String param) {
    Reply reply = server.get(url);
    assertThat(reply.status()).as(url).isEqualTo(400);
    assertThat(reply.json().fieldNames()).toIterable().containsExactly("error", "detail", "param");
    assertThat(reply.json().get("param").asText()).isEqualTo(param);
    assertThat(reply.json().get("detail").asText()).isNotBlank();
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void matchSaysHowManyWordsTheCountedArticlesContain() {
    JsonNode any = server.get("/api/search?q=" + enc("cocoa ghana") + "&size=0").json();
    assertThat(any.get("match").toString())
        .isEqualTo("{\"mode\":\"any\",\"required\":1,\"of\":2,\"relaxed\":false}");
    assertThat(any.get("total").asLong()).isGreaterThan(1);

    JsonNode both = server.get("/api/search?q=" + enc("cocoa ghana") + "&op=auto").json();
    assertThat(both.get("total").asLong()).isEqualTo(1);
    assertThat(both.get("match").toString())
        .isEqualTo("{\"mode\":\"all\",\"required\":2,\"of\":2,\"relaxed\":false}");

    JsonNode either = server.get("/api/search?q=" + enc("ghana basra") + "&size=0&op=auto").json();
    assertThat(either.get("match").toString())
        .isEqualTo("{\"mode\":\"any\",\"required\":1,\"of\":2,\"relaxed\":true}");
    long total = either.get("total").asLong();
    assertThat(total).isEqualTo(2);
    long placed = 0;
    for (JsonNode bucket : either.get("timeline").get("buckets")) {
      placed += bucket.get("count").asLong();
    }
    assertThat(placed).isEqualTo(total);

    JsonNode most =
        server.get("/api/search?q=" + enc("cocoa crop ghana exports") + "&mm=-1").json();
    assertThat(most.get("match").get("mode").asText()).isEqualTo("most");
    assertThat(most.get("match").get("required").asInt()).isEqualTo(3);
    JsonNode and = server.get("/api/search?q=" + enc("ghana basra") + "&op=and").json();
    assertThat(and.get("total").asLong()).isZero();
    assertThat(server.get("/api/search?q=" + enc("cocoa AND ghana")).json().get("match").isNull())
        .isTrue();
    JsonNode badMm = server.get("/api/search?q=cocoa&mm=" + enc("3<75% 2<1")).json();
    assertThat(badMm.get("detail").asText()).contains("increasing", "2<75%");
  }

  @Test
  void syntaxErrorSaysWhere() {
    Reply reply = server.get("/api/search?q=" + enc("cocoa AND (oil"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").asText()).isEqualTo("query syntax error");
    assertThat(reply.json().get("detail").asText()).contains("column");
  }

  @Test
  void unknownRoutesAndArticlesGive404Json() {
    Reply route = server.get("/api/nothing");
    assertThat(route.status()).isEqualTo(404);
    assertThat(route.json().get("error").asText()).isEqualTo("not found");
    assertThat(route.json().get("detail").asText()).contains("/api/nothing").contains("openapi");
    Reply article = server.get("/api/articles/no-such-id");
    assertThat(article.status()).isEqualTo(404);
    assertThat(article.json().get("detail").asText()).contains("no-such-id");
    assertThat(server.get("/api/articles/no-such-id/related").status()).isEqualTo(404);
  }

  @Test
  void articleComesWhole() {
    JsonNode json = server.get("/api/articles/kayhan-5").json();
    assertThat(json.get("title").asText()).isEqualTo("Pompeo visits Baghdad");
    assertThat(json.get("body").asText()).contains("<script>");
    assertThat(json.get("published").asText()).isEqualTo("2019-01-09T15:00:00Z");
    assertThat(json.get("entities")).hasSize(3);
    assertThat(json.get("entities").get(0).get("type").asText()).isEqualTo("person");
    assertThat(json.get("codes").has("topics")).isTrue();
  }

  @Test
  void relatedExcludesTheArticle() {
    JsonNode json = server.get("/api/articles/reuters-1/related?size=3").json();
    assertThat(ids(json)).hasSizeBetween(1, 3).doesNotContain("reuters-1").contains("reuters-2");
  }

  @Test
  void entitiesCountOverTheQuery() {
    JsonNode json = server.get("/api/entities?type=place&q=oil&size=2").json();
    assertThat(json.get("type").asText()).isEqualTo("place");
    assertThat(json.get("entities").get(0).get("value").asText()).isEqualTo("Iraq");
    assertThat(json.get("entities").get(0).get("count").asLong()).isEqualTo(2);
    JsonNode wire = server.get("/api/entities?type=place&q=wire&from=1988-01-01").json();
    assertThat(wire.get("entities").get(0).get("value").asText()).isEqualTo("Paris");
    assertThat(wire.get("entities").get(0).get("count").asLong()).isEqualTo(800);
  }

  @Test
  void loadingThePagePreparesTheSuggestionsAndTheApiDoesNot() throws IOException {
    AtomicInteger prepared = new AtomicInteger();
    SearchBackend archive = ArticleSearcher.open(indexDir, SearcherOptions.DEFAULTS);
    SearchBackend counted =
        (SearchBackend)
            Proxy.newProxyInstance(
                SearchBackend.class.getClassLoader(),
                new Class<?>[] {SearchBackend.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("prepareSuggestions")) {
                    prepared.incrementAndGet();
                  }
                  try {
                    return method.invoke(archive, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    try (TestServer own = new TestServer(counted, new ServerOptions("127.0.0.1", 0))) {
      assertThat(own.get("/api/search?q=wire").status()).isEqualTo(200);
      assertThat(own.get("/api/stats").status()).isEqualTo(200);
      assertThat(own.get("/app.js").status()).isEqualTo(200);
      assertThat(prepared).hasValue(0);
      assertThat(own.get("/").status()).isEqualTo(200);
      assertThat(prepared).hasValue(1);
      assertThat(own.get("/index.html").status()).isEqualTo(200);
      assertThat(prepared).hasValue(2);
    }
  }

  @Test
  void suggestCompletesNamesAndTitles() throws InterruptedException {
    // The first request starts building the suggester in the background; allow it up to 10 s.
    JsonNode json = server.get("/api/suggest?prefix=bag").json();
    for (int i = 0; i < 100 && json.get("suggestions").isEmpty(); i++) {
      Thread.sleep(100);
      json = server.get("/api/suggest?prefix=bag").json();
    }
    List<String> texts = new ArrayList<>();
    json.get("suggestions")
        .forEach(s -> texts.add(s.get("kind").asText() + ":" + s.get("text").asText()));
    assertThat(texts).contains("place:Baghdad", "title:Pompeo visits Baghdad");
  }

  @Test
  void statsAndHealthDescribeTheIndex() {
    JsonNode stats = server.get("/api/stats").json();
    assertThat(stats.get("articles").asLong()).isEqualTo(1208);
    assertThat(stats.get("oldest").asText()).isEqualTo("1987-03-02T10:00:00Z");
    assertThat(stats.get("sources").get(0).get("value").asText()).isEqualTo("reuters");
    assertThat(stats.get("indexBytes").asLong()).isPositive();
    JsonNode health = server.get("/health").json();
    assertThat(health.get("status").asText()).isEqualTo("ok");
    assertThat(health.get("articles").asLong()).isEqualTo(1208);
  }
}
