package io.newsarchive.entities;

import java.util.Locale;

/**
 * What a word contributes to the features of the tokens around it, whatever the sentence: its
 * hashes, and the features it gives a token at each offset from it in the token's window (the word
 * itself, its shape, affixes, clusters, capitalization and corpus type). News repeats its words, so
 * these are computed once per word and kept. For training they are kept as hashes. For tagging,
 * with a {@link FeatureTable}, only their weights are kept, summed offset by offset: a token adds
 * five sums for the words of its window instead of about forty rows from the model's table, which
 * were most of tagging's waits on memory. Immutable.
 */
final class WordFeatures {

  /** How far from a token the words whose features it takes reach, on either side. */
  static final int REACH = 2;

  /** Offsets in a window, from {@code -REACH} to {@code REACH}. */
  static final int OFFSETS = 2 * REACH + 1;

  final long lower;
  final long shape;
  final String lowerText;
  final WordLexicon.Info info;

  /** The word's own entry in the gazetteer's table of names ({@link Gazetteer#entry}). */
  final int listed;

  /** The same in its second layer of lists ({@link Gazetteer#alsoEntry}). */
  final int listedAlso;

  /**
   * The hashes of the features the word gives a token at offset {@code o} from it, at {@code o +
   * REACH}; null with a table.
   */
  private final long[][] byOffset;

  /**
   * With a table, the sums of the weights of those features, offset by offset, laid out as {@link
   * FeatureTable#sums} lays them out; null without.
   */
  private final float[] weights;

  WordFeatures(String text, WordLexicon lexicon, Gazetteer gazetteer, FeatureTable table) {
    lowerText = text.toLowerCase(Locale.ROOT);
    listed = gazetteer.entry(lowerText);
    listedAlso = gazetteer.alsoEntry(lowerText);
    long word = TokenFeatures.hash(text);
    lower = TokenFeatures.hash(lowerText);
    shape = TokenFeatures.shapeHash(text);
    info = lexicon.info(text);
    long suffix3 = TokenFeatures.FNV_OFFSET;
    for (int i = Math.max(0, lowerText.length() - 3); i < lowerText.length(); i++) {
      suffix3 = (suffix3 ^ lowerText.charAt(i)) * TokenFeatures.FNV_PRIME;
    }
    int affixCount = 2 * Math.min(4, lowerText.length());
    long[] hyphenParts = hyphenParts(text, lowerText, lexicon);
    long[] own = new long[3 + affixCount + hyphenParts.length];
    own[0] = TokenFeatures.f(13, word);
    own[1] = TokenFeatures.f(80, info.corpusType());
    own[2] = TokenFeatures.f(81, info.corpusType(), shape);
    affixes(lowerText, own, 3);
    System.arraycopy(hyphenParts, 0, own, 3 + affixCount, hyphenParts.length);
    long[][] hashes = byOffset(lower, shape, suffix3, info.clusterPrefixes(), info.caseBin(), own);
    byOffset = table == null ? hashes : null;
    weights = table == null ? null : table.sums(hashes);
  }

  /** A window's place with no word: before a sentence's first or after its last. */
  private WordFeatures(FeatureTable table) {
    long pad = TokenFeatures.PAD;
    lower = pad;
    shape = pad;
    lowerText = "";
    info = null;
    listed = 0;
    listedAlso = 0;
    long[][] hashes = byOffset(pad, pad, pad, null, -2, new long[0]);
    byOffset = table == null ? hashes : null;
    weights = table == null ? null : table.sums(hashes);
  }

  /** The features of the places of a window that no word fills, as {@code table} gives them. */
  static WordFeatures outside(FeatureTable table) {
    return new WordFeatures(table);
  }

  /**
   * The features a word gives a token at each offset from it: its lower case and shape at every
   * offset; its suffix, cluster prefixes and capitalization from beside the token; and, as the
   * token itself, {@code own} (the word, its corpus type, affixes and hyphen parts) and its
   * clusters.
   */
  private static long[][] byOffset(
      long lower, long shape, long suffix3, long[] clusters, int caseBin, long[] own) {
    int prefixes = WordLexicon.CLUSTER_PREFIXES.length;
    long[][] result = new long[OFFSETS][];
    for (int o = -REACH; o <= REACH; o++) {
      boolean beside = Math.abs(o) == 1;
      int n = 2 + (beside ? 2 + prefixes : 0) + (o == 0 ? prefixes + own.length : 0);
      long[] features = new long[n];
      int k = 0;
      features[k++] = TokenFeatures.f(4 + o, lower);
      features[k++] = TokenFeatures.f(10 + o, shape);
      if (beside) {
        features[k++] = TokenFeatures.f(o < 0 ? 30 : 31, suffix3);
        features[k++] = TokenFeatures.f(o < 0 ? 62 : 63, caseBin);
      }
      if (Math.abs(o) <= 1) {
        for (int p = 0; p < prefixes; p++) {
          features[k++] =
              TokenFeatures.f(
                  40 + prefixes * (o + 1) + p, clusters == null ? TokenFeatures.PAD : clusters[p]);
        }
      }
      if (o == 0) {
        System.arraycopy(own, 0, features, k, own.length);
      }
      result[o + REACH] = features;
    }
    return result;
  }

  /**
   * Copies the hashes of the features the word gives a token at offset {@code o} from it to {@code
   * buffer} from {@code k}; returns the new end. Only without a table.
   */
  int copy(int o, long[] buffer, int k) {
    long[] features = byOffset[o + REACH];
    System.arraycopy(features, 0, buffer, k, features.length);
    return k + features.length;
  }

  /** The summed weights that {@link FeatureTable#addFirst(float[], int, float[], int)} adds. */
  float[] weights() {
    return weights;
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
