package io.newsarchive.search;

import java.util.Locale;

/**
 * One autocomplete suggestion.
 *
 * @param text the headline or canonical entity name to offer
 * @param kind where the text comes from
 */
public record Suggestion(String text, Kind kind) {

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
