package io.newsarchive.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Joins the pieces of a firm's name that the tagger, trained on sentences where "and" and commas
 * separate names, tags apart: "S and P" and "AT and T" (letters joined by "and"), "Standard" and
 * "Poor's Corp" ("Standard and Poor's Corp": an organization of one word joined by "and" to one
 * whose first word the tagger took with its possessive) and "Smith Barney" and "Harris Upham and
 * Co" (a name, a comma, and a firm of partners that ends in a company designator), and "Standard
 * and Poor's" with only "Poor" tagged (a one-word organization with a possessive, after a
 * capitalized word and "and"). Stateless and thread-safe.
 */
final class FirmNames {

  /** The tagger's type index of organizations ({@link NerLabels#TYPES}). */
  private static final int ORG = 1;

  /** The longest initial that joins another by "and" ("AT" of "AT and T"). */
  private static final int INITIALS = 2;

  private FirmNames() {}

  /** The spans of one sentence with the pieces of firms' names joined, each as an organization. */
  static List<NerLabels.Span> join(String[] words, List<NerLabels.Span> spans) {
    List<NerLabels.Span> result = new ArrayList<>(spans.size());
    for (int k = 0; k < spans.size(); k++) {
      NerLabels.Span span = spans.get(k);
      NerLabels.Span next = k + 1 < spans.size() ? spans.get(k + 1) : null;
      int gap = span.end();
      boolean initials =
          span.end() - span.start() == 1
              && gap + 2 <= words.length
              && isAnd(words[gap])
              && isInitials(words[span.start()])
              && isInitials(words[gap + 1]);
      int opening = span.start() - 2;
      // The possessive inside the span ("Poor 's") or right after it ("Poor" "'s").
      int possessive =
          span.end() - span.start() == 2
              ? span.end() - 1
              : span.end() - span.start() == 1 ? span.end() : -1;
      boolean partner =
          span.type() == ORG
              && possessive > 0
              && opening >= 0
              && (result.isEmpty()
                  || result.get(result.size() - 1).end() <= opening
                  || result.get(result.size() - 1).start() == opening)
              && isAnd(words[span.start() - 1])
              && isCapitalized(words[opening])
              && possessive < words.length
              && words[possessive].equalsIgnoreCase("'s");
      if (partner) {
        // "Standard and Poor 's" with only "Poor" (or "Standard" apart) tagged: one firm.
        if (!result.isEmpty() && result.get(result.size() - 1).start() == opening) {
          result.remove(result.size() - 1);
        }
        result.add(new NerLabels.Span(opening, possessive + 1, ORG));
      } else if (initials) {
        result.add(new NerLabels.Span(span.start(), gap + 2, ORG));
        if (next != null && next.start() <= gap + 1) {
          k++;
        }
      } else if (next != null && next.start() == gap + 1 && joins(words, span, next)) {
        result.add(new NerLabels.Span(span.start(), next.end(), ORG));
        k++;
      } else {
        result.add(span);
      }
    }
    return result;
  }

  /** Whether two spans with one word between them are one firm's name. */
  private static boolean joins(String[] words, NerLabels.Span first, NerLabels.Span second) {
    String between = words[first.end()];
    if (isAnd(between)) {
      return first.type() == ORG
          && second.type() == ORG
          && first.end() - first.start() == 1
          && second.end() - second.start() > 1
          && words[second.start() + 1].equalsIgnoreCase("'s");
    }
    if (!between.equals(",") || second.type() != ORG || first.type() > ORG) {
      return false;
    }
    boolean partners = false;
    for (int i = second.start(); i < second.end(); i++) {
      partners |= isAnd(words[i]);
    }
    return partners && EntityNames.isDesignator(words[second.end() - 1].toLowerCase(Locale.ROOT));
  }

  private static boolean isCapitalized(String word) {
    return !word.isEmpty()
        && Character.isUpperCase(word.charAt(0))
        && word.chars().allMatch(Character::isLetter);
  }

  private static boolean isAnd(String word) {
    return word.equals("and") || word.equals("&");
  }

  private static boolean isInitials(String word) {
    if (word.isEmpty() || word.length() > INITIALS) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isUpperCase(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
