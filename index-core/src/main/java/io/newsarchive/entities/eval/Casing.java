package io.newsarchive.entities.eval;

import java.util.Locale;

/**
 * How an evaluation prints the test file's words: as they are, or every word in capitals (labels
 * unchanged), to measure the tagger on text in capitals against its mixed-case twin.
 */
public enum Casing {
  /** The words as the file has them. */
  AS_IS,
  /** Every word upper-cased, as in wire stories and archives printed in capitals. */
  UPPER;

  /** The words of one sentence in this casing. */
  public String[] apply(String[] words) {
    if (this == AS_IS) {
      return words;
    }
    String[] upper = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      upper[i] = words[i].toUpperCase(Locale.ROOT);
    }
    return upper;
  }
}
