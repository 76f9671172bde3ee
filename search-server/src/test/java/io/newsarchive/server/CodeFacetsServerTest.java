package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The codes Reuters' editors assigned, counted as facets and narrowed to as filters. */
class CodeFacetsServerTest {

  private static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.reuters();
  }

  private static JsonNode get(String url) {
    return server.ok(url);
  }

  private static long total(String query) {
    return get("/api/search?size=0&facets=&" + query).get("total").asLong();
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void everyCodeFacetCountsWhatItsFilterFinds() {
    for (String facet : List.of("topic", "placeCode", "personCode", "orgCode", "exchange")) {
      JsonNode counts = get("/api/search?q=cocoa&size=0&facetSize=5&facets=" + facet);
      JsonNode values = counts.get("facets").get(facet);
      assertThat(counts.get("facets").size()).as(facet).isEqualTo(1);
      if (!facet.equals("personCode") && !facet.equals("exchange")) {
        assertThat(values.size()).as(facet).isPositive();
      }
      for (JsonNode value : values) {
        String code = value.get("value").asText();
        assertThat(total("q=cocoa&" + facet + "=" + enc(code)))
            .as(facet + "=" + code)
            .isEqualTo(value.get("count").asLong());
      }
    }
    JsonNode topics = get("/api/search?q=cocoa&size=0&facets=topic").get("facets").get("topic");
    assertThat(topics.get(0).get("value").asText()).isEqualTo("cocoa");
  }

  @Test
  void aCodeFilterNarrowsEveryKindOfCode() {
    long opec = total("orgCode=opec");
    assertThat(opec).isPositive().isLessThan(total("q=oil"));
    assertThat(total("orgCode=opec&q=oil")).isLessThanOrEqualTo(opec);
    assertThat(total("exchange=nyse")).isPositive();
    assertThat(total("personCode=reagan")).isPositive();
  }

  @Test
  void anUnknownFacetNamesTheAcceptedOnes() {
    TestServer.Reply reply = server.get("/api/search?facets=topics");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body()).contains("topic").contains("placeCode").contains("exchange");
  }
}
