package io.newsarchive.entities;

/**
 * Both passes' rows of every feature in one open-addressing table. A slot holds a feature's hash
 * and, right after it, the feature's row in each pass, so that one lookup touches one cache line
 * and serves both passes; with the hash and the row in separate arrays, and a table per pass, a
 * known feature cost four cache misses, and the tagger looks up about seventy features per token.
 * Finds exactly the rows each pass's {@link FeatureIndex} holds. Immutable and thread-safe.
 */
final class FeatureTable {

  /** What {@link #rows} returns for a feature neither pass knows: both rows -1. */
  static final long UNKNOWN = -1L;

  private static final long EMPTY = 0L;

  /** The feature's hash at {@code 2 * slot}, its rows at {@code 2 * slot + 1}. */
  private final long[] slots;

  private final int mask;

  /**
   * The rows of the features of {@code first} and {@code second}.
   *
   * @param second the second pass's features, or null when the model has one pass
   */
  FeatureTable(FeatureIndex first, FeatureIndex second) {
    long[] firstFeatures = first.featuresByRow();
    long[] secondFeatures = second == null ? new long[0] : second.featuresByRow();
    int capacity =
        Integer.highestOneBit(Math.max(16, (firstFeatures.length + secondFeatures.length) * 2 - 1))
            << 1;
    slots = new long[2 * capacity];
    mask = capacity - 1;
    for (int row = 0; row < firstFeatures.length; row++) {
      int slot = slotOf(firstFeatures[row]);
      slots[2 * slot + 1] = pack(row, (int) (slots[2 * slot + 1] >>> 32));
    }
    for (int row = 0; row < secondFeatures.length; row++) {
      int slot = slotOf(secondFeatures[row]);
      slots[2 * slot + 1] = pack((int) slots[2 * slot + 1], row);
    }
  }

  /**
   * The feature's row in the first pass in the low 32 bits and in the second pass in the high 32
   * bits, each -1 where that pass does not know the feature.
   */
  long rows(long feature) {
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

  /** The slot of a stored feature hash, claimed with both rows -1 when it is new. */
  private int slotOf(long key) {
    int slot = (int) FeatureIndex.mix(key) & mask;
    while (slots[2 * slot] != key) {
      if (slots[2 * slot] == EMPTY) {
        slots[2 * slot] = key;
        slots[2 * slot + 1] = UNKNOWN;
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static long pack(int firstRow, int secondRow) {
    return (firstRow & 0xffffffffL) | ((long) secondRow << 32);
  }
}
