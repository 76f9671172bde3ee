package io.newsarchive.opensearch;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.SpellingCorrector;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SuggestMode;
import org.opensearch.client.opensearch._types.aggregations.FiltersBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.FieldSuggester;
import org.opensearch.client.opensearch.core.search.Suggest;
import org.opensearch.client.opensearch.core.search.TermSuggestOption;

/**
 * The words of an OpenSearch index of {@link OpenSearchSchema}, asked in one search: a {@code
 * filters} aggregation counts the articles whose headline or body holds each word, and a {@code
 * term} suggester per word proposes close body words more popular than it, which is Lucene's direct
 * spell checker with the defaults the local corrector uses; the first that {@link
 * SpellingCorrector#worthSuggesting} accepts is the correction. Thread-safe: the client is.
 */
final class OpenSearchVocabulary implements SpellingCorrector.Vocabulary {

  private static final String KNOWN = "known";
  private static final String WORD = "word-";

  private final OpenSearchClient client;
  private final String index;

  /** The search's time budget, as the request tells OpenSearch. */
  private final String timeout;

  OpenSearchVocabulary(OpenSearchClient client, String index, Duration budget) {
    this.client = client;
    this.index = index;
    this.timeout = budget.toMillis() + "ms";
  }

  @Override
  public Map<String, String> corrections(Set<String> words) throws IOException {
    List<String> ordered = new ArrayList<>(words);
    Map<String, Query> holding = new HashMap<>();
    Map<String, FieldSuggester> suggesters = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      String word = ordered.get(i);
      holding.put(
          WORD + i,
          Query.of(q ->
              q.bool(b ->
                  b.should(s ->
                          s.term(
                              t -> t.field(ArticleFields.TITLE_EXACT).value(FieldValue.of(word))))
                      .should(s ->
                          s.term(t ->
                              t.field(ArticleFields.BODY_EXACT).value(FieldValue.of(word)))))));
      suggesters.put(
          WORD + i,
          FieldSuggester.of(f ->
              f.text(word)
                  .term(t ->
                      t.field(ArticleFields.BODY_EXACT)
                          .size(SpellingCorrector.CANDIDATES)
                          .suggestMode(SuggestMode.Popular))));
    }
    SearchResponse<Void> response =
        client.search(
            s ->
                s.index(index)
                    .size(0)
                    .timeout(timeout)
                    .aggregations(KNOWN, a -> a.filters(f -> f.filters(b -> b.keyed(holding))))
                    .suggest(g -> g.suggesters(suggesters)),
            Void.class);
    OpenSearchResponses.requireAllShards(response.shards());
    if (response.timedOut()) {
      // Out of time, no spelling is offered, as locally.
      return Map.of();
    }
    Map<String, FiltersBucket> known =
        response.aggregations().get(KNOWN).filters().buckets().keyed();
    Map<String, String> corrections = new HashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      long articles = known.get(WORD + i).docCount();
      List<Suggest<Void>> suggested = response.suggest().get(WORD + i);
      List<TermSuggestOption> options =
          suggested == null || suggested.isEmpty() ? List.of() : suggested.get(0).term().options();
      for (TermSuggestOption option : options) {
        // OpenSearch walks two edits wide for every word; the rule keeps those it allows.
        if (SpellingCorrector.worthSuggesting(
            ordered.get(i), articles, option.text(), option.freq())) {
          corrections.put(ordered.get(i), option.text());
          break;
        }
      }
    }
    return corrections;
  }
}
