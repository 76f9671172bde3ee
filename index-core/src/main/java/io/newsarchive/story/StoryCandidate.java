package io.newsarchive.story;

import io.newsarchive.article.Article;

/**
 * An article as the copy rule sees it: its id, source, publication time in epoch milliseconds
 * ({@link #UNKNOWN} when the source gave none), story (null while it has none yet) and signature.
 * Immutable.
 *
 * @param id the article's id
 * @param source the article's source
 * @param published when it was published, or {@link #UNKNOWN}
 * @param story its story, or null while it has none yet
 * @param signature its signature
 */
public record StoryCandidate(
    String id, String source, long published, String story, StorySignature signature) {

  /** The publication time of an article whose source gave none. */
  public static final long UNKNOWN = Long.MIN_VALUE;

  /** The article with {@code signature}, before its story is known. */
  static StoryCandidate of(Article article, StorySignature signature) {
    long published = article.published() == null ? UNKNOWN : article.published().toEpochMilli();
    return new StoryCandidate(article.id(), article.source(), published, null, signature);
  }

  /** This article with {@code story}. */
  StoryCandidate withStory(String story) {
    return new StoryCandidate(id, source, published, story, signature);
  }
}
