package io.newsarchive.search;

import java.util.Locale;

/** What a search folds into one hit: nothing, or the copies of one story. */
public enum Collapse {
  /** Every matching article is a hit. */
  NONE,
  /** One hit per story: its best-ranked matching copy, with the number of matching copies. */
  STORY;

  /** The lower-case name used in URLs and JSON. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
