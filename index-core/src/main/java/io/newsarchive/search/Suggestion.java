package io.newsarchive.search;

import java.util.Locale;

/**
 * One autocomplete suggestion.
 *
 * @param text the headline or canonical entity name to offer
 * @param kind where the text comes from
 */
public record Suggestion(String text, Kind kind) {

  /**
   * The fewest articles that must hold an entity name (under any of its variants) for it to be
   * suggested: a name only one article holds is as likely a misreading ("Athough Reagan") or a
   * misspelling ("Reagan Adminstration") as a name worth offering; it is still found by a search.
   */
  public static final long MIN_NAME_ARTICLES = 2;

  /** Where a suggestion comes from. */
  public enum Kind {
    TITLE,
    PERSON,
    ORG,
    PLACE;

    /** The lower-case name used in JSON. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
