package io.newsarchive.search;

import io.newsarchive.search.ArticleQueryParser.TextQuery;

/**
 * When a search adds pseudo-relevance feedback words to its query ({@link FeedbackExpansion}).
 * Feedback gained on short queries and lost on long sentences in the judged sets (see the ranking
 * note in the README), so by default only short queries of plain words are expanded.
 */
public enum QueryExpansion {
  /**
   * Queries of at most {@value #AUTO_MAX_WORDS} plain words (stop words aside) and nothing else,
   * ranked by relevance: the default.
   */
  AUTO("auto"),
  /** Every query that matches some articles but not all. */
  ALWAYS("true"),
  /** No query. */
  NEVER("false");

  /** Most plain words of a query that {@link #AUTO} expands. */
  public static final int AUTO_MAX_WORDS = 4;

  private final String key;

  QueryExpansion(String key) {
    this.key = key;
  }

  /** The name used in URLs. */
  public String key() {
    return key;
  }

  /** Whether the search of {@code text} in {@code order} adds feedback words. */
  public boolean expands(TextQuery text, SortOrder order) {
    return switch (this) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO ->
          order == SortOrder.RELEVANCE
              && text.form() == TextQuery.Form.WORDS
              && text.words() <= AUTO_MAX_WORDS;
    };
  }
}
