package io.newsarchive.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.search.Story;
import java.util.List;

/**
 * The body of {@code GET /api/articles/{id}}: the article's fields, then its story.
 *
 * @param article the article as it was ingested, its entities aside
 * @param entities the article's entities, or {@code null}, left out of the JSON, when the tagger
 *     does not read its language ({@link Article#tagged()})
 * @param story the story id, shared by the article's wire copies
 * @param storyArticles how many articles of the archive belong to the story
 */
public record ArticleResponse(
    @JsonUnwrapped Article article,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Entity> entities,
    String story,
    long storyArticles) {

  /** The response for {@code article} of {@code story}. */
  public static ArticleResponse of(Article article, Story story) {
    return new ArticleResponse(
        article, article.tagged() ? article.entities() : null, story.id(), story.articles());
  }
}
