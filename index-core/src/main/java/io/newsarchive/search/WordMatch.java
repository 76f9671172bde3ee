package io.newsarchive.search;

import java.util.Locale;

/** How many of a query's plain words an article must contain, when no minimum match is given. */
public enum WordMatch {
  /**
   * Both words of a two-word query when some article has both, else either; any word of a longer
   * query. A query never comes back empty while an article has one of its words.
   */
  AUTO,
  /** Every word. */
  AND,
  /**
   * Any one word, articles with more of the words and with the words close together ranked higher,
   * and of two words, the articles holding both above all others: the default, which ranked best on
   * judged queries (see the ranking note in the README).
   */
  OR;

  /** The lower-case name used in URLs. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
