package io.newsarchive.server.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.newsarchive.article.Article;
import io.newsarchive.search.Story;

/**
 * The body of {@code GET /api/articles/{id}}: the article's fields, then its story.
 *
 * @param article the article as it was ingested
 * @param story the story id, shared by the article's wire copies
 * @param storyArticles how many articles of the archive belong to the story
 */
public record ArticleResponse(@JsonUnwrapped Article article, String story, long storyArticles) {

  /** The response for {@code article} of {@code story}. */
  public static ArticleResponse of(Article article, Story story) {
    return new ArticleResponse(article, story.id(), story.articles());
  }
}
