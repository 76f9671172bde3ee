package io.newsarchive.entities;

import java.util.Locale;

/**
 * What a word contributes to the features of the tokens around it, whatever the sentence: its
 * hashes, and the features it gives at each place it can take in a token's window (the word itself
 * at an offset, its shape, affixes, clusters, capitalization and corpus type). News repeats its
 * words, so these are computed once per word and kept. With a {@link FeatureTable} the features are
 * kept as their rows, so that a word's features are looked up in the model once, not at each
 * occurrence; without one, as their hashes. Immutable.
 */
final class WordFeatures {

  /** Slot of the word at offset {@code o} (-2 to 2) from a token: {@code LOWER_AT + o + 2}. */
  static final int LOWER_AT = 0;

  /** Slot of the word's shape at offset {@code o} from a token: {@code SHAPE_AT + o + 2}. */
  static final int SHAPE_AT = 5;

  static final int WORD = 10;
  static final int SUFFIX_BEFORE = 11;
  static final int SUFFIX_AFTER = 12;

  /**
   * Slot of cluster prefix {@code p} at offset {@code o} (-1 to 1): {@code CLUSTER_AT + 4(o+1) +
   * p}.
   */
  static final int CLUSTER_AT = 13;

  static final int CASE_BEFORE = CLUSTER_AT + 3 * WordLexicon.CLUSTER_PREFIXES.length;
  static final int CASE_AFTER = CASE_BEFORE + 1;
  static final int CORPUS_TYPE = CASE_AFTER + 1;
  static final int CORPUS_TYPE_SHAPE = CORPUS_TYPE + 1;

  /** The first of the affix slots, then the hyphen parts' slots. */
  private static final int AFFIXES = CORPUS_TYPE_SHAPE + 1;

  final long word;
  final long lower;
  final long shape;
  final long suffix3;
  final String lowerText;
  final WordLexicon.Info info;

  /** The word's own entry in the gazetteer's table of names ({@link Gazetteer#entry}). */
  final int listed;

  /** The same in its second layer of lists ({@link Gazetteer#alsoEntry}). */
  final int listedAlso;

  /** The features of the slots above, then the affixes, then the hyphen parts. */
  private final long[] features;

  private final int affixCount;

  WordFeatures(String text, WordLexicon lexicon, Gazetteer gazetteer, FeatureTable table) {
    lowerText = text.toLowerCase(Locale.ROOT);
    listed = gazetteer.entry(lowerText);
    listedAlso = gazetteer.alsoEntry(lowerText);
    word = TokenFeatures.hash(text);
    lower = TokenFeatures.hash(lowerText);
    shape = TokenFeatures.shapeHash(text);
    long h = TokenFeatures.FNV_OFFSET;
    for (int i = Math.max(0, lowerText.length() - 3); i < lowerText.length(); i++) {
      h = (h ^ lowerText.charAt(i)) * TokenFeatures.FNV_PRIME;
    }
    suffix3 = h;
    info = lexicon.info(text);
    long[] hyphenParts = hyphenParts(text, lowerText, lexicon);
    affixCount = 2 * Math.min(4, lowerText.length());
    features = new long[AFFIXES + affixCount + hyphenParts.length];
    for (int o = -2; o <= 2; o++) {
      features[LOWER_AT + o + 2] = TokenFeatures.f(4 + o, lower);
      features[SHAPE_AT + o + 2] = TokenFeatures.f(10 + o, shape);
    }
    features[WORD] = TokenFeatures.f(13, word);
    features[SUFFIX_BEFORE] = TokenFeatures.f(30, suffix3);
    features[SUFFIX_AFTER] = TokenFeatures.f(31, suffix3);
    long[] clusters = info.clusterPrefixes();
    int prefixes = WordLexicon.CLUSTER_PREFIXES.length;
    for (int o = -1; o <= 1; o++) {
      for (int p = 0; p < prefixes; p++) {
        features[CLUSTER_AT + prefixes * (o + 1) + p] =
            TokenFeatures.f(
                40 + prefixes * (o + 1) + p, clusters == null ? TokenFeatures.PAD : clusters[p]);
      }
    }
    features[CASE_BEFORE] = TokenFeatures.f(62, info.caseBin());
    features[CASE_AFTER] = TokenFeatures.f(63, info.caseBin());
    features[CORPUS_TYPE] = TokenFeatures.f(80, info.corpusType());
    features[CORPUS_TYPE_SHAPE] = TokenFeatures.f(81, info.corpusType(), shape);
    affixes(lowerText, features, AFFIXES);
    System.arraycopy(hyphenParts, 0, features, AFFIXES + affixCount, hyphenParts.length);
    if (table != null) {
      for (int i = 0; i < features.length; i++) {
        features[i] = table.row(features[i]);
      }
    }
  }

  /** The feature (its hash, or its row with a table) of one of the slots above. */
  long feature(int slot) {
    return features[slot];
  }

  /** Copies the word's affix features to {@code buffer} from {@code k}; returns the new end. */
  int copyAffixes(long[] buffer, int k) {
    System.arraycopy(features, AFFIXES, buffer, k, affixCount);
    return k + affixCount;
  }

  /** Copies the features of a hyphenated word's parts to {@code buffer}; returns the new end. */
  int copyHyphenParts(long[] buffer, int k) {
    int from = AFFIXES + affixCount;
    System.arraycopy(features, from, buffer, k, features.length - from);
    return k + features.length - from;
  }

  /** Prefix and suffix hashes of lengths 1 to 4, computed without building substrings. */
  private static void affixes(String lower, long[] buffer, int k) {
    int n = lower.length();
    long prefix = TokenFeatures.FNV_OFFSET;
    long suffix = TokenFeatures.FNV_OFFSET;
    for (int len = 1; len <= 4 && len <= n; len++) {
      prefix = (prefix ^ lower.charAt(len - 1)) * TokenFeatures.FNV_PRIME;
      suffix = (suffix ^ lower.charAt(n - len)) * TokenFeatures.FNV_PRIME;
      buffer[k++] = TokenFeatures.f(20 + len, prefix);
      buffer[k++] = TokenFeatures.f(25 + len, suffix);
    }
  }

  /** Features of a hyphenated word's parts: "Tripoli-based", "German-Israeli". */
  private static long[] hyphenParts(String text, String lowerText, WordLexicon lexicon) {
    int hyphen = text.indexOf('-');
    int lastHyphen = text.lastIndexOf('-');
    if (hyphen <= 0 || lastHyphen == text.length() - 1) {
      return new long[0];
    }
    String head = text.substring(0, hyphen);
    String tail = lowerText.substring(lastHyphen + 1);
    WordLexicon.Info headInfo = lexicon.info(head);
    long tailHash = TokenFeatures.hash(tail);
    long headShape = TokenFeatures.shapeHash(head);
    return new long[] {
      TokenFeatures.f(100, tailHash),
      TokenFeatures.f(101, headInfo.corpusType(), tailHash),
      TokenFeatures.f(102, headInfo.corpusType(), headShape),
      TokenFeatures.f(103, headInfo.caseBin(), headShape),
      TokenFeatures.f(
          104,
          headInfo.clusterPrefixes() == null ? TokenFeatures.PAD : headInfo.clusterPrefixes()[1]),
      TokenFeatures.f(105, TokenFeatures.hash(head.toLowerCase(Locale.ROOT)))
    };
  }
}
