package io.newsarchive.search.eval;

import java.util.Collection;

/**
 * Ranking metrics of one query, or their means over a set of queries, as {@code trec_eval} names
 * them.
 *
 * @param averagePrecision {@code map}: the precision at each relevant document retrieved, summed
 *     and divided by the number of relevant documents
 * @param ndcgAt10 {@code ndcg_cut.10}: discounted cumulative gain of the top 10 (gain = grade,
 *     discount log2(rank + 1)) over that of the ideal top 10
 * @param precisionAt10 {@code P.10}: relevant documents in the top 10, divided by 10
 * @param recallAt1000 {@code recall.1000}: relevant documents in the top 1000 over all relevant
 */
public record QueryMetrics(
    double averagePrecision, double ndcgAt10, double precisionAt10, double recallAt1000) {

  /** All zero: a query that retrieved nothing relevant. */
  public static final QueryMetrics ZERO = new QueryMetrics(0, 0, 0, 0);

  /** Validates that every value lies in [0, 1]. */
  public QueryMetrics {
    for (double value : new double[] {averagePrecision, ndcgAt10, precisionAt10, recallAt1000}) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException("metric out of [0, 1]: " + value);
      }
    }
  }

  /**
   * The arithmetic mean of each metric over {@code queries}.
   *
   * @throws IllegalArgumentException when there are no queries
   */
  public static QueryMetrics mean(Collection<QueryMetrics> queries) {
    if (queries.isEmpty()) {
      throw new IllegalArgumentException("no queries to average");
    }
    double ap = 0;
    double ndcg = 0;
    double p10 = 0;
    double recall = 0;
    for (QueryMetrics query : queries) {
      ap += query.averagePrecision;
      ndcg += query.ndcgAt10;
      p10 += query.precisionAt10;
      recall += query.recallAt1000;
    }
    int n = queries.size();
    return new QueryMetrics(ap / n, ndcg / n, p10 / n, recall / n);
  }
}
