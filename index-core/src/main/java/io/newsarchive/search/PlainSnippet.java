package io.newsarchive.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A snippet as plain text: the characters a reader sees, unescaped, and where each match lies in
 * them. Offsets count UTF-16 code units, as Java's and JavaScript's string indices do, so {@code
 * text.substring(start, end)} is the matched word in both.
 *
 * @param text the fragment without markup
 * @param matches the matches, in order, each from its first character to just after its last
 */
public record PlainSnippet(String text, List<Match> matches) {

  /**
   * One match in {@link #text()}.
   *
   * @param start offset of its first character
   * @param end offset just after its last character
   */
  public record Match(int start, int end) {

    /** Validates that the match is a non-empty range of non-negative offsets. */
    public Match {
      if (start < 0 || end <= start) {
        throw new IllegalArgumentException("bad match range " + start + ".." + end);
      }
    }
  }

  /** Copies the matches. */
  public PlainSnippet {
    matches = List.copyOf(matches);
  }

  /**
   * The plain form of {@code html}, a fragment as {@link Snippet#html()} holds it: character
   * references are read back into characters and each {@link Snippet#MARK_OPEN} … {@link
   * Snippet#MARK_CLOSE} becomes a match.
   *
   * @throws IllegalArgumentException when the fragment is not of that form
   */
  public static PlainSnippet of(String html) {
    StringBuilder text = new StringBuilder(html.length());
    List<Match> matches = new ArrayList<>();
    int open = -1;
    int i = 0;
    while (i < html.length()) {
      if (html.startsWith(Snippet.MARK_OPEN, i)) {
        open = text.length();
        i += Snippet.MARK_OPEN.length();
      } else if (html.startsWith(Snippet.MARK_CLOSE, i)) {
        if (open < 0) {
          throw new IllegalArgumentException("a match closes that never opened: " + html);
        }
        if (text.length() > open) {
          matches.add(new Match(open, text.length()));
        }
        open = -1;
        i += Snippet.MARK_CLOSE.length();
      } else if (html.charAt(i) == '&') {
        i = reference(html, i, text);
      } else {
        text.append(html.charAt(i));
        i++;
      }
    }
    return new PlainSnippet(text.toString(), matches);
  }

  /** Appends the character that the reference at {@code at} names; returns the offset after it. */
  private static int reference(String html, int at, StringBuilder text) {
    int semicolon = html.indexOf(';', at);
    if (semicolon < 0 || semicolon - at > 10) {
      throw new IllegalArgumentException("a bare & in " + html);
    }
    String name = html.substring(at + 1, semicolon);
    switch (name) {
      case "amp" -> text.append('&');
      case "lt" -> text.append('<');
      case "gt" -> text.append('>');
      case "quot" -> text.append('"');
      case "apos" -> text.append('\'');
      default -> {
        if (!name.startsWith("#") || name.length() < 2) {
          throw new IllegalArgumentException("unknown reference &" + name + "; in " + html);
        }
        boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
        int code = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
        text.appendCodePoint(code);
      }
    }
    return semicolon + 1;
  }
}
