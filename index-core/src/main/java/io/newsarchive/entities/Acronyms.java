package io.newsarchive.entities;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells whether a name in capitals ("ICCO", "SEC", "USDA") abbreviates a longer name of the same
 * article. Every word of the longer name gives the acronym its first letter, in order, and may give
 * later letters of its own too ("ICCO": International COCoa Organization); small words ("of",
 * "and") and company designators may give nothing. Stateless and thread-safe.
 */
final class Acronyms {

  /** Words an acronym may leave out. */
  private static final Set<String> SMALL_WORDS =
      Set.of("of", "and", "&", "for", "the", "de", "du", "des", "la", "le", "on", "in", "to", "at");

  /** The first letters of the designators an acronym may end with ("Corp", "Inc", "Ltd", "Plc"). */
  private static final String DESIGNATOR_INITIALS = "cilp";

  /** The most letters an acronym has. */
  private static final int LONGEST = 8;

  private Acronyms() {}

  /**
   * The letters of {@code name} when it is written like an acronym ("ICCO", "U.S.D.A.", "S&P", "S
   * and P"): two to {@value #LONGEST} capitals, apart from dots, ampersands and "and" between them;
   * empty otherwise.
   */
  static String letters(String name) {
    name = name.replace(" and ", "&");
    if (name.indexOf(' ') >= 0) {
      return "";
    }
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        letters.append(c);
      } else if (c != '.' && c != '&') {
        return "";
      }
    }
    return letters.length() >= 2 && letters.length() <= LONGEST ? letters.toString() : "";
  }

  /**
   * Whether {@code letters} (from {@link #letters}) abbreviate {@code words}, each word giving its
   * first letter at least.
   */
  static boolean abbreviates(String letters, List<String> words) {
    return spells(letters.toLowerCase(Locale.ROOT), words, true);
  }

  /** Whether {@code letters} are exactly the first letters of the words that are not small. */
  static boolean initials(String letters, List<String> words) {
    return spells(letters.toLowerCase(Locale.ROOT), words, false);
  }

  /**
   * Whether lower-case {@code letters} spell {@code words}, or spell them but for a last letter
   * that stands for a company designator the name leaves out or writes otherwise ("AMC" of
   * "American Motors", "FBC" of "First Boston Inc").
   */
  private static boolean spells(String letters, List<String> words, boolean inner) {
    if (matches(letters, 0, words, 0, inner)) {
      return true;
    }
    int last = letters.length() - 1;
    return last >= 2
        && DESIGNATOR_INITIALS.indexOf(letters.charAt(last)) >= 0
        && matches(letters.substring(0, last), 0, words, 0, inner);
  }

  private static boolean matches(
      String letters, int at, List<String> words, int word, boolean inner) {
    if (word == words.size()) {
      return at == letters.length();
    }
    String w = words.get(word).toLowerCase(Locale.ROOT);
    if (isOptional(w) && matches(letters, at, words, word + 1, inner)) {
      return true;
    }
    if (at == letters.length() || w.isEmpty() || w.charAt(0) != letters.charAt(at)) {
      return false;
    }
    if (matches(letters, at + 1, words, word + 1, inner)) {
      return true;
    }
    if (!inner) {
      return false;
    }
    // Later letters of the same word, in order: "ICCO" takes the second "c" of "cocoa".
    int next = at + 1;
    for (int i = 1; i < w.length() && next < letters.length(); i++) {
      if (w.charAt(i) == letters.charAt(next)) {
        next++;
        if (matches(letters, next, words, word + 1, true)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isOptional(String lowerWord) {
    return SMALL_WORDS.contains(lowerWord)
        || EntityNames.isDesignator(lowerWord)
        || !lowerWord.codePoints().anyMatch(Character::isLetter);
  }
}
