package io.newsarchive.index;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A fixed-size bit filter of the article ids a run has written: an id whose bit is clear was
 * certainly not written, one whose bit is set may have been. An ingest into an index that was empty
 * when it was opened asks it before looking an id up in the index: only what the run wrote can be
 * there, so a new id costs no seek in every segment. 2 MB, whatever the run's size; at a million
 * ids about one in sixteen new ids is looked up all the same. Thread-safe.
 */
final class WrittenIds {

  private static final int BITS = 1 << 24;

  private final AtomicLongArray words = new AtomicLongArray(BITS / 64);

  /** Records that {@code id} was written. */
  void add(String id) {
    int bit = bit(id);
    long mask = 1L << bit;
    words.getAndAccumulate(bit >>> 6, mask, (word, m) -> word | m);
  }

  /** Whether {@code id} may have been written: false when it certainly was not. */
  boolean mayHold(String id) {
    int bit = bit(id);
    return (words.get(bit >>> 6) & (1L << bit)) != 0;
  }

  private static int bit(String id) {
    // Ids of one source differ in a few characters; mixing spreads their hash codes over the bits.
    long z = id.hashCode() * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    return (int) (z >>> 40) & (BITS - 1);
  }
}
