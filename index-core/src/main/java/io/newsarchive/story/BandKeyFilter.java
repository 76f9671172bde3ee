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
 * index it was filled from and of every article added since set one bit each, picked by the key's
 * top bits (the keys are hashes already, and the index holds only their top bytes). A key whose bit
 * is clear is looked up in no segment, so that the lookups of an article's {@value
 * StorySignature#BANDS} keys, nearly all held by no other article, cost a memory read each instead
 * of a term seek per segment. Its memory stays {@value #BITS} bits however large the index grows;
 * only the share of needless seeks grows with it. Thread-safe.
 */
final class BandKeyFilter {

  /** Number of bits: 16 MB, about 1 needless seek in 35 at four million keys. */
  static final int BITS = 1 << 27;

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
