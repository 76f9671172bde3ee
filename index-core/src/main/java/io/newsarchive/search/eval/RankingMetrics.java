package io.newsarchive.search.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Computes {@link QueryMetrics} of a ranked run exactly as {@code trec_eval} does. Stateless, so
 * thread-safe.
 *
 * <ul>
 *   <li>The run is ordered by score, highest first; equal scores are ordered by document id in
 *       descending string order ({@code trec_eval}'s {@code comp_sim_docno}), whatever order the
 *       run lists them in.
 *   <li>A document is relevant when its grade is at least 1; unjudged documents are not relevant.
 *   <li>nDCG@10 uses the grade as gain and {@code log2(rank + 1)} as discount; the ideal ranking
 *       puts every judged relevant document in grade order.
 *   <li>Means are taken over the queries with at least one relevant document ({@link
 *       Qrels#queriesWithRelevant()}); a query that retrieved nothing scores zero, as with {@code
 *       trec_eval -c}.
 * </ul>
 */
public final class RankingMetrics {

  /** Rank cut-off of nDCG and precision. */
  public static final int TOP = 10;

  /** Rank cut-off of recall, and the run depth the metrics assume. */
  public static final int DEPTH = 1000;

  private static final Comparator<ScoredDoc> TREC_ORDER =
      Comparator.comparingDouble(ScoredDoc::score)
          .reversed()
          .thenComparing(ScoredDoc::docId, Comparator.reverseOrder());

  private RankingMetrics() {}

  /**
   * The run in the order {@code trec_eval} ranks it: score descending, then document id descending.
   *
   * @throws IllegalArgumentException when the run lists a document twice
   */
  public static List<ScoredDoc> trecOrder(List<ScoredDoc> run) {
    List<ScoredDoc> sorted = new ArrayList<>(run);
    sorted.sort(TREC_ORDER);
    if (sorted.stream().map(ScoredDoc::docId).distinct().count() != sorted.size()) {
      throw new IllegalArgumentException("the run lists a document twice");
    }
    return sorted;
  }

  /**
   * The metrics of one query's run against its judgments.
   *
   * @param run retrieved documents in any order
   * @param judged grade by document id; documents missing from it are not relevant
   * @throws IllegalArgumentException when the run lists a document twice
   */
  public static QueryMetrics score(List<ScoredDoc> run, Map<String, Integer> judged) {
    List<Integer> relevantGrades =
        judged.values().stream().filter(g -> g > 0).sorted(Comparator.reverseOrder()).toList();
    if (relevantGrades.isEmpty()) {
      return QueryMetrics.ZERO;
    }
    List<ScoredDoc> ranked = trecOrder(run);
    double precisionSum = 0;
    double dcg = 0;
    int found = 0;
    int foundInTop = 0;
    int foundInDepth = 0;
    for (int i = 0; i < ranked.size(); i++) {
      int grade = judged.getOrDefault(ranked.get(i).docId(), 0);
      if (grade <= 0) {
        continue;
      }
      found++;
      precisionSum += (double) found / (i + 1);
      if (i < TOP) {
        foundInTop++;
        dcg += grade / log2(i + 2);
      }
      if (i < DEPTH) {
        foundInDepth++;
      }
    }
    double idealDcg = 0;
    for (int i = 0; i < Math.min(TOP, relevantGrades.size()); i++) {
      idealDcg += relevantGrades.get(i) / log2(i + 2);
    }
    int relevant = relevantGrades.size();
    return new QueryMetrics(
        precisionSum / relevant,
        dcg / idealDcg,
        (double) foundInTop / TOP,
        (double) foundInDepth / relevant);
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
