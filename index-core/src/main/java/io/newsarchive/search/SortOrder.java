package io.newsarchive.search;

import java.util.Locale;

/** The order of search hits. */
public enum SortOrder {
  /** Best match first (BM25 score), ties broken by article id. */
  RELEVANCE,
  /** Most recently published first; undated articles last. */
  NEWEST,
  /** Earliest published first; undated articles last. */
  OLDEST;

  /** The lower-case name used in URLs. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The order named by {@code text}, case-insensitively.
   *
   * @throws InvalidRequestException when {@code text} names no order
   */
  public static SortOrder parse(String text) {
    for (SortOrder order : values()) {
      if (order.key().equalsIgnoreCase(text.strip())) {
        return order;
      }
    }
    throw new InvalidRequestException(
        "sort", "unknown sort '" + text + "'", "use relevance, newest or oldest");
  }
}
