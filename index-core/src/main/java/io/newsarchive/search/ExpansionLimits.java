package io.newsarchive.search;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.util.automaton.RegExp;

/**
 * The cost limits of the query terms that expand to many index terms: regular expressions,
 * wildcards and fuzzy terms. Each is checked before Lucene builds the term's automaton, because
 * building it can take minutes and gigabytes for a pattern of a few characters ({@code
 * /a{0,200000}/} is quadratic), and that work happens before any time budget applies. The numbers
 * follow Elasticsearch's {@code search.max_regex_length} and {@code max_determinized_states}.
 * Stateless.
 */
public final class ExpansionLimits {

  /** Longest regular expression, in characters. */
  public static final int MAX_REGEX_LENGTH = 1000;

  /**
   * Most automaton states a regular expression or wildcard may build, estimated from its parse tree
   * before it is built, and the work limit of determinizing it.
   */
  public static final int MAX_STATES = 10_000;

  /** Longest wildcard or fuzzy term, in characters. */
  public static final int MAX_TERM_LENGTH = 255;

  /** Most {@code *} and {@code ?} characters in one wildcard term. */
  public static final int MAX_WILDCARDS = 10;

  private ExpansionLimits() {}

  /**
   * Checks a regular expression term, as written between slashes.
   *
   * @throws ParseException saying which limit the term exceeds and how to fix it, or why it does
   *     not parse
   */
  static void checkRegex(String term) throws ParseException {
    if (term.length() > MAX_REGEX_LENGTH) {
      throw new ParseException(
          "the regular expression has "
              + term.length()
              + " characters, more than the "
              + MAX_REGEX_LENGTH
              + " allowed: shorten it");
    }
    RegExp parsed;
    try {
      parsed = new RegExp(term, RegExp.ALL);
    } catch (IllegalArgumentException e) {
      throw new ParseException("invalid regular expression /" + term + "/: " + e.getMessage());
    }
    if (states(parsed) > MAX_STATES) {
      throw tooComplex("regular expression /" + shorten(term) + "/");
    }
  }

  /**
   * Checks a wildcard term (one with {@code *} or {@code ?}).
   *
   * @throws ParseException saying which limit the term exceeds and how to fix it
   */
  static void checkWildcard(String term) throws ParseException {
    if (term.length() > MAX_TERM_LENGTH) {
      throw new ParseException(
          "the wildcard term has "
              + term.length()
              + " characters, more than the "
              + MAX_TERM_LENGTH
              + " allowed: shorten it");
    }
    long wildcards = term.chars().filter(c -> c == '*' || c == '?').count();
    if (wildcards > MAX_WILDCARDS) {
      throw new ParseException(
          "the wildcard term '"
              + shorten(term)
              + "' has "
              + wildcards
              + " wildcards, more than the "
              + MAX_WILDCARDS
              + " allowed: use fewer * and ?");
    }
  }

  /**
   * Checks a fuzzy term (one followed by {@code ~}).
   *
   * @throws ParseException when the term is too long to expand
   */
  static void checkFuzzy(String term) throws ParseException {
    if (term.length() > MAX_TERM_LENGTH) {
      throw new ParseException(
          "the fuzzy term has "
              + term.length()
              + " characters, more than the "
              + MAX_TERM_LENGTH
              + " allowed: shorten it or drop the ~");
    }
  }

  /** The error for a term whose automaton would exceed {@link #MAX_STATES}. */
  static ParseException tooComplex(String what) {
    return new ParseException(
        "the "
            + what
            + " expands to more than "
            + MAX_STATES
            + " automaton states: use smaller repeat counts, fewer nested repeats or fewer"
            + " wildcards");
  }

  /**
   * An upper estimate of the states of the automaton that {@code regex} builds before
   * determinization, saturating above {@link #MAX_STATES}: repeats multiply, sequences and
   * alternatives add, an intersection is a product.
   */
  static long states(RegExp regex) {
    long states =
        switch (regex.kind) {
          case REGEXP_UNION, REGEXP_CONCATENATION -> states(regex.exp1) + states(regex.exp2);
          case REGEXP_INTERSECTION -> states(regex.exp1) * states(regex.exp2);
          case REGEXP_OPTIONAL, REGEXP_REPEAT -> states(regex.exp1) + 1;
          case REGEXP_REPEAT_MIN -> states(regex.exp1) * ((long) regex.min + 1);
          case REGEXP_REPEAT_MINMAX -> states(regex.exp1) * Math.max(1L, regex.max);
          case REGEXP_COMPLEMENT, REGEXP_DEPRECATED_COMPLEMENT -> states(regex.exp1) + 1;
          case REGEXP_STRING -> regex.s.length() + 1L;
          case REGEXP_INTERVAL -> 10L * Math.max(regex.digits, 1) + 1;
          case REGEXP_CHAR,
              REGEXP_CHAR_RANGE,
              REGEXP_CHAR_CLASS,
              REGEXP_ANYCHAR,
              REGEXP_EMPTY,
              REGEXP_ANYSTRING,
              REGEXP_AUTOMATON ->
              2;
        };
    // Saturate, so that products of nested repeats cannot overflow.
    return Math.min(states, MAX_STATES + 1L);
  }

  private static String shorten(String term) {
    return term.length() <= 40 ? term : term.substring(0, 40) + "…";
  }
}
