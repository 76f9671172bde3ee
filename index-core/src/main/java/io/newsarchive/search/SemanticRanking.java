package io.newsarchive.search;

import io.newsarchive.search.ArticleQueryParser.TextQuery;

/**
 * When a search reorders its best articles by their meaning beside their words ({@link
 * SemanticRescore}). On an index whose articles carry passage vectors ({@code newsarchive index
 * --semantic}) it gained on both judged sets, long sentences and short paraphrases alike; on any
 * other index the passages are encoded while the query is searched, which costs a long question a
 * fraction of a second and gains where feedback words lose: on questions of more words than
 * feedback expands (see the ranking note in the README).
 */
public enum SemanticRanking {
  /**
   * Queries of plain words ranked by relevance and analyzed as English (the model's language): all
   * of them on an index with passage vectors, those of more than {@value
   * QueryExpansion#AUTO_MAX_WORDS} words (stop words aside) on another. The default.
   */
  AUTO("auto"),
  /** Every query ranked by relevance that is not blank. */
  ALWAYS("true"),
  /** No query. */
  NEVER("false");

  private final String key;

  SemanticRanking(String key) {
    this.key = key;
  }

  /** The name used in URLs. */
  public String key() {
    return key;
  }

  /**
   * Whether the search of {@code text} in {@code order} is reordered on an index that has passage
   * {@code vectors} or not.
   */
  boolean reorders(TextQuery text, SortOrder order, boolean vectors) {
    if (order != SortOrder.RELEVANCE || text.form() == TextQuery.Form.EVERYTHING) {
      return false;
    }
    return switch (this) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO ->
          text.form() == TextQuery.Form.WORDS
              && (vectors || text.words() > QueryExpansion.AUTO_MAX_WORDS);
    };
  }
}
