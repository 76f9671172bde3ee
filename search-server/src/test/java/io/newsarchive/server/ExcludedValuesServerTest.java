package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Leaving out the articles with a facet value ({@code notSource=}, {@code notPlace=}, ...). */
class ExcludedValuesServerTest {

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
  void excludingAValueLeavesTheTotalLessItsCount() {
    for (String facet : List.of("source", "person", "org", "place", "topic", "placeCode")) {
      JsonNode values =
          get("/api/search?q=oil&size=0&facetSize=2&facets=" + facet).get("facets").get(facet);
      long all = total("q=oil");
      for (JsonNode value : values) {
        String name = value.get("value").asText();
        String not = "not" + Character.toUpperCase(facet.charAt(0)) + facet.substring(1);
        assertThat(total("q=oil&" + not + "=" + enc(name)))
            .as(not + "=" + name)
            .isEqualTo(all - value.get("count").asLong());
      }
    }
  }

  @Test
  void theFacetsOfTheRestHoldNoExcludedValue() {
    JsonNode json = get("/api/search?q=cocoa&size=10&facets=topic&notTopic=cocoa");
    for (JsonNode value : json.get("facets").get("topic")) {
      assertThat(value.get("value").asText()).isNotEqualTo("cocoa");
    }
    assertThat(json.get("total").asLong()).isPositive();
  }

  @Test
  void anEntityIsExcludedUnderEveryNameItGoesBy() {
    long all = total("q=cocoa");
    long held = total("q=cocoa&org=" + enc("International Cocoa Organization"));
    assertThat(total("q=cocoa&notOrg=" + enc("International Cocoa Organization")))
        .isEqualTo(all - held);
    assertThat(total("q=cocoa&notOrg=" + enc("ICCO"))).isEqualTo(all - held);
  }

  @Test
  void unusualTermsTakeExclusionsToo() {
    JsonNode json = get("/api/significant?q=cocoa&notTopic=cocoa");
    assertThat(json.get("total").asLong()).isEqualTo(total("q=cocoa&notTopic=cocoa"));
  }
}
