package io.newsarchive.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * Matches what a query matches and scores as it does, except for some documents of an earlier
 * search on the same index version, which get given scores: a rescoring that sorts, pages and
 * continues by cursor as any other score does. Valid only on the reader it was made for; never
 * cached.
 */
final class RescoredQuery extends Query {

  private final Query query;
  private final IndexReader reader;
  private final int[] docs;
  private final float[] scores;

  /**
   * {@code query}, with {@code scores[i]} for document {@code docs[i]} of {@code reader}; {@code
   * docs} ascending.
   */
  RescoredQuery(Query query, IndexReader reader, int[] docs, float[] scores) {
    if (docs.length != scores.length) {
      throw new IllegalArgumentException(docs.length + " documents, " + scores.length + " scores");
    }
    this.query = query;
    this.reader = reader;
    this.docs = docs.clone();
    this.scores = scores.clone();
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = query.rewrite(searcher);
    return rewritten == query ? this : new RescoredQuery(rewritten, reader, docs, scores);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    if (searcher.getIndexReader() != reader) {
      throw new IllegalArgumentException("document numbers of another index version");
    }
    // Every match is scored: a rescored document may score more than the query's own bound.
    ScoreMode complete = scoreMode.needsScores() ? ScoreMode.COMPLETE : scoreMode;
    Weight weight = query.createWeight(searcher, complete, boost);
    float highest = 0;
    for (float score : scores) {
      highest = Math.max(highest, score);
    }
    float ceiling = highest;
    return new FilterWeight(this, weight) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext leaf) throws IOException {
        ScorerSupplier supplier = in.scorerSupplier(leaf);
        if (supplier == null) {
          return null;
        }
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            return new Rescored(supplier.get(leadCost), leaf.docBase, ceiling);
          }

          @Override
          public long cost() {
            return supplier.cost();
          }
        };
      }

      @Override
      public boolean isCacheable(LeafReaderContext leaf) {
        return false;
      }
    };
  }

  /** A segment's scorer of the query, with the given scores where they are given. */
  private final class Rescored extends FilterScorer {
    private final int base;
    private final float ceiling;

    Rescored(Scorer in, int base, float ceiling) {
      super(in);
      this.base = base;
      this.ceiling = ceiling;
    }

    @Override
    public float score() throws IOException {
      int at = Arrays.binarySearch(docs, docID() + base);
      return at >= 0 ? scores[at] : in.score();
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return Math.max(in.getMaxScore(upTo), ceiling);
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    query.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "rescored(" + query.toString(field) + ", " + docs.length + " documents)";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && query.equals(((RescoredQuery) other).query)
        && reader == ((RescoredQuery) other).reader
        && Arrays.equals(docs, ((RescoredQuery) other).docs)
        && Arrays.equals(scores, ((RescoredQuery) other).scores);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        classHash(),
        query,
        System.identityHashCode(reader),
        Arrays.hashCode(docs),
        Arrays.hashCode(scores));
  }
}
