package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/significant} over Reuters-21578: what is unusual in the results of a search. */
class SignificantServerTest {

  private static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    server = TestServer.reuters();
  }

  private static JsonNode get(String url) {
    return server.ok(url);
  }

  private static List<String> terms(JsonNode list) {
    List<String> terms = new ArrayList<>();
    list.forEach(term -> terms.add(term.get("term").asText()));
    return terms;
  }

  @Test
  void cocoaBringsUpCocoaWordsAndTheCocoaOrganization() {
    JsonNode json = get("/api/significant?q=cocoa");
    long total = get("/api/search?q=cocoa&size=0&facets=").get("total").asLong();
    assertThat(json.get("total").asLong()).isEqualTo(total);
    assertThat(json.get("sample").asLong()).isEqualTo(Math.min(200, total));
    List<String> words = terms(json.get("terms"));
    assertThat(words).hasSize(20);
    assertThat(words.subList(0, 5)).contains("cocoa", "icco", "buffer");
    assertThat(words).doesNotContain("the", "said", "and", "of", "1987");
    assertThat(terms(json.get("org")).subList(0, 3)).contains("International Cocoa Organization");
    JsonNode first = json.get("terms").get(0);
    assertThat(first.get("score").asDouble()).isPositive();
    assertThat(first.get("background").asLong())
        .isGreaterThanOrEqualTo(first.get("foreground").asLong());
    assertThat(json.has("person")).isTrue();
    assertThat(json.has("place")).isTrue();
    List<String> phrases = terms(json.get("phrases"));
    assertThat(phrases).hasSizeBetween(10, 20);
    assertThat(phrases.subList(0, 10)).contains("buffer stock");
    JsonNode phrase = json.get("phrases").get(0);
    assertThat(phrase.get("score").asDouble()).isPositive();
    assertThat(phrase.get("foreground").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(phrase.get("background").asLong())
        .isGreaterThanOrEqualTo(phrase.get("foreground").asLong());
  }

  @Test
  void aFilterWithoutWordsAndTheSizeAreHonoured() {
    JsonNode json = get("/api/significant?topic=coffee&size=5&sample=100");
    assertThat(json.get("total").asLong()).isPositive();
    assertThat(json.get("sample").asInt()).isLessThanOrEqualTo(100);
    assertThat(terms(json.get("terms"))).hasSize(5).contains("coffee");
  }

  @Test
  void aBadSampleOrSizeIsRefusedWithWhatToDo() {
    for (String bad : List.of("sample=0", "sample=1001", "sample=many", "size=0", "page=2")) {
      TestServer.Reply reply = server.get("/api/significant?q=cocoa&" + bad);
      assertThat(reply.status()).as(bad).isEqualTo(400);
      assertThat(reply.body()).as(bad).contains(bad.substring(0, bad.indexOf('=')));
    }
  }
}
