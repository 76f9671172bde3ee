package io.newsarchive.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The headline and publication date a page states in schema.org JSON-LD ({@code <script
 * type="application/ld+json">}) for a {@code NewsArticle}, {@code Article}, {@code BlogPosting} or
 * another type named {@code ...Article}, at the top, in a list or in an {@code @graph}. News sites
 * put them there for search engines, often where no meta tag has them. Immutable.
 *
 * @param headline the {@code headline}, or empty
 * @param datePublished the {@code datePublished} as written, or empty
 */
record JsonLdArticle(String headline, String datePublished) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonLdArticle NONE = new JsonLdArticle("", "");

  /** The first article the page's JSON-LD describes; empty fields when there is none. */
  static JsonLdArticle of(Document page) {
    for (Element script : page.select("script[type=application/ld+json]")) {
      try {
        JsonLdArticle found = find(JSON.readTree(script.data()));
        if (found != NONE) {
          return found;
        }
      } catch (JsonProcessingException e) {
        // Broken JSON-LD is common and says nothing about the article: the other sources stand.
      }
    }
    return NONE;
  }

  private static JsonLdArticle find(JsonNode node) {
    if (node == null) {
      return NONE;
    }
    if (node.isArray() || node.has("@graph")) {
      for (JsonNode item : node.isArray() ? node : node.get("@graph")) {
        JsonLdArticle found = find(item);
        if (found != NONE) {
          return found;
        }
      }
      return NONE;
    }
    if (!isArticle(node.path("@type"))) {
      return NONE;
    }
    return new JsonLdArticle(
        node.path("headline").asText("").strip(), node.path("datePublished").asText("").strip());
  }

  private static boolean isArticle(JsonNode type) {
    if (type.isArray()) {
      for (JsonNode one : type) {
        if (isArticle(one)) {
          return true;
        }
      }
      return false;
    }
    String name = type.asText("");
    return name.endsWith("Article") || name.equals("BlogPosting");
  }
}
