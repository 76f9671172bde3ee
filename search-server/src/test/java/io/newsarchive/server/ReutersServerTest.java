package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end over real data: {@code newsarchive index} builds an index from the seed article and
 * Reuters-21578 (once per build, shared with other test classes: {@link ReutersIndex}), and the
 * server answers over it.
 */
class ReutersServerTest {

  private static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    server = new TestServer(ReutersIndex.get().directory());
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** {@code text} as one segment of a path, where "+" is no space. */
  private static String path(String text) {
    return enc(text).replace("+", "%20");
  }

  private static JsonNode get(String url) {
    TestServer.Reply reply = server.get(url);
    assertThat(reply.status()).as(url + " -> " + reply.body()).isEqualTo(200);
    return reply.json();
  }

  @Test
  void statsCountTheSeedAndEveryReutersStory() {
    JsonNode stats = get("/api/stats");
    // 21,578 Reuters records (one with neither title nor text keeps its date) and the seed.
    assertThat(stats.get("articles").asLong()).isEqualTo(ReutersIndex.ARTICLES);
    long reuters = stats.get("sources").get(0).get("count").asLong();
    assertThat(stats.get("articles").asLong()).isEqualTo(reuters + 1);
    assertThat(stats.get("oldest").asText()).startsWith("1987-");
    assertThat(stats.get("newest").asText()).startsWith("2020-09-26");
    List<String> sources = new ArrayList<>();
    stats.get("sources").forEach(s -> sources.add(s.get("value").asText()));
    assertThat(sources).containsExactly("reuters", "kayhan.ir");
  }

  @Test
  void cocoaRanksCocoaStoriesFirst() {
    JsonNode json = get("/api/search?q=cocoa&size=10");
    assertThat(json.get("total").asLong()).isGreaterThan(50);
    int codedCocoa = 0;
    for (JsonNode hit : json.get("hits")) {
      assertThat(hit.get("titleSnippet").asText()).containsIgnoringCase("<mark>cocoa</mark>");
      JsonNode article = get("/api/articles/" + hit.get("id").asText());
      List<String> topics = new ArrayList<>();
      article.get("codes").path("topics").forEach(t -> topics.add(t.asText()));
      codedCocoa += topics.contains("cocoa") ? 1 : 0;
    }
    // The editors coded nearly every cocoa headline; a few cocoa-futures briefs went uncoded.
    assertThat(codedCocoa).isGreaterThanOrEqualTo(9);
  }

  @Test
  void plainSnippetsGiveTheTextAndWhereTheQueryWordsAre() {
    JsonNode html = get("/api/search?q=" + enc("cocoa prices") + "&size=20");
    JsonNode text = get("/api/search?q=" + enc("cocoa prices") + "&size=20&snippets=text");
    int matches = 0;
    for (int i = 0; i < text.get("hits").size(); i++) {
      for (String field : List.of("titleSnippet", "bodySnippet")) {
        assertThat(text.get("hits").get(i).has("article"))
            .as("the hit's article stays inside")
            .isFalse();
        JsonNode snippet = text.get("hits").get(i).get(field);
        String plain = snippet.get("text").asText();
        assertThat(plain).doesNotContain("<mark>", "&amp;", "&#");
        for (JsonNode match : snippet.get("matches")) {
          String word = plain.substring(match.get(0).asInt(), match.get(1).asInt());
          assertThat(word.toLowerCase(java.util.Locale.ROOT)).matches("(cocoa|pric).*");
          matches++;
        }
        // The same words as the HTML form marks, in the same order.
        String marked = html.get("hits").get(i).get(field).asText();
        assertThat(snippet.get("matches").size()).isEqualTo(marked.split("<mark>", -1).length - 1);
      }
    }
    assertThat(matches).isGreaterThan(20);
    JsonNode bad = server.get("/api/search?q=cocoa&snippets=xml").json();
    assertThat(bad.get("detail").asText()).isEqualTo("use html or text");
  }

  @Test
  void theSeedArticleIsFoundByTheNamesInIt() {
    JsonNode json = get("/api/search?q=" + enc("pompeo baghdad embassy"));
    assertThat(json.get("hits").get(0).get("id").asText()).isEqualTo("kayhan.ir-83245");
    JsonNode article = get("/api/articles/kayhan.ir-83245");
    List<String> people = new ArrayList<>();
    article
        .get("entities")
        .forEach(e -> people.add(e.get("type").asText() + ":" + e.get("name").asText()));
    assertThat(people).contains("person:Mike Pompeo");
  }

  @Test
  void placeFilterKeepsOnlyArticlesTaggedWithThePlace() {
    JsonNode cocoa = get("/api/search?q=cocoa&size=0&facets=place");
    JsonNode top = cocoa.get("facets").get("place").get(0);
    String place = top.get("value").asText();
    JsonNode filtered = get("/api/search?q=cocoa&size=100&place=" + enc(place));
    assertThat(filtered.get("total").asLong()).isEqualTo(top.get("count").asLong());
    for (JsonNode hit : filtered.get("hits")) {
      List<String> places = new ArrayList<>();
      hit.get("entities").get("place").forEach(p -> places.add(p.asText()));
      assertThat(places).as(hit.get("id").asText()).contains(place);
    }
  }

  @Test
  void dateRangeWithNewestIsOrderedAndBounded() {
    JsonNode json =
        get("/api/search?q=oil&from=1987-03-01&to=1987-03-31&sort=newest&size=100&interval=day");
    List<Instant> dates = new ArrayList<>();
    json.get("hits").forEach(hit -> dates.add(Instant.parse(hit.get("published").asText())));
    assertThat(dates).hasSize(100).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(dates.get(0)).isBefore(Instant.parse("1987-04-01T00:00:00Z"));
    assertThat(dates.get(99)).isAfterOrEqualTo(Instant.parse("1987-03-01T00:00:00Z"));
    long inBuckets = 0;
    for (JsonNode bucket : json.get("timeline").get("buckets")) {
      assertThat(bucket.get("start").asText()).startsWith("1987-03-");
      inBuckets += bucket.get("count").asLong();
    }
    assertThat(inBuckets).isEqualTo(json.get("total").asLong());
  }

  @Test
  void facetCountsEqualADirectCountOfTheMatchingSet() {
    JsonNode json = get("/api/search?q=oil&size=0&facetSize=4");
    for (String facet : List.of("person", "org", "place")) {
      for (JsonNode value : json.get("facets").get(facet)) {
        String name = value.get("value").asText();
        JsonNode direct = get("/api/search?q=oil&size=0&facets=&" + facet + "=" + enc(name));
        assertThat(value.get("count").asLong())
            .as(facet + "=" + name)
            .isEqualTo(direct.get("total").asLong());
      }
    }
    JsonNode entities = get("/api/entities?type=place&q=oil&size=4");
    assertThat(entities.get("entities")).isEqualTo(json.get("facets").get("place"));
  }

  @Test
  void snippetsMarkMatchesAndEscapeEverythingElse() {
    // Reuters writes company names in angle brackets, e.g. <American Express Co>.
    JsonNode json = get("/api/search?q=" + enc("american express") + "&size=50");
    boolean sawEscapedBracket = false;
    for (JsonNode hit : json.get("hits")) {
      for (String field : List.of("titleSnippet", "bodySnippet")) {
        String html = hit.get(field).asText();
        String bare = html.replace("<mark>", "").replace("</mark>", "");
        assertThat(bare).as(hit.get("id").asText()).doesNotContain("<", ">");
        sawEscapedBracket |= html.contains("&lt;");
      }
      assertThat(hit.get("bodySnippet").asText() + hit.get("titleSnippet").asText())
          .contains("<mark>");
    }
    assertThat(sawEscapedBracket).isTrue();
  }

  @Test
  void cursorPagingVisitsEveryHitOfALargeResultExactlyOnce() {
    Set<String> seen = new HashSet<>();
    String cursor = null;
    long total;
    do {
      JsonNode json =
          get(
              "/api/search?q=oil&size=100&facets=&sort=newest"
                  + (cursor == null ? "" : "&cursor=" + enc(cursor)));
      total = json.get("total").asLong();
      for (JsonNode hit : json.get("hits")) {
        assertThat(seen.add(hit.get("id").asText())).isTrue();
      }
      cursor = json.get("nextCursor").isNull() ? null : json.get("nextCursor").asText();
    } while (cursor != null);
    assertThat(total).isGreaterThan(1_000);
    assertThat(seen).hasSize((int) total);
  }

  @Test
  void relatedStoriesShareTheSubject() {
    String id = get("/api/search?q=cocoa&size=1").get("hits").get(0).get("id").asText();
    JsonNode related = get("/api/articles/" + id + "/related?size=5");
    assertThat(related.get("hits")).hasSize(5);
    int aboutCocoa = 0;
    for (JsonNode hit : related.get("hits")) {
      assertThat(hit.get("id").asText()).isNotEqualTo(id);
      if ((hit.get("title").asText() + hit.get("bodySnippet").asText())
          .toLowerCase()
          .contains("cocoa")) {
        aboutCocoa++;
      }
    }
    assertThat(aboutCocoa).isGreaterThanOrEqualTo(4);
  }

  @Test
  void misspeltQueryGetsACorrection() {
    JsonNode json = get("/api/search?q=cocao");
    assertThat(json.get("total").asLong()).isZero();
    assertThat(json.get("didYouMean").asText()).isEqualTo("cocoa");
  }

  @Test
  void anEntityAnswersUnderItsCanonicalNameWithItsVariants() {
    JsonNode orgs = get("/api/entities?type=org&size=100");
    JsonNode merged = null;
    for (JsonNode org : orgs.get("entities")) {
      JsonNode entity = get("/api/entities/org/" + path(org.get("value").asText()));
      assertThat(entity.get("name").asText()).isEqualTo(org.get("value").asText());
      assertThat(entity.get("articles").asLong()).isEqualTo(org.get("count").asLong());
      if (merged == null && entity.get("variants").size() > 1) {
        merged = entity;
      }
    }
    assertThat(merged).as("an organization the archive names in several ways").isNotNull();
    String name = merged.get("name").asText();
    long articles = merged.get("articles").asLong();
    for (JsonNode variant : merged.get("variants")) {
      String written = variant.get("value").asText();
      // Any variant, in any case, names the same entity and filters the same articles.
      JsonNode same = get("/api/entities/org/" + path(written.toLowerCase(java.util.Locale.ROOT)));
      assertThat(same.get("name").asText()).isEqualTo(name);
      assertThat(get("/api/search?size=0&org=" + enc(written)).get("total").asLong())
          .isEqualTo(articles);
    }
    TestServer.Reply unknown = server.get("/api/entities/person/" + path("Nobody Namedthis"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("detail").asText()).contains("Nobody Namedthis");
    assertThat(server.get("/api/entities/thing/x").status()).isEqualTo(400);
  }
}
