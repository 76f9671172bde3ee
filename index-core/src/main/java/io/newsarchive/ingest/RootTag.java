package io.newsarchive.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start tag of the root element of an XML or HTML document, as its first characters show it:
 * the XML declaration, processing instructions, comments, a DOCTYPE and white space before it are
 * passed over. Format detection judges a feed or a page by it. Immutable.
 *
 * @param name the element name as written, with any prefix ({@code rss}, {@code rdf:RDF}); empty
 *     when the text does not start like markup
 * @param tag the whole start tag, attributes and namespace declarations included
 */
record RootTag(String name, String tag) {

  private static final RootTag NONE = new RootTag("", "");
  private static final Pattern NAME = Pattern.compile("<([A-Za-z_][\\w.:-]*)");

  /** The root start tag of the document that starts with {@code head}, or an empty one. */
  static RootTag of(String head) {
    int at = 0;
    while (true) {
      at = skipSpace(head, at);
      if (head.startsWith("<?", at)) {
        at = after(head, at, "?>");
      } else if (head.startsWith("<!--", at)) {
        at = after(head, at, "-->");
      } else if (head.regionMatches(true, at, "<!DOCTYPE", 0, 9)) {
        at = afterDoctype(head, at);
      } else {
        break;
      }
      if (at < 0) {
        return NONE;
      }
    }
    Matcher name = NAME.matcher(head).region(at, head.length());
    int end = head.indexOf('>', at);
    if (!name.lookingAt() || end < 0) {
      return NONE;
    }
    return new RootTag(name.group(1), head.substring(at, end + 1));
  }

  /** Whether the element's local name, without a prefix, is {@code local} in any case. */
  boolean isNamed(String local) {
    String lower = name.toLowerCase(Locale.ROOT);
    String wanted = local.toLowerCase(Locale.ROOT);
    return lower.equals(wanted) || lower.endsWith(":" + wanted);
  }

  /** Whether the start tag declares the namespace {@code uri}. */
  boolean declares(String uri) {
    return tag.contains("\"" + uri + "\"") || tag.contains("'" + uri + "'");
  }

  private static int skipSpace(String text, int at) {
    while (at < text.length()
        && (Character.isWhitespace(text.charAt(at)) || text.charAt(at) == '\uFEFF')) {
      at++;
    }
    return at;
  }

  private static int after(String text, int at, String end) {
    int found = text.indexOf(end, at);
    return found < 0 ? -1 : found + end.length();
  }

  /** The end of a DOCTYPE, whose internal subset in brackets may hold {@code >} characters. */
  private static int afterDoctype(String text, int at) {
    int bracket = text.indexOf('[', at);
    int close = text.indexOf('>', at);
    if (close < 0) {
      return -1;
    }
    if (bracket >= 0 && bracket < close) {
      int subsetEnd = text.indexOf(']', bracket);
      return subsetEnd < 0 ? -1 : after(text, subsetEnd, ">");
    }
    return close + 1;
  }
}
