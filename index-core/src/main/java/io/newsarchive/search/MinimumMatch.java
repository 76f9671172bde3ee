package io.newsarchive.search;

import java.util.ArrayList;
import java.util.List;

/**
 * How many of a query's plain words an article must contain, in the minimum-should-match syntax of
 * Solr and Elasticsearch: {@code 3} (at least three), {@code -1} (all but one), {@code 75%} (three
 * quarters, rounded down), {@code -25%} (all but a quarter, rounded down), and conditions such as
 * {@code 2<75%} (all when there are at most two words, else 75%) or {@code 2<-1 5<80%}. Immutable
 * and thread-safe.
 */
public final class MinimumMatch {

  /** Every word. */
  public static final MinimumMatch ALL = parse("100%");

  /** Any one word. */
  public static final MinimumMatch ANY = parse("1");

  /**
   * What {@link WordMatch#AUTO} tries in turn: both words of a two-word query (any of a longer one,
   * best first, as ranked retrieval does), then any word.
   */
  private static final List<MinimumMatch> AUTO_MATCHES = List.of(parse("2<1"), ANY);

  private final String spec;
  private final List<Condition> conditions;
  private final Amount otherwise;

  /** Up to {@code words} words, the plain amount applies; above, the next condition's does. */
  private record Condition(int words, Amount amount) {}

  /** A count or a percentage, positive (that many) or negative (all but that many). */
  private record Amount(int value, boolean percent) {
    int of(int words) {
      int share = percent ? words * Math.abs(value) / 100 : Math.abs(value);
      return value < 0 ? words - share : share;
    }
  }

  private MinimumMatch(String spec, List<Condition> conditions, Amount otherwise) {
    this.spec = spec;
    this.conditions = List.copyOf(conditions);
    this.otherwise = otherwise;
  }

  /**
   * Parses a specification.
   *
   * @throws IllegalArgumentException with a message saying what is wrong and what is accepted
   */
  public static MinimumMatch parse(String spec) {
    String text = spec.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty minimum match: " + SYNTAX);
    }
    List<Condition> conditions = new ArrayList<>();
    String[] parts = text.split("\\s+");
    if (parts.length == 1 && !parts[0].contains("<")) {
      return new MinimumMatch(text, conditions, amount(parts[0]));
    }
    int previous = 0;
    for (String part : parts) {
      int less = part.indexOf('<');
      if (less < 0) {
        throw new IllegalArgumentException(
            "'" + part + "' in '" + text + "' has no '<': " + SYNTAX);
      }
      int words = wholeNumber(part.substring(0, less), part);
      if (words <= previous) {
        throw new IllegalArgumentException(
            "conditions of '" + text + "' must have increasing word counts: " + SYNTAX);
      }
      previous = words;
      conditions.add(new Condition(words, amount(part.substring(less + 1))));
    }
    return new MinimumMatch(text, conditions, null);
  }

  private static final String SYNTAX =
      "use a count (3), all but a count (-1), a percentage (75%), all but a percentage (-25%),"
          + " or conditions such as 2<75% or 2<-1 5<80%";

  private static Amount amount(String text) {
    boolean percent = text.endsWith("%");
    String number = percent ? text.substring(0, text.length() - 1) : text;
    int value = wholeNumber(number.startsWith("-") ? number.substring(1) : number, text);
    if (percent && value > 100) {
      throw new IllegalArgumentException("'" + text + "' is over 100%: " + SYNTAX);
    }
    return new Amount(number.startsWith("-") ? -value : value, percent);
  }

  private static int wholeNumber(String digits, String part) {
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("'" + part + "' is not a minimum match: " + SYNTAX);
    }
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + part + "' is too large: " + SYNTAX);
    }
  }

  /**
   * How many of {@code words} plain words an article must contain: from 1 to {@code words} (no
   * query matches with none of its words), or 0 when there are no words.
   */
  public int required(int words) {
    if (words <= 0) {
      return 0;
    }
    Amount amount = otherwise;
    if (amount == null) {
      // Solr's rule: below the first condition every word is required; above it, the amount of
      // the last condition whose word count the query exceeds.
      amount = new Amount(100, true);
      for (Condition condition : conditions) {
        if (words > condition.words()) {
          amount = condition.amount();
        }
      }
    }
    return Math.max(1, Math.min(words, amount.of(words)));
  }

  /**
   * The minimum matches of the plain words of {@code request} to try in turn, each only while the
   * ones before it found nothing: its {@link SearchParameters#MINIMUM_MATCH}, or its {@link
   * SearchParameters#OPERATOR}'s.
   */
  public static List<MinimumMatch> inTurn(SearchRequest request) {
    MinimumMatch given = request.get(SearchParameters.MINIMUM_MATCH);
    if (given != null) {
      return List.of(given);
    }
    return switch (request.get(SearchParameters.OPERATOR)) {
      case AND -> List.of(ALL);
      case OR -> List.of(ANY);
      case AUTO -> AUTO_MATCHES;
    };
  }

  /**
   * The minimum match that {@code request} asks for outright: its {@link
   * SearchParameters#MINIMUM_MATCH}, else any word for {@link WordMatch#OR} and every word for the
   * other operators, without {@link WordMatch#AUTO}'s relaxation.
   */
  public static MinimumMatch requested(SearchRequest request) {
    MinimumMatch given = request.get(SearchParameters.MINIMUM_MATCH);
    if (given != null) {
      return given;
    }
    return request.get(SearchParameters.OPERATOR) == WordMatch.OR ? ANY : ALL;
  }

  /** The specification as given, e.g. {@code 2<75%}. */
  @Override
  public String toString() {
    return spec;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MinimumMatch that && spec.equals(that.spec);
  }

  @Override
  public int hashCode() {
    return spec.hashCode();
  }
}
