package io.newsarchive.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import io.newsarchive.search.Hit;
import io.newsarchive.search.Snippet;
import io.newsarchive.search.SnippetForm;
import io.newsarchive.search.Story;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The API's JSON leaves {@code entities} out for articles the tagger does not read. */
class EntitiesJsonTest {

  private final ObjectMapper mapper = ApiJson.mapper();

  private static Article article(String language, List<Entity> entities) {
    Article.Builder builder =
        Article.builder().source("wire").sourceId(language).title("t").body("b").language(language);
    entities.forEach(builder::entity);
    return builder.build();
  }

  private JsonNode hit(Article article) throws IOException {
    Hit hit = Hit.of(article, 1f, Snippet.unmatched("t"), Snippet.unmatched("b"));
    return mapper.readTree(ApiJson.writer(mapper, SnippetForm.HTML).writeValueAsString(hit));
  }

  private JsonNode articleBody(Article article) throws IOException {
    return mapper.readTree(
        mapper.writeValueAsString(ArticleResponse.of(article, new Story(article.id(), 1))));
  }

  @Test
  void aPersianOrArabicArticleHasNoEntitiesAtAll() throws IOException {
    for (String language : List.of("fa", "ar")) {
      Article article = article(language, List.of());
      assertThat(hit(article).has("entities")).as(language).isFalse();
      assertThat(articleBody(article).has("entities")).as(language).isFalse();
      assertThat(articleBody(article).get("language").asText()).isEqualTo(language);
    }
  }

  @Test
  void anEnglishArticleListsItsEntitiesEvenWhenThereAreNone() throws IOException {
    Article none = article("en", List.of());
    Article some = article("en", List.of(new Entity("London", EntityType.LOCATION, 1)));

    assertThat(hit(none).get("entities").get("place").isArray()).isTrue();
    assertThat(hit(none).get("entities").get("place")).isEmpty();
    assertThat(articleBody(none).get("entities").isArray()).isTrue();
    assertThat(articleBody(none).get("entities")).isEmpty();
    assertThat(hit(some).get("entities").get("place").get(0).asText()).isEqualTo("London");
    assertThat(articleBody(some).get("entities").get(0).get("name").asText()).isEqualTo("London");
  }
}
