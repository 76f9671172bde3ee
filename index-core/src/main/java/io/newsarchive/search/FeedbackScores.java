package io.newsarchive.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * The scores that the expanded query of a {@link FeedbackExpansion} gives the articles it rescores,
 * computed from their scores as typed instead of searching them again: the query as typed weighs
 * {@link FeedbackExpansion.Words#originalBoost()} of its score, and the feedback words add theirs,
 * read from the postings of those articles alone. Neither the query as typed (its phrases, word
 * pairs and filters) nor the request is parsed or run again. Stateless.
 */
final class FeedbackScores {

  private FeedbackScores() {}

  /**
   * The articles of {@code first}, a search of the query as typed on {@code searcher}'s index
   * version, each with the score of the query expanded by {@code words}: the original score times
   * the original boost plus the score of the feedback words found in it; in the order of {@code
   * first}.
   *
   * @throws IOException when the postings cannot be read
   */
  static ScoreDoc[] of(IndexSearcher searcher, FeedbackExpansion.Words words, ScoreDoc[] first)
      throws IOException {
    ScoreDoc[] scored = new ScoreDoc[first.length];
    for (int i = 0; i < first.length; i++) {
      // The boost scales every clause of the original query alike, so it scales the sum.
      scored[i] = new ScoreDoc(first[i].doc, words.originalBoost() * first[i].score);
    }
    ScoreDoc[] byDoc = scored.clone();
    Arrays.sort(byDoc, Comparator.comparingInt(hit -> hit.doc));
    Weight weight = searcher.createWeight(searcher.rewrite(words.words()), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int from = 0;
    while (from < byDoc.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(byDoc[from].doc, leaves));
      int to = from;
      int end = leaf.docBase + leaf.reader().maxDoc();
      while (to < byDoc.length && byDoc[to].doc < end) {
        to++;
      }
      addWords(weight.scorerSupplier(leaf), leaf.docBase, Arrays.copyOfRange(byDoc, from, to));
      from = to;
    }
    return scored;
  }

  /**
   * Adds to each of {@code hits}, documents of one segment in ascending order, the score of the
   * feedback words it holds.
   */
  private static void addWords(ScorerSupplier supplier, int docBase, ScoreDoc[] hits)
      throws IOException {
    if (supplier == null) {
      return;
    }
    Scorer scorer = supplier.get(hits.length);
    DocIdSetIterator words = scorer.iterator();
    for (ScoreDoc hit : hits) {
      int doc = hit.doc - docBase;
      int at = words.docID() < doc ? words.advance(doc) : words.docID();
      if (at == DocIdSetIterator.NO_MORE_DOCS) {
        return;
      }
      if (at == doc) {
        hit.score += scorer.score();
      }
    }
  }
}
