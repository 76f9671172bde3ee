package io.newsarchive.search;

import java.util.Locale;

/** How many of a query's plain words an article must contain, when no minimum match is given. */
public enum WordMatch {
  /**
   * Every word when some article has them all, else the articles with most of them: the default, so
   * that a query never comes back empty while an article has enough of its words.
   */
  AUTO,
  /** Every word. */
  AND,
  /** Any one word; more words rank higher. */
  OR;

  /** The lower-case name used in URLs. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
