package io.newsarchive.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits news text into sentences of tokens the way CoNLL-2003 does, so the tagger sees what it was
 * trained on: punctuation and possessive {@code 's} are tokens, hyphenated words and abbreviations
 * like {@code U.S.} stay whole, typographic quotes and apostrophes become ASCII. Every token keeps
 * its character offsets in the original text. Stateless and thread-safe.
 *
 * <p>Public for the entity model's training ({@code io.newsarchive.entities.train}) and evaluation
 * ({@code io.newsarchive.entities.eval}) only; not an API for other callers.
 */
public final class NewsTokenizer {

  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj", "adm", "gov",
          "sen", "rep", "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd", "bros", "vs", "no",
          "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt",
          "ft", "pres", "messrs", "u.s", "etc", "approx");

  private static final int LONGEST_ABBREVIATION =
      ABBREVIATIONS.stream().mapToInt(String::length).max().orElseThrow();

  private NewsTokenizer() {}

  /**
   * The tokens of a text, grouped in sentences.
   *
   * @param words normalized token texts
   * @param starts start offsets in the original text
   * @param ends end offsets in the original text
   * @param sentenceStarts index of each sentence's first token, ascending; first is 0
   */
  public record Tokens(String[] words, int[] starts, int[] ends, int[] sentenceStarts) {
    int size() {
      return words.length;
    }

    /** The index after the last token of sentence {@code sentence}. */
    public int sentenceEnd(int sentence) {
      return sentence + 1 < sentenceStarts.length ? sentenceStarts[sentence + 1] : words.length;
    }
  }

  /** Tokenizes {@code text}; a line break always ends a sentence. */
  public static Tokens tokenize(String text) {
    List<String> words = new ArrayList<>();
    List<int[]> offsets = new ArrayList<>();
    List<Integer> sentenceStarts = new ArrayList<>();
    int length = text.length();
    int i = 0;
    boolean newSentence = true;
    while (i < length) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        if (c == '\n') {
          newSentence = true;
        }
        i++;
        continue;
      }
      int end = i;
      while (end < length && !Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      int before = words.size();
      splitChunk(text, i, end, words, offsets);
      if (words.size() > before) {
        if (newSentence || (before > 0 && endsSentence(words.get(before - 1)))) {
          sentenceStarts.add(before);
        }
        newSentence = false;
      }
      i = end;
    }
    int n = words.size();
    int[] starts = new int[n];
    int[] ends = new int[n];
    for (int k = 0; k < n; k++) {
      starts[k] = offsets.get(k)[0];
      ends[k] = offsets.get(k)[1];
    }
    fixSentenceStarts(words, sentenceStarts);
    return new Tokens(
        words.toArray(String[]::new),
        starts,
        ends,
        sentenceStarts.stream().mapToInt(Integer::intValue).toArray());
  }

  private static boolean endsSentence(String previous) {
    return previous.equals(".")
        || previous.equals("!")
        || previous.equals("?")
        || previous.equals("...");
  }

  /** Moves a sentence start past closing quotes that belong to the sentence before. */
  private static void fixSentenceStarts(List<String> words, List<Integer> sentenceStarts) {
    for (int k = 0; k < sentenceStarts.size(); k++) {
      int start = sentenceStarts.get(k);
      int next = k + 1 < sentenceStarts.size() ? sentenceStarts.get(k + 1) : words.size();
      if (start > 0 && start + 1 < next && words.get(start).equals("\"")) {
        String after = words.get(start + 1);
        if (!Character.isUpperCase(after.charAt(0))) {
          sentenceStarts.set(k, start + 1);
        }
      }
    }
    if (sentenceStarts.isEmpty() || sentenceStarts.get(0) != 0) {
      sentenceStarts.add(0, 0);
    }
  }

  private static void splitChunk(
      String text, int start, int end, List<String> words, List<int[]> offsets) {
    List<String> tail = new ArrayList<>();
    List<int[]> tailOffsets = new ArrayList<>();
    int s = start;
    int e = end;
    while (s < e && isLeadingPunctuation(text.charAt(s))) {
      add(words, offsets, normalize(text.substring(s, s + 1)), s, s + 1);
      s++;
    }
    while (e > s) {
      char c = text.charAt(e - 1);
      if (c == '.' && keepsPeriod(text, s, e)) {
        break;
      }
      if (e - 3 >= s && text.startsWith("...", e - 3)) {
        tail.add("...");
        tailOffsets.add(new int[] {e - 3, e});
        e -= 3;
        continue;
      }
      if (!isTrailingPunctuation(c)) {
        break;
      }
      tail.add(normalize(text.substring(e - 1, e)));
      tailOffsets.add(new int[] {e - 1, e});
      e--;
    }
    if (e > s) {
      splitWord(text, s, e, words, offsets);
    }
    // The tail was collected from the end backwards.
    for (int k = tail.size() - 1; k >= 0; k--) {
      add(words, offsets, tail.get(k), tailOffsets.get(k)[0], tailOffsets.get(k)[1]);
    }
  }

  /** Splits a punctuation-free chunk at dashes, possessives and contractions. */
  private static void splitWord(
      String text, int start, int end, List<String> words, List<int[]> offsets) {
    // Searched within the chunk only: a search to the end of the text for every word made
    // tokenizing quadratic in the text's length.
    int dots = text.indexOf("..", start, end);
    if (dots > start && dots < end - 2) {
      // "said....Cocoa": an ellipsis glued between two words.
      int after = dots;
      while (after < end && text.charAt(after) == '.') {
        after++;
      }
      if (after < end) {
        splitWord(text, start, dots, words, offsets);
        add(words, offsets, "...", dots, after);
        splitWord(text, after, end, words, offsets);
        return;
      }
    }
    int dash = text.indexOf("--", start, end);
    if (dash >= start && dash < end) {
      if (dash > start) {
        splitWord(text, start, dash, words, offsets);
      }
      add(words, offsets, "--", dash, dash + 2);
      if (dash + 2 < end) {
        splitWord(text, dash + 2, end, words, offsets);
      }
      return;
    }
    String word = normalize(text.substring(start, end));
    int n = word.length();
    if (n > 2 && (word.endsWith("'s") || word.endsWith("'S"))) {
      add(words, offsets, word.substring(0, n - 2), start, end - 2);
      add(words, offsets, word.substring(n - 2), end - 2, end);
    } else if (n > 3 && word.endsWith("n't")) {
      add(words, offsets, word.substring(0, n - 3), start, end - 3);
      add(words, offsets, "n't", end - 3, end);
    } else if (n > 1 && word.endsWith("'") && Character.isLetter(word.charAt(n - 2))) {
      add(words, offsets, word.substring(0, n - 1), start, end - 1);
      add(words, offsets, "'", end - 1, end);
    } else {
      add(words, offsets, word, start, end);
    }
  }

  /** Whether the period ending {@code text[s, e)} is part of an abbreviation. */
  private static boolean keepsPeriod(String text, int s, int e) {
    // Only the last few characters decide, so a long run of periods stays linear.
    String word = text.substring(Math.max(s, e - 1 - LONGEST_ABBREVIATION - 1), e - 1);
    if (word.isEmpty()) {
      return false;
    }
    // "U.S.", "a.m.", "anti-U.S.": a letter-period pattern right before the final period.
    if (word.length() >= 3
        && word.charAt(word.length() - 2) == '.'
        && Character.isLetter(word.charAt(word.length() - 1))
        && Character.isLetter(word.charAt(word.length() - 3))) {
      return true;
    }
    if (e - 1 - s == 1 && Character.isUpperCase(word.charAt(0))) {
      return true;
    }
    return e - 1 - s <= LONGEST_ABBREVIATION
        && ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
  }

  private static boolean isLeadingPunctuation(char c) {
    return "([{\"'`\u201c\u2018\u00ab<".indexOf(c) >= 0;
  }

  private static boolean isTrailingPunctuation(char c) {
    return ")]}\"',;:!?.\u201d\u2019\u00bb>\u2026".indexOf(c) >= 0;
  }

  private static void add(List<String> words, List<int[]> offsets, String word, int s, int e) {
    words.add(word);
    offsets.add(new int[] {s, e});
  }

  /** ASCII quotes, apostrophes and dashes, as CoNLL's Reuters text has them. */
  static String normalize(String token) {
    StringBuilder out = null;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      char r =
          switch (c) {
            case '\u2018', '\u2019', '\u02bc', '`' -> '\'';
            case '\u201c', '\u201d', '\u00ab', '\u00bb' -> '"';
            case '\u2013', '\u2014' -> '-';
            case '\u2026' -> '.';
            default -> c;
          };
      if (r != c && out == null) {
        out = new StringBuilder(token.substring(0, i));
      }
      if (out != null) {
        out.append(r);
      }
    }
    String result = out == null ? token : out.toString();
    return result.equals(".") && token.equals("\u2026") ? "..." : result;
  }
}
