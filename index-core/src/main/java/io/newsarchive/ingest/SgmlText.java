package io.newsarchive.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Just enough SGML for Reuters-21578: finds elements by their known tag names (so a stray {@code <}
 * in the text is harmless) and decodes character references. Stateless.
 */
final class SgmlText {

  private SgmlText() {}

  /**
   * The content of the first {@code <tag ...>...</tag>} element in {@code text}, or empty when the
   * element is missing or not closed.
   */
  static Optional<String> element(String text, String tag) {
    int[] span = find(text, tag, 0);
    return span == null ? Optional.empty() : Optional.of(text.substring(span[1], span[2]));
  }

  /** The opening tag of the first {@code tag} element, e.g. {@code <TEXT TYPE="BRIEF">}. */
  static Optional<String> openingTag(String text, String tag) {
    int[] span = find(text, tag, 0);
    return span == null ? Optional.empty() : Optional.of(text.substring(span[0], span[1]));
  }

  /** The text with every complete element of the given tags removed, content included. */
  static String without(String text, String... tags) {
    String result = text;
    for (String tag : tags) {
      int[] span = find(result, tag, 0);
      while (span != null) {
        result = result.substring(0, span[0]) + result.substring(span[3]);
        span = find(result, tag, span[0]);
      }
    }
    return result;
  }

  /** The decoded contents of the {@code <D>} elements of a category list, in order. */
  static List<String> values(String list) {
    List<String> values = new ArrayList<>();
    int[] span = find(list, "D", 0);
    while (span != null) {
      values.add(decode(list.substring(span[1], span[2])).strip());
      span = find(list, "D", span[3]);
    }
    return values;
  }

  /**
   * Decodes {@code &#N;}, {@code &lt;}, {@code &gt;}, {@code &amp;}, {@code &quot;} and {@code
   * &apos;}. Control characters, whether written as references (the wire's {@code &#2;}, {@code
   * &#3;}, {@code &#5;} ...) or raw, are dropped, except line ends and tabs. Unknown references are
   * kept as written.
   */
  static String decode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int semicolon = c == '&' ? text.indexOf(';', i) : -1;
      if (semicolon > i && semicolon - i <= 8) {
        int code = reference(text.substring(i + 1, semicolon));
        if (code >= 0) {
          appendVisible(out, code);
          i = semicolon + 1;
          continue;
        }
      }
      appendVisible(out, c);
      i++;
    }
    return out.toString();
  }

  private static int reference(String name) {
    if (name.length() > 1 && name.charAt(0) == '#') {
      try {
        return Integer.parseInt(name.substring(1));
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return switch (name) {
      case "lt" -> '<';
      case "gt" -> '>';
      case "amp" -> '&';
      case "quot" -> '"';
      case "apos" -> '\'';
      default -> -1;
    };
  }

  private static void appendVisible(StringBuilder out, int code) {
    if (code == '\n' || code == '\t' || (!Character.isISOControl(code) && code <= 0x10FFFF)) {
      out.appendCodePoint(code);
    }
  }

  /**
   * Positions of the first {@code tag} element at or after {@code from}: start of the opening tag,
   * end of the opening tag, start of the closing tag, end of the closing tag; null when there is
   * none.
   */
  private static int[] find(String text, String tag, int from) {
    String open = "<" + tag;
    int start = text.indexOf(open, from);
    while (start >= 0) {
      int after = start + open.length();
      char next = after < text.length() ? text.charAt(after) : '\0';
      if (next == '>' || next == ' ') {
        int openEnd = text.indexOf('>', after);
        String close = "</" + tag + ">";
        int closeStart = openEnd < 0 ? -1 : text.indexOf(close, openEnd + 1);
        if (closeStart < 0) {
          return null;
        }
        return new int[] {start, openEnd + 1, closeStart, closeStart + close.length()};
      }
      start = text.indexOf(open, after);
    }
    return null;
  }
}
