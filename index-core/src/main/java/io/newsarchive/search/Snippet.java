package io.newsarchive.search;

/**
 * A fragment of an article field ready for HTML: every match wrapped in {@code <mark>}, every other
 * character HTML-escaped.
 *
 * @param html the escaped fragment with marks
 * @param matched whether the fragment contains at least one match
 */
public record Snippet(String html, boolean matched) {

  /** What opens a match. */
  public static final String MARK_OPEN = "<mark>";

  /** What closes a match. */
  public static final String MARK_CLOSE = "</mark>";

  /** What joins two passages of one field. */
  public static final String PASSAGE_SEPARATOR = " … ";

  /** Preferred length of a body passage, in characters, and of the start shown without a match. */
  public static final int PASSAGE_LENGTH = 160;

  /** Validates that the fragment is not null. */
  public Snippet {
    if (html == null) {
      throw new IllegalArgumentException("snippet html must not be null");
    }
  }

  /**
   * The snippet of a highlighter's {@code html} for a field whose text is {@code plain}: the marked
   * fragment, or, when the highlighter found nothing ({@code html} null), the start of the plain
   * text, escaped and unmarked.
   */
  public static Snippet of(String html, String plain) {
    if (html == null) {
      return unmatched(plain);
    }
    return new Snippet(html.strip(), html.contains(MARK_OPEN));
  }

  /**
   * The snippet of a field without matches: its first {@value #PASSAGE_LENGTH} characters, or all
   * of it when shorter, escaped.
   */
  public static Snippet unmatched(String text) {
    String start = text.length() <= PASSAGE_LENGTH ? text : text.substring(0, PASSAGE_LENGTH);
    return new Snippet(escape(start), false);
  }

  /** This snippet as plain text with the offsets of its matches. */
  public PlainSnippet plain() {
    return PlainSnippet.of(html);
  }

  /** {@code text} with HTML's special characters escaped. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
