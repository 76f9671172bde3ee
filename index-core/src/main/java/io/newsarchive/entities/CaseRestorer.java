package io.newsarchive.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes text printed in capitals as running text would write it, before tagging: "DE GAULLE SAID
 * IN PARIS" becomes "De Gaulle said in Paris", so that a story or headline printed in capitals is
 * tagged like its mixed-case twin. The spelling of each word comes from what the model's {@link
 * WordLexicon} learned from unlabeled news: the usual running-text spelling of words that news also
 * prints in capitals ("LONDON" is "London", "OF" is "of", "NATO" stays), else how often the word is
 * capitalized in mid-sentence. Immutable and thread-safe.
 *
 * <p>Public for the entity model's training ({@code io.newsarchive.entities.train}) only; not an
 * API for other callers.
 */
public final class CaseRestorer {

  /** Capitalization bins at or below which a word is written in lower case (under 35%). */
  private static final int LOWER_CASE_BINS = 2;

  /** Unknown words in capitals this long or shorter stay in capitals: acronyms ("PSV", "FDP"). */
  private static final int ACRONYM_LENGTH = 3;

  private final WordLexicon lexicon;

  /** A restorer that spells words as the given lexicon's news text does. */
  public CaseRestorer(WordLexicon lexicon) {
    this.lexicon = lexicon;
  }

  /**
   * A document's sentences restored when the document is printed in capitals, else the sentences as
   * they are; every sentence keeps its number of words. A headline or table in capitals within a
   * mixed-case story is left to the tagger, which learned such lines from CoNLL-2003 (restoring
   * them too lowered F1 on {@code eng.testa} from 93.80 to 93.24).
   */
  public List<String[]> restore(List<String[]> sentences) {
    if (!inCapitals(sentences)) {
      return sentences;
    }
    List<String[]> result = new ArrayList<>(sentences.size());
    for (String[] words : sentences) {
      result.add(restore(words));
    }
    return result;
  }

  /**
   * One sentence in capitals, each word in capitals respelled; a word inside a name that the
   * unlabeled news holds ("WORLD CUP", "NEW YORK") is capitalized unless news always writes it in
   * lower case ("BANK OF ENGLAND").
   */
  String[] restore(String[] words) {
    String[] lower = new String[words.length];
    String[] title = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      lower[i] = words[i].toLowerCase(Locale.ROOT);
      title[i] = titleCase(lower[i]);
    }
    int[] phrases = lexicon.phraseTags(title, lower);
    String[] result = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      if (TokenFeatures.isAllCaps(word)) {
        word = respell(word);
        if (phrases[i] > 0
            && Character.isLowerCase(word.charAt(0))
            && lexicon.caseBin(word) != 0
            && lexicon.caseBin(word) != 1) {
          word = title[i];
        }
      }
      if (i == 0 && Character.isLowerCase(word.charAt(0))) {
        word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      }
      result[i] = word;
    }
    return result;
  }

  /**
   * Whether a document is printed in capitals: nine in ten of its words of two letters or more that
   * open with a letter. Tables of results or prices in a mixed-case newswire, with their many names
   * in capitals, stay under that (CoNLL-2003 has them at up to 84%).
   */
  static boolean inCapitals(List<String[]> sentences) {
    int words = 0;
    int capitals = 0;
    for (String[] sentence : sentences) {
      for (String w : sentence) {
        if (w.length() > 1 && Character.isLetter(w.charAt(0))) {
          words++;
          if (TokenFeatures.isAllCaps(w)) {
            capitals++;
          }
        }
      }
    }
    return words >= 2 && capitals * 10 >= words * 9;
  }

  private String respell(String word) {
    String usual = lexicon.runningSpelling(word);
    if (usual != null) {
      return usual;
    }
    int hyphen = word.indexOf('-');
    if (hyphen > 0 && hyphen < word.length() - 1) {
      // "TRIPOLI-BASED" is "Tripoli-based": each part as it would be written alone.
      StringBuilder parts = new StringBuilder();
      for (String part : word.split("-", -1)) {
        if (!parts.isEmpty()) {
          parts.append('-');
        }
        parts.append(TokenFeatures.isAllCaps(part) ? respell(part) : part);
      }
      return parts.toString();
    }
    String lower = word.toLowerCase(Locale.ROOT);
    String title = titleCase(lower);
    int bin = lexicon.caseBin(word);
    if (bin >= 0) {
      if (bin <= LOWER_CASE_BINS) {
        return lower;
      }
      // Capitalized mid-sentence, and written in capitals where news writes it at all: "NATO".
      return lexicon.knowsForm(word) && !lexicon.knowsForm(title) ? word : title;
    }
    if (lexicon.knowsForm(title)) {
      return title;
    }
    if (lexicon.knowsForm(lower)) {
      return lower;
    }
    return word.length() <= ACRONYM_LENGTH || lexicon.knowsForm(word) ? word : title;
  }

  private static String titleCase(String lower) {
    return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
