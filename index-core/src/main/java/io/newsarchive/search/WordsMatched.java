package io.newsarchive.search;

import java.util.Locale;

/**
 * How many of a query's plain words the ranked articles contain: the set that the total, facets and
 * timeline count.
 *
 * @param mode all, most or any of the words
 * @param required how many words each ranked article contains at least
 * @param of how many plain words the query has
 * @param relaxed whether fewer words are required than first tried, because no article had that
 *     many
 */
public record WordsMatched(Mode mode, int required, int of, boolean relaxed) {

  /** How the required count relates to the number of words. */
  public enum Mode {
    /** Every word. */
    ALL,
    /** More than one word but not all. */
    MOST,
    /** At least one word. */
    ANY;

    /** The lower-case name used in JSON. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Checks the counts. */
  public WordsMatched {
    if (of < 1 || required < 1 || required > of) {
      throw new IllegalArgumentException("need 1 <= required <= of, got " + required + " of " + of);
    }
  }

  /** The match of {@code required} words out of {@code of}, its mode derived from the counts. */
  public static WordsMatched of(int required, int of) {
    Mode mode = required == of ? Mode.ALL : required == 1 ? Mode.ANY : Mode.MOST;
    return new WordsMatched(mode, required, of, false);
  }

  /** This match, marked as the relaxation of one that found nothing. */
  public WordsMatched asRelaxed() {
    return new WordsMatched(mode, required, of, true);
  }
}
