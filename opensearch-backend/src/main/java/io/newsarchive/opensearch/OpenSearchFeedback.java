package io.newsarchive.opensearch;

import io.newsarchive.article.Article;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.FeedbackExpansion;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.BoostQuery;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SearchType;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.FiltersBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Pseudo-relevance feedback on OpenSearch, as {@link FeedbackExpansion} gives it locally: the best
 * {@value FeedbackExpansion#RESCORED} articles of the query as typed, the words of the best {@value
 * FeedbackExpansion#FEEDBACK_DOCS} re-analyzed here from their {@code _source}, the rare ones
 * (document counts from a {@code filters} aggregation), and the expanded query that adds their
 * weight to the rescored articles only. Thread-safe: the client and the expansion are.
 */
final class OpenSearchFeedback {

  private static final String RARE = "rare";
  private static final String WORD = "word-";

  private final OpenSearchClient client;
  private final String index;

  /** The search's time budget, as each of its requests here tells OpenSearch. */
  private final String timeout;

  private final FeedbackExpansion expansion = new FeedbackExpansion();

  /**
   * The expanded text query and its feedback words.
   *
   * @param text the text query to rank with, before the request's filters
   * @param added feedback words not in the query, heaviest first, as indexed
   */
  record Expanded(Query text, List<String> added) {}

  OpenSearchFeedback(OpenSearchClient client, String index, Duration budget) {
    this.client = client;
    this.index = index;
    this.timeout = budget.toMillis() + "ms";
  }

  /**
   * The expansion of {@code text}, the parsed text query, whose full query with the request's
   * filters is {@code typed}; empty when nothing matches or no feedback word is found.
   *
   * @throws IOException when the cluster cannot answer
   */
  Optional<Expanded> expand(org.apache.lucene.search.Query text, Query typed) throws IOException {
    SearchResponse<Map> best =
        client.search(
            s ->
                s.index(index)
                    .query(typed)
                    .timeout(timeout)
                    .searchType(SearchType.DfsQueryThenFetch)
                    .size(FeedbackExpansion.RESCORED)
                    .sort(o -> o.score(c -> c.order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field(ArticleFields.ID).order(SortOrder.Asc)))
                    .source(c ->
                        c.filter(f ->
                            f.includes(
                                ArticleFields.ID,
                                ArticleFields.SOURCE,
                                ArticleFields.TITLE,
                                ArticleFields.BODY))),
            Map.class);
    OpenSearchResponses.requireAllShards(best.shards());
    if (best.timedOut()) {
      // Out of time, the page is ranked by the query as typed, as a local search's would be.
      return Optional.empty();
    }
    List<Hit<Map>> first = best.hits().hits();
    if (first.isEmpty()) {
      return Optional.empty();
    }
    List<FeedbackExpansion.Feedback> top = new ArrayList<>();
    List<FieldValue> ids = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      @SuppressWarnings("unchecked")
      Map<String, Object> source = first.get(i).source();
      ids.add(FieldValue.of(String.valueOf(source.get(ArticleFields.ID))));
      if (i < FeedbackExpansion.FEEDBACK_DOCS) {
        Article article = ArticleSource.toArticle(source);
        top.add(
            new FeedbackExpansion.Feedback(
                article.title(), article.body(), first.get(i).score().floatValue()));
      }
    }
    Optional<FeedbackExpansion.Words> words = expansion.feedback(text, top, this::rare);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    Query original = QueryTranslation.of(new BoostQuery(text, words.get().originalBoost()));
    Query feedback = QueryTranslation.of(words.get().words());
    // The feedback words score the rescored articles only, as locally.
    Query rescored =
        Query.of(q ->
            q.bool(b ->
                b.must(feedback)
                    .filter(
                        f -> f.terms(t -> t.field(ArticleFields.ID).terms(v -> v.value(ids))))));
    Query expanded = Query.of(q -> q.bool(b -> b.must(original).should(rescored)));
    return Optional.of(new Expanded(expanded, words.get().added()));
  }

  /** Whether each word is in at most {@link FeedbackExpansion#MAX_DOCUMENT_SHARE} of the bodies. */
  private List<Boolean> rare(List<String> words) throws IOException {
    Map<String, Query> holding = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      holding.put(
          WORD + i,
          Query.of(q -> q.term(t -> t.field(ArticleFields.BODY).value(FieldValue.of(word)))));
    }
    SearchResponse<Void> response =
        client.search(
            s ->
                s.index(index)
                    .size(0)
                    .timeout(timeout)
                    .trackTotalHits(t -> t.enabled(true))
                    .aggregations(RARE, a -> a.filters(f -> f.filters(b -> b.keyed(holding)))),
            Void.class);
    OpenSearchResponses.requireAllShards(response.shards());
    if (response.timedOut()) {
      // Counts of part of the archive would call common words rare: none is taken.
      return Collections.nCopies(words.size(), false);
    }
    long articles = response.hits().total().value();
    Map<String, FiltersBucket> counts =
        response.aggregations().get(RARE).filters().buckets().keyed();
    List<Boolean> rare = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      rare.add(counts.get(WORD + i).docCount() <= FeedbackExpansion.MAX_DOCUMENT_SHARE * articles);
    }
    return rare;
  }
}
