package io.newsarchive.story;

import io.newsarchive.article.Article;

/**
 * An article as the copy rule sees it: its id, source, publication time ({@link #UNKNOWN} when the
 * source gave none), story (null while it has none yet) and signature.
 */
record StoryCandidate(
    String id, String source, long published, String story, StorySignature signature) {

  /** The publication time of an article whose source gave none. */
  static final long UNKNOWN = Long.MIN_VALUE;

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
