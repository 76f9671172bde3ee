package io.newsarchive.opensearch;

import io.newsarchive.search.RequestFilters;
import java.util.List;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * Combines a translated text query ({@link QueryTranslation}) with the filters of its request
 * ({@link RequestFilters}) as the local parser combines them. Stateless.
 */
final class FilterTranslation {

  private FilterTranslation() {}

  /**
   * The full query of a request: {@code text} required, the filters as non-scoring clauses and the
   * recency boost as an optional one, as the local parser combines them.
   */
  static Query withFilters(Query text, List<RequestFilters.Clause> clauses) {
    BoolQuery.Builder bool = new BoolQuery.Builder().must(text);
    for (RequestFilters.Clause clause : clauses) {
      switch (clause) {
        case RequestFilters.DateRange range ->
            bool.filter(f ->
                f.range(r -> {
                  r.field(range.field()).format("epoch_millis");
                  if (range.from() != Long.MIN_VALUE) {
                    r.gte(JsonData.of(range.from()));
                  }
                  if (range.to() != Long.MAX_VALUE) {
                    r.lte(JsonData.of(range.to()));
                  }
                  return r;
                }));
        case RequestFilters.AnyOf any ->
            bool.filter(f ->
                f.terms(t ->
                    t.field(any.field())
                        .terms(v -> v.value(any.values().stream().map(FieldValue::of).toList()))));
        case RequestFilters.AllOf all ->
            bool.filter(f -> f.term(t -> t.field(all.field()).value(FieldValue.of(all.value()))));
        case RequestFilters.NoneOf none ->
            bool.mustNot(m ->
                m.terms(t ->
                    t.field(none.field())
                        .terms(v -> v.value(none.values().stream().map(FieldValue::of).toList()))));
        case RequestFilters.Recency recency ->
            bool.should(s ->
                s.distanceFeature(d ->
                    d.field(recency.field())
                        .origin(JsonData.of(Long.toString(recency.originMillis())))
                        .pivot(recency.pivotMillis() + "ms")
                        .boost(recency.weight())));
      }
    }
    return Query.of(q -> q.bool(bool.build()));
  }
}
