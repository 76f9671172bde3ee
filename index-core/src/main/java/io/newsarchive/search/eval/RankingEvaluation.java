package io.newsarchive.search.eval;

import io.newsarchive.search.Hit;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs judged queries through {@link SearchBackend#search}, the call behind {@code /api/search},
 * with the parameters of a base request (every default, or those a caller chose) except the query
 * text and the paging, and scores the runs with {@link RankingMetrics}. Thread-safe: it holds no
 * state between calls.
 */
public final class RankingEvaluation {

  private RankingEvaluation() {}

  /**
   * The outcome of an evaluation.
   *
   * @param runs retrieved documents by query id, in {@code trec_eval} order, at most {@link
   *     RankingMetrics#DEPTH}
   * @param metrics metrics by query id
   * @param mean mean metrics over every query in {@code metrics}
   * @param zeroHits ids of the queries that matched no article
   */
  public record Result(
      Map<String, List<ScoredDoc>> runs,
      Map<String, QueryMetrics> metrics,
      QueryMetrics mean,
      List<String> zeroHits) {

    /** Copies the collections. */
    public Result {
      runs = Collections.unmodifiableMap(new LinkedHashMap<>(runs));
      metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
      zeroHits = List.copyOf(zeroHits);
    }
  }

  /**
   * Searches each query of {@code qrels} that has a relevant document ({@link
   * Qrels#queriesWithRelevant()}) and scores its top {@link RankingMetrics#DEPTH} hits.
   *
   * @param base the request each query is searched with; its query text, page size and cursor are
   *     replaced
   * @param queries query text by id, passed to the backend as it is
   * @throws IllegalArgumentException when a judged query has no text in {@code queries}
   * @throws io.newsarchive.search.InvalidRequestException when a query does not parse
   * @throws IOException when the index cannot be read
   */
  public static Result run(
      SearchBackend backend, SearchRequest base, Map<String, String> queries, Qrels qrels)
      throws IOException {
    Map<String, List<ScoredDoc>> runs = new LinkedHashMap<>();
    Map<String, QueryMetrics> metrics = new LinkedHashMap<>();
    List<String> zeroHits = new ArrayList<>();
    for (String id : qrels.queriesWithRelevant()) {
      String text = queries.get(id);
      if (text == null) {
        throw new IllegalArgumentException("query " + id + " is judged but has no text");
      }
      List<ScoredDoc> run = RankingMetrics.trecOrder(retrieve(backend, base, text));
      if (run.isEmpty()) {
        zeroHits.add(id);
      }
      runs.put(id, run);
      metrics.put(id, RankingMetrics.score(run, qrels.judged(id)));
    }
    return new Result(runs, metrics, QueryMetrics.mean(metrics.values()), zeroHits);
  }

  /**
   * The top hits of one query, following the cursor page by page down to the depth.
   *
   * @throws IOException when a page ran past the backend's time budget: its partial hits would
   *     score the machine's load, not the ranking
   */
  static List<ScoredDoc> retrieve(SearchBackend backend, SearchRequest base, String text)
      throws IOException {
    List<ScoredDoc> run = new ArrayList<>();
    Optional<String> cursor = Optional.of("");
    while (cursor.isPresent() && run.size() < RankingMetrics.DEPTH) {
      int size = Math.min(SearchParameters.MAX_SIZE, RankingMetrics.DEPTH - run.size());
      SearchRequest request =
          base.with(SearchParameters.PAGE, 1)
              .with(SearchParameters.QUERY, text)
              .with(SearchParameters.SIZE, size)
              .with(SearchParameters.CURSOR, cursor.get());
      SearchResult result = backend.search(request);
      if (result.timedOut()) {
        throw new IOException(
            "query '"
                + text
                + "' ran past the time budget at rank "
                + run.size()
                + "; give it more with --time-budget-ms");
      }
      for (Hit hit : result.hits()) {
        run.add(new ScoredDoc(hit.id(), hit.score()));
      }
      cursor = result.hits().isEmpty() ? Optional.empty() : result.nextCursor();
    }
    return run;
  }
}
