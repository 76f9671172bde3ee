package io.newsarchive.search;

/**
 * A fragment of an article field ready for HTML: every match wrapped in {@code <mark>}, every other
 * character HTML-escaped.
 *
 * @param html the escaped fragment with marks
 * @param matched whether the fragment contains at least one match
 */
public record Snippet(String html, boolean matched) {

  /** Validates that the fragment is not null. */
  public Snippet {
    if (html == null) {
      throw new IllegalArgumentException("snippet html must not be null");
    }
  }
}
