package io.newsarchive.search;

import java.util.Locale;

/** How the API writes snippets: as marked-up HTML, or as plain text with the offsets of matches. */
public enum SnippetForm {
  /** HTML-escaped text with every match wrapped in {@code <mark>}, ready for a page. */
  HTML,
  /** The text itself, unescaped, with the start and end of every match ({@link PlainSnippet}). */
  TEXT;

  /** The lower-case name used in URLs. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
