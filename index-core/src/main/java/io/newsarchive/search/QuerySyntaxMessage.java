package io.newsarchive.search;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;

/**
 * Says in a sentence a person can act on why a query does not parse: what is wrong, at which column
 * (counted from 1), and what to change, without the parser's internal vocabulary. Stateless.
 */
final class QuerySyntaxMessage {

  private static final Pattern LEXICAL_COLUMN = Pattern.compile("column (\\d+)");

  /** The classic parser's token kind for the end of the text. */
  private static final int END = 0;

  private QuerySyntaxMessage() {}

  /** Why {@code text} does not parse, as {@code e} tells and the text shows. */
  static String of(String text, ParseException e) {
    String hint = plainHint(text);
    if (!hint.isEmpty()) {
      return hint;
    }
    Throwable cause = e.getCause() == null ? e : e.getCause();
    if (cause instanceof ParseException parse && parse.currentToken != null) {
      return unexpected(parse.currentToken);
    }
    if (cause instanceof TokenMgrError lexical) {
      Matcher column = LEXICAL_COLUMN.matcher(String.valueOf(lexical.getMessage()));
      // The parser counts columns from 0.
      String where = column.find() ? " at column " + (Integer.parseInt(column.group(1)) + 1) : "";
      if (text.endsWith("\\")) {
        return "The query ends with a '\\', which escapes nothing: remove it.";
      }
      return "The query has a character the search cannot read"
          + where
          + ": remove it, or put the text around it in quotes.";
    }
    return ownMessage(e);
  }

  /**
   * The commonest mistakes in plain words, with where they are: an unmatched quote or an unbalanced
   * parenthesis; empty when the quotes and parentheses pair up.
   */
  static String plainHint(String text) {
    int quote = -1;
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quote = quote < 0 ? i : -1;
      } else if (quote < 0 && c == '(') {
        open.push(i);
      } else if (quote < 0 && c == ')' && open.poll() == null) {
        return "The query has a ')' without its '(' at column "
            + (i + 1)
            + ": remove it or add the '('.";
      }
    }
    if (quote >= 0) {
      return "The query has an unmatched quote at column "
          + (quote + 1)
          + ": close it or remove it (a quoted phrase is not closed).";
    }
    if (!open.isEmpty()) {
      return "The query has a '(' at column "
          + (open.peekLast() + 1)
          + " that is never closed: add the ')' or remove the '(' (a parenthesis is not closed).";
    }
    return "";
  }

  private static String unexpected(Token last) {
    Token next = last.next;
    if (next == null || next.kind == END) {
      String image = last.image == null ? "" : last.image.strip();
      return image.isEmpty()
          ? "The query is incomplete: add the words to search for."
          : "The query ends with '"
              + image
              + "', which needs a word after it: add one or remove '"
              + image
              + "'.";
    }
    return "The query has '"
        + next.image
        + "' at column "
        + (next.beginColumn + 1)
        + " where a word is expected: add a word before it, or put it in quotes to search for it"
        + " as text.";
  }

  /** The project's own refusals (unknown field, too broad a pattern) are already sentences. */
  private static String ownMessage(ParseException e) {
    String message = e.getMessage() == null ? "The query cannot be read." : e.getMessage();
    int newline = message.indexOf('\n');
    String first = newline < 0 ? message : message.substring(0, newline);
    int colon = first.indexOf("': ");
    if (first.startsWith("Cannot parse '") && colon > 0) {
      first = first.substring(colon + 3);
    }
    return first.strip();
  }
}
