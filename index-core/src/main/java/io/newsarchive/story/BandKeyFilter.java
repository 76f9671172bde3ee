package io.newsarchive.story;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * A fixed-size set of bits that tells which band keys no stored article can hold: the keys of the
 * index it was filled from and of every article added since set one bit each, picked by the top
 * {@value StoryMatcher#BAND_TERM_BYTES} bytes that the index holds of a key, so one bit per
 * possible term: a clear bit means no term, and a key whose bit is clear is looked up in no
 * segment. The lookups of an article's {@value StorySignature#BANDS} keys, nearly all held by no
 * other article, then cost a memory read each instead of a term seek per segment. Its memory stays
 * {@value #BITS} bits however large the index grows. Thread-safe.
 */
final class BandKeyFilter {

  /** Number of bits, one per term: 2 MB. */
  static final int BITS = 1 << (Byte.SIZE * StoryMatcher.BAND_TERM_BYTES);

  private final AtomicLongArray words = new AtomicLongArray(BITS / Long.SIZE);

  /** Sets the bits of every band key that {@code index} holds. */
  void addAll(IndexReader index) throws IOException {
    for (LeafReaderContext leaf : index.leaves()) {
      Terms terms = leaf.reader().terms(ArticleFields.STORY_BAND);
      if (terms == null) {
        continue;
      }
      TermsEnum termsEnum = terms.iterator();
      for (BytesRef term = termsEnum.next(); term != null; term = termsEnum.next()) {
        add(StoryMatcher.bandKey(term));
      }
    }
  }

  /** Sets the bit of {@code key}. */
  void add(long key) {
    int bit = bit(key);
    long mask = 1L << bit;
    int word = bit >>> 6;
    if ((words.get(word) & mask) == 0) {
      words.getAndUpdate(word, w -> w | mask);
    }
  }

  /** False when no article added holds {@code key}; true when one may. */
  boolean mayHold(long key) {
    int bit = bit(key);
    return (words.get(bit >>> 6) & (1L << bit)) != 0;
  }

  private static int bit(long key) {
    return (int) (key >>> (Long.SIZE - Integer.numberOfTrailingZeros(BITS)));
  }
}
