package io.newsarchive.entities;

/**
 * Every feature either pass knows, in one open-addressing table, with both passes' weights side by
 * side. A slot holds a feature's hash and, right after it, its row, so that one lookup touches one
 * cache line; with the hash and the row in separate arrays, and a table per pass, a known feature
 * cost four cache misses, and the tagger looked up about seventy features per token. A row holds
 * the first pass's weight of each label and then the second pass's, zero where a pass does not know
 * the feature: the second pass adds the weights of the features the first pass added a moment
 * before, now in the cache lines next to them, where each pass's rows in an array of their own were
 * a second miss per feature (a fifth of tagging). A zero adds nothing to a sum of floats, so each
 * pass's scores are those of its own weights, to the last bit. Immutable and thread-safe.
 */
final class FeatureTable {

  /** What {@link #row} returns for a feature neither pass knows. */
  static final long UNKNOWN = -1L;

  private static final long EMPTY = 0L;
  private static final int L = NerLabels.COUNT;

  /** The feature's hash at {@code 2 * slot}, its row at {@code 2 * slot + 1}. */
  private final long[] slots;

  private final int mask;

  /** The first pass's weights of row {@code r} from {@code r * stride}, then the second pass's. */
  private final float[] weights;

  private final int stride;

  /**
   * The features and weights of {@code first} and {@code second}.
   *
   * @param second the second pass, or null when the model has one pass
   */
  FeatureTable(SequencePerceptron first, SequencePerceptron second) {
    long[] firstFeatures = first.index().featuresByRow();
    long[] secondFeatures = second == null ? new long[0] : second.index().featuresByRow();
    // At most half full: a lookup finds its feature, or the empty slot that says it is unknown,
    // within about two slots, mostly in the same cache line, in a table that is no larger than it
    // must be (4 MB for the bundled model's 126,839 features, where sizing it for both passes'
    // features apart took 8 MB).
    int features = firstFeatures.length;
    for (long feature : secondFeatures) {
      if (first.index().get(feature) < 0) {
        features++;
      }
    }
    int capacity = Integer.highestOneBit(Math.max(16, features * 2 - 1)) << 1;
    slots = new long[2 * capacity];
    mask = capacity - 1;
    // The first pass's rows keep their numbers; features only the second pass knows follow.
    int[] secondRows = new int[secondFeatures.length];
    int rows = firstFeatures.length;
    for (int row = 0; row < firstFeatures.length; row++) {
      slotOf(firstFeatures[row], row);
    }
    for (int row = 0; row < secondFeatures.length; row++) {
      int slot = slotOf(secondFeatures[row], rows);
      if (slots[2 * slot + 1] == rows) {
        rows++;
      }
      secondRows[row] = (int) slots[2 * slot + 1];
    }
    stride = second == null ? L : 2 * L;
    weights = new float[Math.max(1, rows) * stride];
    for (int row = 0; row < firstFeatures.length; row++) {
      first.copyRow(row, weights, row * stride);
    }
    for (int row = 0; row < secondFeatures.length; row++) {
      second.copyRow(row, weights, secondRows[row] * stride + L);
    }
  }

  /** The feature's row, or {@link #UNKNOWN} where neither pass knows it. */
  long row(long feature) {
    long key = feature == EMPTY ? 1L : feature;
    int slot = (int) FeatureIndex.mix(key) & mask;
    while (true) {
      long k = slots[2 * slot];
      if (k == key) {
        return slots[2 * slot + 1];
      }
      if (k == EMPTY) {
        return UNKNOWN;
      }
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Adds the first pass's weights of feature row {@code row} to {@code scores}, label {@code y} at
   * {@code base + y}.
   */
  void addFirst(long row, float[] scores, int base) {
    int from = (int) row * stride;
    for (int y = 0; y < L; y++) {
      scores[base + y] += weights[from + y];
    }
  }

  /** The same with the second pass's weights; only for a model of two passes. */
  void addSecond(long row, float[] scores, int base) {
    int from = (int) row * stride + L;
    for (int y = 0; y < L; y++) {
      scores[base + y] += weights[from + y];
    }
  }

  /**
   * The sums of the weights of each list of feature hashes, list {@code l} laid out as a row: the
   * first pass's weight of each label, then the second pass's. A feature neither pass knows adds
   * nothing.
   */
  float[] sums(long[][] features) {
    float[] sums = new float[features.length * stride];
    for (int l = 0; l < features.length; l++) {
      for (long feature : features[l]) {
        long row = row(feature);
        if (row >= 0) {
          int from = (int) row * stride;
          for (int y = 0; y < stride; y++) {
            sums[l * stride + y] += weights[from + y];
          }
        }
      }
    }
    return sums;
  }

  /** Adds the first pass's weights of list {@code l} of {@code sums} (from {@link #sums}). */
  void addFirst(float[] sums, int l, float[] scores, int base) {
    int from = l * stride;
    for (int y = 0; y < L; y++) {
      scores[base + y] += sums[from + y];
    }
  }

  /** The same with the second pass's weights; only for a model of two passes. */
  void addSecond(float[] sums, int l, float[] scores, int base) {
    int from = l * stride + L;
    for (int y = 0; y < L; y++) {
      scores[base + y] += sums[from + y];
    }
  }

  /**
   * The slot of a feature hash, claimed with row {@code next} when it is new (a feature hash is
   * never {@link #EMPTY}: {@link #row} looks 0 up as 1, and so it is stored).
   */
  private int slotOf(long feature, int next) {
    long key = feature == EMPTY ? 1L : feature;
    int slot = (int) FeatureIndex.mix(key) & mask;
    while (slots[2 * slot] != key) {
      if (slots[2 * slot] == EMPTY) {
        slots[2 * slot] = key;
        slots[2 * slot + 1] = next;
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return slot;
  }
}
