package io.newsarchive.search;

import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Matches the hits of an earlier search on the same index version by their document numbers, which
 * is what a second pass over those hits needs: no lookup of their ids in the terms of each segment.
 * Valid only on the reader it was made for; it is never cached.
 */
final class DocIdsQuery extends Query {

  private final IndexReader reader;
  private final int[] docs;

  /** The documents of {@code hits}, distinct document numbers of {@code reader}. */
  DocIdsQuery(IndexReader reader, ScoreDoc[] hits) {
    this.reader = reader;
    int[] sorted = new int[hits.length];
    for (int i = 0; i < hits.length; i++) {
      sorted[i] = hits[i].doc;
    }
    Arrays.sort(sorted);
    this.docs = sorted;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    if (searcher.getIndexReader() != reader) {
      throw new IllegalArgumentException("document numbers of another index version");
    }
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext leaf) {
        int from = position(leaf.docBase);
        int to = position(leaf.docBase + leaf.reader().maxDoc());
        if (from == to) {
          return null;
        }
        DocIdSetIterator iterator = new Slice(docs, from, to, leaf.docBase);
        return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, iterator));
      }

      @Override
      public boolean isCacheable(LeafReaderContext leaf) {
        return false;
      }
    };
  }

  /** Where {@code doc} is or would be in {@link #docs}. */
  private int position(int doc) {
    int at = Arrays.binarySearch(docs, doc);
    return at < 0 ? -at - 1 : at;
  }

  /** The documents of one segment: {@code docs[from..to)} less the segment's base. */
  private static final class Slice extends DocIdSetIterator {
    private final int[] docs;
    private final int to;
    private final int base;
    private int at;
    private int doc = -1;

    Slice(int[] docs, int from, int to, int base) {
      this.docs = docs;
      this.to = to;
      this.base = base;
      this.at = from - 1;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      at++;
      return doc = at < to ? docs[at] - base : NO_MORE_DOCS;
    }

    @Override
    public int advance(int target) {
      int found = Arrays.binarySearch(docs, at + 1, to, target + base);
      at = found < 0 ? -found - 1 : found;
      return doc = at < to ? docs[at] - base : NO_MORE_DOCS;
    }

    @Override
    public long cost() {
      return to - at - 1;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "docs" + Arrays.toString(docs);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && reader == ((DocIdsQuery) other).reader
        && Arrays.equals(docs, ((DocIdsQuery) other).docs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), System.identityHashCode(reader), Arrays.hashCode(docs));
  }
}
