package io.newsarchive.search;

import io.newsarchive.search.ArticleQueryParser.TextQuery;

/**
 * When a search reorders its best articles by their meaning beside their words ({@link
 * SemanticRescore}), on an index whose articles carry passage vectors ({@code newsarchive index
 * --semantic}). It gained on both judged sets, long sentences and short paraphrases alike (see the
 * ranking note in the README).
 */
public enum SemanticRanking {
  /**
   * Queries of plain words ranked by relevance and analyzed as English (the model's language), on
   * an index with passage vectors: the default. On an index without them, nothing changes.
   */
  AUTO("auto"),
  /** Every query ranked by relevance that is not blank; refused on an index without vectors. */
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

  /** Whether the search of {@code text} in {@code order} is reordered, if the index allows. */
  boolean reorders(TextQuery text, SortOrder order) {
    if (order != SortOrder.RELEVANCE || text.form() == TextQuery.Form.EVERYTHING) {
      return false;
    }
    return switch (this) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> text.form() == TextQuery.Form.WORDS;
    };
  }
}
