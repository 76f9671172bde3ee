package io.newsarchive.opensearch;

import io.newsarchive.search.InvalidRequestException;
import io.newsarchive.search.RequestFilters;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.SpanQuery;

/**
 * Translates the Lucene query that {@link io.newsarchive.search.ArticleQueryParser} parsed into the
 * OpenSearch query with the same meaning on an index of {@link OpenSearchSchema}: the same clauses
 * over the same analyzed terms, so that both match the same articles and, on one shard, score them
 * alike. Terms were analyzed on this side, so they are sent as {@code term} queries, never analyzed
 * again. A query kind without an exact translation is refused, never approximated. Stateless.
 */
final class QueryTranslation {

  /**
   * The built-in analyzer that splits a phrase of already analyzed terms back into those terms, so
   * that {@code match_phrase} builds the phrase the local parser built.
   */
  private static final String TERMS_ANALYZER = "whitespace";

  /** Lucene's rewrite of a fuzzy term: its best-scoring expansions, scores blended. */
  private static final String FUZZY_REWRITE = "top_terms_blended_freqs_";

  private QueryTranslation() {}

  /**
   * The OpenSearch query of the text query {@code query}.
   *
   * @throws InvalidRequestException naming the query kind when it has no exact translation
   */
  static Query of(org.apache.lucene.search.Query query) {
    return translate(query, 1f);
  }

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

  private static Query translate(org.apache.lucene.search.Query query, float boost) {
    return switch (query) {
      case BoostQuery boosted -> translate(boosted.getQuery(), boost * boosted.getBoost());
      case BooleanQuery bool -> bool(bool, boost);
      case TermQuery term -> term(term.getTerm(), boost);
      case PhraseQuery phrase -> phrase(phrase, boost);
      case SpanNearQuery near -> Query.of(q -> q.spanNear(spanNear(near).boost(boost).build()));
      case SpanOrQuery or ->
          Query.of(q -> q.spanOr(o -> o.clauses(spans(or.getClauses())).boost(boost)));
      case SpanTermQuery span ->
          Query.of(q ->
              q.spanTerm(t -> t.field(span.getField()).value(span.getTerm().text()).boost(boost)));
      case FuzzyQuery fuzzy -> fuzzy(fuzzy, boost);
      case WildcardQuery wildcard ->
          Query.of(q ->
              q.wildcard(
                  w -> w.field(wildcard.getField()).value(wildcard.getTerm().text()).boost(boost)));
      case PrefixQuery prefix ->
          Query.of(q ->
              q.prefix(
                  p -> p.field(prefix.getField()).value(prefix.getPrefix().text()).boost(boost)));
      case RegexpQuery regexp ->
          Query.of(q ->
              q.regexp(r ->
                  r.field(regexp.getField())
                      .value(regexp.getRegexp().text())
                      .flags("ALL")
                      .maxDeterminizedStates(io.newsarchive.search.ExpansionLimits.MAX_STATES)
                      .boost(boost)));
      case MatchAllDocsQuery all -> Query.of(q -> q.matchAll(m -> m.boost(boost)));
      case MatchNoDocsQuery none -> matchNone();
      default -> throw unsupported(query.getClass().getSimpleName());
    };
  }

  /**
   * A Boolean query. Lucene matches nothing without a required or optional clause, and nothing when
   * more optional clauses must match than there are; OpenSearch would match everything in the first
   * case, so both are translated as matching nothing.
   */
  private static Query bool(BooleanQuery bool, float boost) {
    BoolQuery.Builder builder = new BoolQuery.Builder().boost(boost);
    int positive = 0;
    int optional = 0;
    for (BooleanClause clause : bool.clauses()) {
      Query translated = translate(clause.query(), 1f);
      switch (clause.occur()) {
        case MUST -> builder.must(translated);
        case FILTER -> builder.filter(translated);
        case SHOULD -> builder.should(translated);
        case MUST_NOT -> builder.mustNot(translated);
      }
      positive += clause.occur() == BooleanClause.Occur.MUST_NOT ? 0 : 1;
      optional += clause.occur() == BooleanClause.Occur.SHOULD ? 1 : 0;
    }
    int minimum = bool.getMinimumNumberShouldMatch();
    if (positive == 0 || minimum > optional) {
      return matchNone();
    }
    if (minimum > 0) {
      builder.minimumShouldMatch(Integer.toString(minimum));
    }
    return Query.of(q -> q.bool(builder.build()));
  }

  /**
   * A term, on a text or a keyword field: {@link OpenSearchSchema} has keyword fields scored by
   * BM25, as locally.
   */
  private static Query term(Term term, float boost) {
    return Query.of(
        q -> q.term(t -> t.field(term.field()).value(FieldValue.of(term.text())).boost(boost)));
  }

  /**
   * A phrase. Consecutive terms make {@code match_phrase} over the terms as they are, which builds
   * the same Lucene phrase (with its slop); a stop word removed inside the phrase leaves a gap,
   * which only {@code span_near} with {@code span_gap} reproduces, in order and without slop.
   */
  private static Query phrase(PhraseQuery phrase, float boost) {
    Term[] terms = phrase.getTerms();
    int[] positions = phrase.getPositions();
    if (terms.length == 0) {
      return matchNone();
    }
    boolean gaps = positions[positions.length - 1] - positions[0] != positions.length - 1;
    String field = phrase.getField();
    if (!gaps) {
      List<String> words = new ArrayList<>();
      for (Term term : terms) {
        words.add(term.text());
      }
      return Query.of(q ->
          q.matchPhrase(m ->
              m.field(field)
                  .query(String.join(" ", words))
                  .analyzer(TERMS_ANALYZER)
                  .slop(phrase.getSlop())
                  .boost(boost)));
    }
    if (phrase.getSlop() != 0) {
      throw new InvalidRequestException(
          "q",
          "proximity search not available on OpenSearch",
          "a quoted phrase with ~N that contains a stop word has no exact translation; remove the"
              + " stop word or the ~N");
    }
    List<SpanQuery> clauses = new ArrayList<>();
    for (int i = 0; i < terms.length; i++) {
      int gap = i == 0 ? 0 : positions[i] - positions[i - 1] - 1;
      if (gap > 0) {
        int width = gap;
        clauses.add(SpanQuery.of(s -> s.spanGap(g -> g.field(field).spanWidth(width))));
      }
      String text = terms[i].text();
      clauses.add(SpanQuery.of(s -> s.spanTerm(t -> t.field(field).value(text))));
    }
    return Query.of(q -> q.spanNear(n -> n.clauses(clauses).slop(0).inOrder(true).boost(boost)));
  }

  private static org.opensearch.client.opensearch._types.query_dsl.SpanNearQuery.Builder spanNear(
      SpanNearQuery near) {
    return new org.opensearch.client.opensearch._types.query_dsl.SpanNearQuery.Builder()
        .clauses(spans(near.getClauses()))
        .slop(near.getSlop())
        .inOrder(near.isInOrder());
  }

  private static List<SpanQuery> spans(org.apache.lucene.queries.spans.SpanQuery[] clauses) {
    List<SpanQuery> spans = new ArrayList<>();
    for (org.apache.lucene.queries.spans.SpanQuery clause : clauses) {
      spans.add(span(clause));
    }
    return spans;
  }

  private static SpanQuery span(org.apache.lucene.queries.spans.SpanQuery clause) {
    return switch (clause) {
      case SpanTermQuery term ->
          SpanQuery.of(s -> s.spanTerm(t -> t.field(term.getField()).value(term.getTerm().text())));
      case SpanNearQuery near -> SpanQuery.of(s -> s.spanNear(spanNear(near).build()));
      case SpanOrQuery or -> SpanQuery.of(s -> s.spanOr(o -> o.clauses(spans(or.getClauses()))));
      default -> throw unsupported(clause.getClass().getSimpleName());
    };
  }

  private static Query fuzzy(FuzzyQuery fuzzy, float boost) {
    Term term = fuzzy.getTerm();
    return Query.of(q ->
        q.fuzzy(f ->
            f.field(term.field())
                .value(FieldValue.of(term.text()))
                .fuzziness(Integer.toString(fuzzy.getMaxEdits()))
                .prefixLength(fuzzy.getPrefixLength())
                .transpositions(fuzzy.getTranspositions())
                .maxExpansions(io.newsarchive.search.ArticleQueryParser.MAX_FUZZY_EXPANSIONS)
                .rewrite(
                    FUZZY_REWRITE + io.newsarchive.search.ArticleQueryParser.MAX_FUZZY_EXPANSIONS)
                .boost(boost)));
  }

  private static Query matchNone() {
    return Query.of(q -> q.matchNone(m -> m));
  }

  private static InvalidRequestException unsupported(String kind) {
    return new InvalidRequestException(
        "q",
        "query not available on OpenSearch",
        "the query holds a " + kind + ", which has no exact OpenSearch translation; rephrase it");
  }
}
