package io.newsarchive.ingest;

import java.util.regex.Pattern;
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

  private static final Pattern TAG = Pattern.compile("<[a-zA-Z/!]");
  private static final Pattern ENTITY =
      Pattern.compile("&(#\\d+|#[xX][0-9a-fA-F]+|[a-zA-Z]+\\d*);");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0]+");

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
    if (TAG.matcher(raw).find()) {
      Element body = Jsoup.parseBodyFragment(raw).body();
      Collector collector = new Collector();
      NodeTraversor.traverse(collector, body);
      return tidyLines(collector.out.toString());
    }
    if (ENTITY.matcher(raw).find()) {
      return tidyLines(Parser.unescapeEntities(raw, false));
    }
    return raw;
  }

  /** The text of a field on a single line, e.g. for a headline. */
  static String oneLine(String raw) {
    return SPACES.matcher(toText(raw)).replaceAll(" ").strip();
  }

  private static String tidyLines(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\n")) {
      String tidy = SPACES.matcher(line).replaceAll(" ").strip();
      if (!tidy.isEmpty()) {
        out.append(tidy).append('\n');
      }
    }
    return out.toString().strip();
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
