package io.newsarchive.story;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The MinHash signature of an article's words: for each of {@value #HASHES} hash functions, the
 * smallest hash of any run of {@value #SHINGLE_WORDS} consecutive words of its title and body. Two
 * articles agree at a position with the probability that equals the Jaccard similarity of their
 * sets of word runs, so the share of equal positions estimates it. Each position keeps the low 16
 * bits of its minimum: two different minima then agree by chance once in 65,536, which moves the
 * estimate by less than a thousandth. Immutable and thread-safe.
 */
public final class StorySignature {

  /** Number of hash functions, i.e. positions of the signature. */
  public static final int HASHES = 128;

  /**
   * Number of LSH bands; two articles that agree on a whole band are candidate copies. Each band is
   * an indexed term of every article, so the bands are as few as keep the chance of finding a copy
   * at the threshold: 8 bands of 2 find copies of similarity 0.5 and more as often as 16 of 3 did,
   * with half the terms, at the cost of more candidates of similarity 0.2 to 0.4 to check.
   */
  public static final int BANDS = 8;

  /** Positions per band; the bands read the first {@code BANDS * ROWS} positions. */
  public static final int ROWS = 2;

  /** Words per shingle. */
  public static final int SHINGLE_WORDS = 5;

  /**
   * Fewest shingles a text needs for a signature: a shorter text (a headline-only item) shares too
   * few word runs with anything for the estimate to mean a copy.
   */
  public static final int MIN_SHINGLES = 20;

  // Hash function h is x -> MULTIPLIERS[h] * x + ADDENDS[h] over the mixed shingle hash x: one
  // multiplication per function, which the ingest pays for every shingle 128 times.
  private static final long[] MULTIPLIERS = new long[HASHES];
  private static final long[] ADDENDS = new long[HASHES];

  static {
    SplittableRandom random = new SplittableRandom(0x5EED_5701_0000_0001L);
    for (int h = 0; h < HASHES; h++) {
      MULTIPLIERS[h] = random.nextLong() | 1;
      ADDENDS[h] = random.nextLong();
    }
  }

  private final short[] minima;

  private StorySignature(short[] minima) {
    this.minima = minima;
  }

  /**
   * The signature of a title and body, or empty when they hold fewer than {@link #MIN_SHINGLES}
   * shingles. Words are runs of letters and digits, lower-cased.
   */
  public static Optional<StorySignature> of(String title, String body) {
    long[] words = wordHashes(title + "\n" + body);
    int shingles = words.length - SHINGLE_WORDS + 1;
    if (shingles < MIN_SHINGLES) {
      return Optional.empty();
    }
    // The minima in unsigned order, so that every bit of the hash counts alike, kept with the
    // sign bit flipped: signed order is then unsigned order, and a branch-free Math.min per hash
    // function lets the compiler use vector instructions. A minimum starts at Long.MAX_VALUE
    // (flipped: -1), as signatures have always been computed.
    long[] minima = new long[HASHES];
    Arrays.fill(minima, Long.MAX_VALUE ^ Long.MIN_VALUE);
    for (int start = 0; start < shingles; start++) {
      long shingle = 0;
      for (int i = start; i < start + SHINGLE_WORDS; i++) {
        shingle = mix(shingle * 31 + words[i]);
      }
      for (int h = 0; h < HASHES; h++) {
        minima[h] = Math.min(minima[h], (MULTIPLIERS[h] * shingle + ADDENDS[h]) ^ Long.MIN_VALUE);
      }
    }
    short[] low = new short[HASHES];
    for (int h = 0; h < HASHES; h++) {
      // The flipped sign bit is not among the low 16 bits.
      low[h] = (short) minima[h];
    }
    return Optional.of(new StorySignature(low));
  }

  /**
   * Reads a signature written by {@link #toBytes()}, as an OpenSearch index keeps it.
   *
   * @throws IllegalArgumentException when the bytes are not {@code 2 * HASHES} long
   */
  public static StorySignature fromBytes(byte[] bytes, int offset, int length) {
    if (length != 2 * HASHES) {
      throw new IllegalArgumentException("a story signature has " + 2 * HASHES + " bytes");
    }
    short[] minima = new short[HASHES];
    for (int h = 0; h < HASHES; h++) {
      int at = offset + 2 * h;
      minima[h] = (short) (((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF));
    }
    return new StorySignature(minima);
  }

  /** The signature as {@code 2 * HASHES} bytes, big-endian. */
  public byte[] toBytes() {
    byte[] bytes = new byte[2 * HASHES];
    for (int h = 0; h < HASHES; h++) {
      bytes[2 * h] = (byte) (minima[h] >> 8);
      bytes[2 * h + 1] = (byte) minima[h];
    }
    return bytes;
  }

  /** The value at {@code position}: the low 16 bits of that hash function's smallest hash. */
  short value(int position) {
    return minima[position];
  }

  /** The estimated Jaccard similarity of the two texts' shingle sets, from 0 to 1. */
  public double similarity(StorySignature other) {
    int equal = 0;
    for (int h = 0; h < HASHES; h++) {
      if (minima[h] == other.minima[h]) {
        equal++;
      }
    }
    return equal / (double) HASHES;
  }

  /**
   * One key per band, a hash of the band's number and its positions: two articles that share a key
   * agree on a whole band. With 8 bands of 2, texts of similarity 0.5 share a key with probability
   * 0.90 (1 - (1 - 0.5^2)^8), of 0.6 with 0.97, of 0.4 with 0.75, of 0.3 with 0.53, of 0.1 with
   * 0.077 and of 0.8 with 1.
   */
  public long[] bandKeys() {
    long[] keys = new long[BANDS];
    for (int band = 0; band < BANDS; band++) {
      long key = band;
      for (int row = 0; row < ROWS; row++) {
        key = mix(key * 65_537 + (minima[band * ROWS + row] & 0xFFFF));
      }
      keys[band] = key;
    }
    return keys;
  }

  private static long[] wordHashes(String text) {
    long[] words = new long[64];
    int count = 0;
    long hash = 0;
    boolean inWord = false;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        hash = hash * 31 + Character.toLowerCase(c);
        inWord = true;
      } else if (inWord) {
        if (count == words.length) {
          words = Arrays.copyOf(words, count * 2);
        }
        words[count++] = mix(hash);
        hash = 0;
        inWord = false;
      }
    }
    return Arrays.copyOf(words, count);
  }

  /** The finalizer of MurmurHash3: every input bit flips each output bit with probability 1/2. */
  private static long mix(long value) {
    long h = value;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb93fe1a85ca3L;
    h ^= h >>> 33;
    return h;
  }
}
