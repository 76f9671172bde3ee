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
      if (size == counted.length) {
        counted = Arrays.copyOf(counted, size * 2);
      }
      counted[size++] = name;
    }
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
