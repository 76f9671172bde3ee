package io.newsarchive.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The articles of one segment that hold each of its canonical names of one facet, each article
 * counted once per name however many of the name's variants it holds (the segment's values give
 * each article's names once: {@link SegmentOrdinals#canonicalNames}). A count per name, in an array
 * as long as the segment's names, made at the first match (most segments of a narrow search have
 * none), and the names counted in a list, so that reading visits those only. A match costs one
 * array read per name, where a list of every match would grow and be sorted. Cleared ({@link
 * #clear}), counts are used again by later searches ({@link Spare}): made per search, their arrays
 * were a tenth of what a page allocated. Not thread-safe.
 */
final class NameCounts {

  private final int bound;

  /** By name number, the matches that hold the name. */
  private int[] counts;

  private int[] counted = new int[16];
  private int size;

  /** Counts of the name numbers in {@code [0, bound)}. */
  NameCounts(int bound) {
    this.bound = bound;
  }

  /** Counts {@code name} for a document, which gives each of its names once. */
  void add(int name) {
    if (counts == null) {
      counts = new int[bound];
    }
    if (counts[name]++ == 0) {
      listed(name);
    }
  }

  private void listed(int name) {
    if (size == counted.length) {
      counted = Arrays.copyOf(counted, size * 2);
    }
    counted[size++] = name;
  }

  /**
   * Adds the counts of {@code other}, which counted the same names (another piece of the same
   * segment).
   */
  void addAll(NameCounts other) {
    if (other.bound != bound) {
      throw new IllegalArgumentException(
          "counts of " + other.bound + " names added to counts of " + bound);
    }
    if (other.size > 0 && counts == null) {
      counts = new int[bound];
    }
    for (int i = 0; i < other.size; i++) {
      int name = other.counted[i];
      int before = counts[name];
      counts[name] = before + other.counts[name];
      if (before == 0) {
        listed(name);
      }
    }
  }

  /**
   * The {@code wanted} names counted most, most first, each as its key in {@code keys} (by name
   * number), ties by the lower key: what {@link KeyCounts#top} gives for the same counts added by
   * those keys, without an array as long as every key. A name whose count cannot enter the best is
   * passed over without reading its key.
   */
  KeyCounts.Ranked top(int wanted, int[] keys) {
    if (wanted < 0) {
      throw new IllegalArgumentException("negative number of names " + wanted);
    }
    long[] heap = new long[wanted];
    int kept = 0;
    for (int i = 0; i < size; i++) {
      int name = counted[i];
      int count = counts[name];
      if (kept == wanted && (wanted == 0 || count < (int) (heap[0] >>> 32))) {
        continue;
      }
      kept = KeyCounts.keep(heap, kept, KeyCounts.entry(keys[name], count));
    }
    return KeyCounts.ranked(heap, kept);
  }

  /**
   * Forgets every count, keeping the arrays: zeroes the names counted, or the whole array when they
   * are many.
   */
  void clear() {
    if (counts != null) {
      if (size > counts.length / 8) {
        Arrays.fill(counts, 0);
      } else {
        for (int i = 0; i < size; i++) {
          counts[counted[i]] = 0;
        }
      }
    }
    size = 0;
  }

  /**
   * Counts of one bound that searches have finished with, for later searches to count into. A few
   * are kept: as many as searches count the same segment at once. Thread-safe.
   */
  static final class Spare {
    private static final int KEPT = 8;
    private final int bound;
    private final ConcurrentLinkedQueue<NameCounts> kept = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    /** Spare counts of the name numbers in {@code [0, bound)}. */
    Spare(int bound) {
      this.bound = bound;
    }

    /** Empty counts: kept ones, or new ones. */
    NameCounts take() {
      NameCounts counts = kept.poll();
      if (counts == null) {
        return new NameCounts(bound);
      }
      size.decrementAndGet();
      return counts;
    }

    /** Keeps {@code counts}, which nobody reads any more, cleared for a later {@link #take}. */
    void give(NameCounts counts) {
      if (counts.bound != bound || size.get() >= KEPT) {
        return;
      }
      counts.clear();
      size.incrementAndGet();
      kept.offer(counts);
    }
  }

  /** The number of distinct names counted. */
  int distinct() {
    return size;
  }

  /** Gives {@code visitor} every name counted, in the order first counted, with its count. */
  void forEach(KeyCounts.Visitor visitor) throws IOException {
    for (int i = 0; i < size; i++) {
      visitor.visit(counted[i], counts[counted[i]]);
    }
  }
}
