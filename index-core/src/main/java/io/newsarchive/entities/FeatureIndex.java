package io.newsarchive.entities;

import java.util.Arrays;

/**
 * An open-addressing map from 64-bit feature hashes to dense row numbers. Features are hashed
 * rather than kept as strings so that computing them allocates nothing. Not thread-safe while it
 * grows; read-only use after training is thread-safe.
 *
 * <p>Public for the entity model's training ({@code io.newsarchive.entities.train}) and evaluation
 * ({@code io.newsarchive.entities.eval}) only; not an API for other callers.
 */
public final class FeatureIndex {

  private static final long EMPTY = 0L;

  private long[] keys;
  private int[] rows;
  private int size;

  /** An empty index sized for about {@code expected} features. */
  public FeatureIndex(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    rows = new int[capacity];
  }

  /** The number of features, which is the number of rows. */
  public int size() {
    return size;
  }

  /** The row of a feature, or -1 when the feature is unknown. */
  int get(long feature) {
    long key = feature == EMPTY ? 1L : feature;
    int mask = keys.length - 1;
    int slot = (int) mix(key) & mask;
    while (true) {
      long k = keys[slot];
      if (k == key) {
        return rows[slot];
      }
      if (k == EMPTY) {
        return -1;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The row of a feature, adding it with the next free row when it is new. */
  public int add(long feature) {
    int row = get(feature);
    if (row >= 0) {
      return row;
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    insert(feature == EMPTY ? 1L : feature, size);
    return size++;
  }

  /** The feature hashes by row. */
  public long[] featuresByRow() {
    long[] result = new long[size];
    for (int slot = 0; slot < keys.length; slot++) {
      if (keys[slot] != EMPTY) {
        result[rows[slot]] = keys[slot];
      }
    }
    return result;
  }

  private void insert(long key, int row) {
    int mask = keys.length - 1;
    int slot = (int) mix(key) & mask;
    while (keys[slot] != EMPTY) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    rows[slot] = row;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldRows = rows;
    keys = new long[oldKeys.length * 2];
    rows = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    for (int slot = 0; slot < oldKeys.length; slot++) {
      if (oldKeys[slot] != EMPTY) {
        insert(oldKeys[slot], oldRows[slot]);
      }
    }
  }

  /** A strong 64-bit finalizer (from SplitMix64), used for slots and for combining features. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
