package io.newsarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
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
 * pairs and filters) nor the request is parsed or run again, and the feedback words are scored term
 * by term, each summed as Lucene's disjunctions sum them (in double precision, then rounded), so
 * that the scores are those of a search of the expanded query. Stateless.
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
      // The query as typed is multiplied by its boost after scoring, as its expanded form does.
      scored[i] = new ScoreDoc(first[i].doc, words.originalBoost() * first[i].score);
    }
    ScoreDoc[] byDoc = scored.clone();
    Arrays.sort(byDoc, Comparator.comparingInt(hit -> hit.doc));
    List<Weight[]> terms = termWeights(searcher, words.words());
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int from = 0;
    while (from < byDoc.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(byDoc[from].doc, leaves));
      int to = from;
      int end = leaf.docBase + leaf.reader().maxDoc();
      while (to < byDoc.length && byDoc[to].doc < end) {
        to++;
      }
      addWords(terms, leaf, Arrays.copyOfRange(byDoc, from, to));
      from = to;
    }
    return scored;
  }

  /**
   * The weights of the terms of {@code words}, a disjunction of boosted words, each a disjunction
   * of its boosted terms (title and body): one array per word, with the boosts multiplied as a
   * search of the whole query multiplies them.
   */
  private static List<Weight[]> termWeights(IndexSearcher searcher, Query words)
      throws IOException {
    List<Weight[]> weights = new ArrayList<>();
    for (BooleanClause word : clauses(words)) {
      BoostQuery boosted = (BoostQuery) word.query();
      List<BooleanClause> fields = clauses(boosted.getQuery());
      Weight[] terms = new Weight[fields.size()];
      for (int i = 0; i < terms.length; i++) {
        BoostQuery term = (BoostQuery) fields.get(i).query();
        terms[i] =
            searcher.createWeight(
                term.getQuery(), ScoreMode.COMPLETE, term.getBoost() * boosted.getBoost());
      }
      weights.add(terms);
    }
    return weights;
  }

  /** The optional clauses of {@code query}, a disjunction as the feedback words are built. */
  private static List<BooleanClause> clauses(Query query) {
    if (!(query instanceof BooleanQuery disjunction)
        || disjunction.getMinimumNumberShouldMatch() != 0
        || disjunction.clauses().stream().anyMatch(c -> c.occur() != BooleanClause.Occur.SHOULD)) {
      throw new IllegalStateException("feedback words are not a disjunction: " + query);
    }
    return disjunction.clauses();
  }

  /**
   * Adds to each of {@code hits}, documents of {@code leaf} in ascending order, the score of the
   * feedback words it holds.
   */
  private static void addWords(List<Weight[]> words, LeafReaderContext leaf, ScoreDoc[] hits)
      throws IOException {
    List<Scorer[]> scorers = new ArrayList<>(words.size());
    for (Weight[] terms : words) {
      Scorer[] termScorers = new Scorer[terms.length];
      for (int i = 0; i < terms.length; i++) {
        ScorerSupplier supplier = terms[i].scorerSupplier(leaf);
        termScorers[i] = supplier == null ? null : supplier.get(hits.length);
      }
      scorers.add(termScorers);
    }
    for (ScoreDoc hit : hits) {
      int doc = hit.doc - leaf.docBase;
      double sum = 0;
      boolean found = false;
      for (Scorer[] terms : scorers) {
        double word = 0;
        boolean matched = false;
        for (Scorer term : terms) {
          if (term != null && advance(term, doc)) {
            word += term.score();
            matched = true;
          }
        }
        if (matched) {
          sum += (float) word;
          found = true;
        }
      }
      if (found) {
        hit.score += (float) sum;
      }
    }
  }

  /** Whether {@code scorer} matches {@code doc}, advanced to it unless it is past it. */
  private static boolean advance(Scorer scorer, int doc) throws IOException {
    DocIdSetIterator iterator = scorer.iterator();
    int at = iterator.docID() < doc ? iterator.advance(doc) : iterator.docID();
    return at == doc;
  }
}
