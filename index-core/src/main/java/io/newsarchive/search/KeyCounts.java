package io.newsarchive.search;

import java.io.IOException;
import java.util.Arrays;

/**
 * Counts of keys from zero up to a bound, such as the ordinals of a field's values in one segment:
 * while few keys were counted, a list of them, sorted when read; once many, an array as long as the
 * bound. A search that matches a handful of articles so allocates nothing in proportion to the
 * number of values of a field, and one that matches most of them pays one array write per value.
 * Not thread-safe.
 */
final class KeyCounts {

  /** Receives the counted keys in ascending order, each with its non-zero count. */
  interface Visitor {
    void visit(int key, int count) throws IOException;
  }

  /**
   * Up to this bound the counts start as an array: a few kilobytes, cheaper to clear and to scan
   * than a list is to grow and sort (sources, places, the days of a year).
   */
  private static final int DENSE_UP_TO = 2048;

  private final int bound;
  private long[] listed;
  private int size;
  private int[] dense;
  private boolean sorted = true;

  /** Counts of keys in {@code [0, bound)}. */
  KeyCounts(int bound) {
    if (bound < 0) {
      throw new IllegalArgumentException("negative bound " + bound);
    }
    this.bound = bound;
    if (bound <= DENSE_UP_TO) {
      dense = new int[bound];
    } else {
      listed = new long[16];
    }
  }

  /** Counts {@code key} once: the per-match call, so the array's own bounds check guards it. */
  void add(int key) {
    int[] counts = dense;
    if (counts != null) {
      counts[key]++;
    } else {
      add(key, 1);
    }
  }

  /** Counts {@code key} {@code count} times. */
  void add(int key, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("negative count " + count);
    }
    if (key < 0 || key >= bound) {
      throw new IndexOutOfBoundsException("key " + key + " outside [0, " + bound + ")");
    }
    if (dense != null) {
      dense[key] += count;
      return;
    }
    if (size == listed.length) {
      // The list holds a key and its count in one long; past a quarter of the bound an array of
      // counts takes at most twice its memory and needs no sorting.
      if (size >= bound / 4) {
        toDense();
        dense[key] += count;
        return;
      }
      listed = Arrays.copyOf(listed, Math.min(size * 2, Math.max(bound / 4, 16)));
    }
    listed[size++] = ((long) key << 32) | count;
    sorted = false;
  }

  /**
   * Prepares for {@code keys} more distinct keys, so that counts as many as a quarter of the bound
   * go straight into the array instead of growing the list first, and fewer into a list grown once.
   */
  void expect(int keys) {
    if (dense == null && (long) size + keys >= bound / 4) {
      toDense();
    } else if (dense == null && size + keys > listed.length) {
      // Grown once to the expected size rather than doubled up to it.
      listed = Arrays.copyOf(listed, size + keys);
    }
  }

  /** An upper bound on the number of distinct keys counted so far. */
  int distinctAtMost() {
    return dense != null ? bound : size;
  }

  private void toDense() {
    dense = new int[bound];
    for (int i = 0; i < size; i++) {
      dense[(int) (listed[i] >>> 32)] += (int) listed[i];
    }
    listed = null;
    size = 0;
  }

  /** Gives {@code visitor} every key counted, in ascending order, with its count. */
  void forEach(Visitor visitor) throws IOException {
    if (dense != null) {
      for (int key = 0; key < bound; key++) {
        if (dense[key] > 0) {
          visitor.visit(key, dense[key]);
        }
      }
      return;
    }
    compact();
    for (int i = 0; i < size; i++) {
      visitor.visit((int) (listed[i] >>> 32), (int) listed[i]);
    }
  }

  /**
   * The {@code wanted} keys counted most often, most first, ties by key: one pass over the counts,
   * keeping the best in a small heap, without boxing.
   */
  Ranked top(int wanted) {
    if (wanted < 0) {
      throw new IllegalArgumentException("negative number of keys " + wanted);
    }
    // A key and its count in one long, larger for the better of two: more counts, then lower key.
    long[] heap = new long[wanted];
    int kept = 0;
    if (dense != null) {
      for (int key = 0; key < bound; key++) {
        if (dense[key] > 0) {
          kept = keep(heap, kept, entry(key, dense[key]));
        }
      }
    } else {
      compact();
      for (int i = 0; i < size; i++) {
        int key = (int) (listed[i] >>> 32);
        kept = keep(heap, kept, entry(key, (int) listed[i]));
      }
    }
    return ranked(heap, kept);
  }

  /** A key and its count as {@link #keep} orders them: more counts first, then the lower key. */
  static long entry(int key, int count) {
    return ((long) count << 32) | (Integer.MAX_VALUE - key);
  }

  /** The {@code kept} entries of {@code heap} ({@link #keep}), best first. */
  static Ranked ranked(long[] heap, int kept) {
    long[] best = Arrays.copyOf(heap, kept);
    Arrays.sort(best);
    int[] keys = new int[kept];
    int[] counts = new int[kept];
    for (int i = 0; i < kept; i++) {
      long entry = best[kept - 1 - i];
      keys[i] = Integer.MAX_VALUE - (int) entry;
      counts[i] = (int) (entry >>> 32);
    }
    return new Ranked(keys, counts);
  }

  /**
   * Keeps {@code entry} ({@link #entry}) in the min-heap of the best {@code heap.length}; returns
   * the new size.
   */
  static int keep(long[] heap, int kept, long entry) {
    if (kept < heap.length) {
      int at = kept;
      while (at > 0 && heap[(at - 1) / 2] > entry) {
        heap[at] = heap[(at - 1) / 2];
        at = (at - 1) / 2;
      }
      heap[at] = entry;
      return kept + 1;
    }
    if (kept == 0 || entry <= heap[0]) {
      return kept;
    }
    int at = 0;
    while (true) {
      int child = 2 * at + 1;
      if (child >= kept) {
        break;
      }
      if (child + 1 < kept && heap[child + 1] < heap[child]) {
        child++;
      }
      if (heap[child] >= entry) {
        break;
      }
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = entry;
    return kept;
  }

  /** Keys and their counts, best first. */
  record Ranked(int[] keys, int[] counts) {

    /** The first {@code size} of them, or all when they are fewer. */
    Ranked first(int size) {
      return size >= keys.length
          ? this
          : new Ranked(Arrays.copyOf(keys, size), Arrays.copyOf(counts, size));
    }
  }

  /**
   * Sorts the listed keys and merges repeats; until the next {@link #add}, reading the counts then
   * changes nothing, so that several threads may read them.
   */
  void compact() {
    if (sorted || dense != null) {
      return;
    }
    Arrays.sort(listed, 0, size);
    int merged = 0;
    for (int i = 0; i < size; ) {
      long key = listed[i] >>> 32;
      int count = 0;
      while (i < size && listed[i] >>> 32 == key) {
        count += (int) listed[i++];
      }
      listed[merged++] = (key << 32) | count;
    }
    size = merged;
    sorted = true;
  }
}
