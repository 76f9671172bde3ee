/**
 * Measuring ranking quality on judged queries: TREC relevance judgments, the ranking metrics of
 * {@code trec_eval} (MAP, nDCG@10, P@10, recall at 1000) and TREC run files.
 */
package io.newsarchive.search.eval;
