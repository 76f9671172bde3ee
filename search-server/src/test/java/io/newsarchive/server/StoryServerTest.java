package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wire copies over real data: on Reuters-21578, the Fed's daily "customer repurchase" items repeat
 * one text, several of them word for word, so {@code collapse=story} folds them.
 */
class StoryServerTest {

  private static final String QUERY = "/api/search?q=%22customer+repurchase%22&facets=source";

  private static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.reuters();
  }

  private static JsonNode get(String url) {
    return server.ok(url);
  }

  @Test
  void collapseShowsEachStoryOnceAndItsCopiesAddUpToTheTotal() {
    JsonNode articles = get(QUERY + "&size=100");
    JsonNode stories = get(QUERY + "&size=100&collapse=story");

    long total = articles.get("total").asLong();
    assertThat(stories.get("total").asLong()).isEqualTo(total);
    assertThat(stories.get("facets")).isEqualTo(articles.get("facets"));
    assertThat(stories.get("timeline")).isEqualTo(articles.get("timeline"));
    assertThat(articles.get("stories").isNull()).isTrue();
    long distinct = stories.get("stories").asLong();
    assertThat(distinct).isLessThan(total).isEqualTo(stories.get("hits").size());
    Set<String> seen = new HashSet<>();
    long copies = 0;
    for (JsonNode hit : stories.get("hits")) {
      assertThat(seen.add(hit.get("story").asText())).isTrue();
      copies += hit.get("copies").asLong();
      assertThat(hit.get("copySources")).hasSizeBetween(1, 5);
      assertThat(hit.get("storyArticles").asLong())
          .isGreaterThanOrEqualTo(hit.get("copies").asLong());
    }
    assertThat(copies).isEqualTo(total);
  }

  @Test
  void pagesOfStoriesHoldEachStoryOnce() {
    JsonNode all = get(QUERY + "&size=100&collapse=story");
    Set<String> paged = new HashSet<>();
    int pages = 0;
    for (int page = 1; paged.size() < all.get("stories").asLong() && page <= 20; page++) {
      JsonNode json = get(QUERY + "&size=7&collapse=story&page=" + page);
      for (JsonNode hit : json.get("hits")) {
        assertThat(paged.add(hit.get("story").asText()))
            .as("story repeated on page " + page)
            .isTrue();
      }
      pages = page;
    }
    assertThat(paged).hasSize(all.get("hits").size());
    assertThat(pages).isGreaterThan(1);
  }

  @Test
  void anArticleNamesItsStoryAndHowManyArticlesItHas() {
    JsonNode stories = get(QUERY + "&size=100&collapse=story");
    JsonNode largest = stories.get("hits").get(0);
    for (JsonNode hit : stories.get("hits")) {
      if (hit.get("copies").asLong() > largest.get("copies").asLong()) {
        largest = hit;
      }
    }
    assertThat(largest.get("copies").asLong()).isGreaterThan(1);
    JsonNode article = get("/api/articles/" + largest.get("id").asText());
    assertThat(article.get("story").asText()).isEqualTo(largest.get("story").asText());
    assertThat(article.get("storyArticles").asLong())
        .isEqualTo(largest.get("storyArticles").asLong());
    assertThat(article.get("title").asText()).isEqualTo(largest.get("title").asText());
  }

  @Test
  void aCursorOfAnotherSearchIsABadRequest() {
    TestServer.Reply reply = server.get(QUERY + "&collapse=story&cursor=abc");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("param").asText()).isEqualTo("cursor");
    assertThat(reply.json().get("detail").asText()).contains("nextCursor");
  }

  @Test
  void nextCursorsReachEveryStory() {
    JsonNode all = get(QUERY + "&size=100&collapse=story");
    Set<String> paged = new HashSet<>();
    JsonNode json = get(QUERY + "&size=9&collapse=story");
    for (int pages = 1; pages < 20; pages++) {
      json.get("hits").forEach(hit -> assertThat(paged.add(hit.get("story").asText())).isTrue());
      if (json.get("nextCursor").isNull()) {
        break;
      }
      json = get(QUERY + "&size=9&collapse=story&cursor=" + json.get("nextCursor").asText());
    }
    assertThat(paged).hasSize(all.get("hits").size());
  }
}
