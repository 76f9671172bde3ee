package io.newsarchive.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns text fields that may hold HTML into clean text: tags go, entities are decoded, and block
 * elements and {@code <br>} become line breaks, so paragraphs survive as lines. Text without markup
 * is returned unchanged. Stateless.
 */
final class HtmlText {

  /** Longest entity name worth looking for, e.g. {@code &thetasym;}. */
  private static final int MAX_ENTITY = 10;

  private HtmlText() {}

  /**
   * The text of a field, paragraphs on their own lines. Feeds often escape their HTML twice ({@code
   * &lt;strong&gt;}, {@code &amp;amp;}), so markup that only appears after decoding is cleaned once
   * more.
   */
  static String toText(String raw) {
    String once = clean(raw);
    return once.equals(raw) ? once : clean(once);
  }

  private static String clean(String raw) {
    if (hasTag(raw)) {
      return text(Jsoup.parseBodyFragment(raw).body());
    }
    if (hasEntity(raw)) {
      return tidyLines(Parser.unescapeEntities(raw, false));
    }
    return raw;
  }

  /** The text of a parsed element, each block element's text on its own line. */
  static String text(Element root) {
    Collector collector = new Collector();
    NodeTraversor.traverse(collector, root);
    return tidyLines(collector.out.toString());
  }

  /** The text of a field on a single line, e.g. for a headline. */
  static String oneLine(String raw) {
    return TextInput.collapseSpaces(toText(raw));
  }

  private static String tidyLines(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\n")) {
      String tidy = TextInput.collapseSpaces(line);
      if (!tidy.isEmpty()) {
        out.append(tidy).append('\n');
      }
    }
    return out.toString().strip();
  }

  // Hand-written scans: these run on every field of every record, and regexes were the hot spot.

  private static boolean hasTag(String text) {
    for (int at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
      char next = at + 1 < text.length() ? text.charAt(at + 1) : ' ';
      if (next == '/' || next == '!' || (next < 128 && Character.isLetter(next))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasEntity(String text) {
    for (int at = text.indexOf('&'); at >= 0; at = text.indexOf('&', at + 1)) {
      int end = Math.min(text.length(), at + MAX_ENTITY + 2);
      for (int i = at + 1; i < end; i++) {
        char c = text.charAt(i);
        if (c == ';') {
          return i > at + 1;
        }
        if (!Character.isLetterOrDigit(c) && c != '#') {
          break;
        }
      }
    }
    return false;
  }

  /** Appends text nodes and a line break around each block element. */
  private static final class Collector implements NodeVisitor {
    private final StringBuilder out = new StringBuilder();

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode text) {
        out.append(text.text());
      } else if (node instanceof Element element && breaksLine(element)) {
        out.append('\n');
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (node instanceof Element element && element.isBlock()) {
        out.append('\n');
      }
    }

    private static boolean breaksLine(Element element) {
      return element.isBlock() || element.nameIs("br");
    }
  }
}
