package io.newsarchive.opensearch;

import io.newsarchive.schema.TextLanguages;
import io.newsarchive.search.ArticleQueryParser.TextQuery;
import io.newsarchive.search.InvalidRequestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefIterator;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.SpanQuery;

/**
 * Translates the Lucene query that {@link io.newsarchive.search.ArticleQueryParser} parsed into the
 * OpenSearch query with the same meaning on an index of {@link OpenSearchSchema}: the same clauses
 * over the same analyzed terms, so that both match the same articles and, on one shard, score them
 * alike. Terms were analyzed on this side, so they are sent as {@code term} queries, never analyzed
 * again. A query analyzed for another language than English searches that language's headline and
 * body fields ({@link OpenSearchLanguages#field}), as the local index searches the same fields of
 * the articles it analyzed that way. A query kind without an exact translation is refused, never
 * approximated. Immutable.
 */
final class QueryTranslation {

  /** The translation of queries analyzed as English, or in no language of their own. */
  private static final QueryTranslation ENGLISH = new QueryTranslation(TextLanguages.DEFAULT);

  /** The language the translated query was analyzed for, whose fields it searches. */
  private final String analyzed;

  private QueryTranslation(String analyzed) {
    this.analyzed = analyzed;
  }

  /**
   * The built-in analyzer that splits a phrase of already analyzed terms back into those terms, so
   * that {@code match_phrase} builds the phrase the local parser built.
   */
  private static final String TERMS_ANALYZER = "whitespace";

  /** Lucene's rewrite of a fuzzy term: its best-scoring expansions, scores blended. */
  private static final String FUZZY_REWRITE = "top_terms_blended_freqs_";

  /**
   * The OpenSearch query of the text query {@code query}, analyzed as English.
   *
   * @throws InvalidRequestException naming the query kind when it has no exact translation
   */
  static Query of(org.apache.lucene.search.Query query) {
    return ENGLISH.translate(query, 1f);
  }

  /**
   * The OpenSearch query of {@code text}: each language's analysis over that language's fields,
   * matching only its articles when there are several, as the local query does.
   *
   * @throws InvalidRequestException naming the query kind when it has no exact translation
   */
  static Query of(TextQuery text) {
    Map<String, org.apache.lucene.search.Query> analyses = text.analyses();
    if (analyses.size() <= 1) {
      String language = analyses.keySet().stream().findFirst().orElse(TextLanguages.DEFAULT);
      return new QueryTranslation(language).translate(text.query(), 1f);
    }
    // Each clause is a language's analysis, required, restricted to its articles: one matches.
    BoolQuery.Builder any = new BoolQuery.Builder();
    analyses.forEach(
        (language, branch) -> any.should(new QueryTranslation(language).translate(branch, 1f)));
    return Query.of(q -> q.bool(any.build()));
  }

  /** The field that holds {@code field} of the articles this query was analyzed for. */
  private String field(String field) {
    return OpenSearchLanguages.field(field, analyzed);
  }

  private Query translate(org.apache.lucene.search.Query query, float boost) {
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
              q.spanTerm(
                  t -> t.field(field(span.getField())).value(span.getTerm().text()).boost(boost)));
      case FuzzyQuery fuzzy -> fuzzy(fuzzy, boost);
      case WildcardQuery wildcard ->
          Query.of(q ->
              q.wildcard(w ->
                  w.field(field(wildcard.getField()))
                      .value(wildcard.getTerm().text())
                      .boost(boost)));
      case PrefixQuery prefix ->
          Query.of(q ->
              q.prefix(p ->
                  p.field(field(prefix.getField())).value(prefix.getPrefix().text()).boost(boost)));
      case RegexpQuery regexp ->
          Query.of(q ->
              q.regexp(r ->
                  r.field(field(regexp.getField()))
                      .value(regexp.getRegexp().text())
                      .flags("ALL")
                      .maxDeterminizedStates(io.newsarchive.search.ExpansionLimits.MAX_STATES)
                      .boost(boost)));
      case MatchAllDocsQuery all -> Query.of(q -> q.matchAll(m -> m.boost(boost)));
      case ConstantScoreQuery constant ->
          Query.of(
              q -> q.constantScore(c -> c.filter(translate(constant.getQuery(), 1f)).boost(boost)));
      // A keyword set query, e.g. the languages an English analysis leaves to the others.
      case IndexOrDocValuesQuery either -> translate(either.getIndexQuery(), boost);
      case TermInSetQuery set -> termSet(set, boost);
      case MatchNoDocsQuery none -> matchNone();
      default -> throw unsupported(query.getClass().getSimpleName());
    };
  }

  /**
   * A Boolean query. Lucene matches nothing without a required or optional clause, and nothing when
   * more optional clauses must match than there are; OpenSearch would match everything in the first
   * case, so both are translated as matching nothing.
   */
  private Query bool(BooleanQuery bool, float boost) {
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
  private Query term(Term term, float boost) {
    return Query.of(q ->
        q.term(t -> t.field(field(term.field())).value(FieldValue.of(term.text())).boost(boost)));
  }

  /**
   * A phrase. Consecutive terms make {@code match_phrase} over the terms as they are, which builds
   * the same Lucene phrase (with its slop); a stop word removed inside the phrase leaves a gap,
   * which only {@code span_near} with {@code span_gap} reproduces, in order and without slop.
   */
  private Query phrase(PhraseQuery phrase, float boost) {
    Term[] terms = phrase.getTerms();
    int[] positions = phrase.getPositions();
    if (terms.length == 0) {
      return matchNone();
    }
    boolean gaps = positions[positions.length - 1] - positions[0] != positions.length - 1;
    String field = field(phrase.getField());
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

  private org.opensearch.client.opensearch._types.query_dsl.SpanNearQuery.Builder spanNear(
      SpanNearQuery near) {
    return new org.opensearch.client.opensearch._types.query_dsl.SpanNearQuery.Builder()
        .clauses(spans(near.getClauses()))
        .slop(near.getSlop())
        .inOrder(near.isInOrder());
  }

  private List<SpanQuery> spans(org.apache.lucene.queries.spans.SpanQuery[] clauses) {
    List<SpanQuery> spans = new ArrayList<>();
    for (org.apache.lucene.queries.spans.SpanQuery clause : clauses) {
      spans.add(span(clause));
    }
    return spans;
  }

  private SpanQuery span(org.apache.lucene.queries.spans.SpanQuery clause) {
    return switch (clause) {
      case SpanTermQuery term ->
          SpanQuery.of(
              s -> s.spanTerm(t -> t.field(field(term.getField())).value(term.getTerm().text())));
      case SpanNearQuery near -> SpanQuery.of(s -> s.spanNear(spanNear(near).build()));
      case SpanOrQuery or -> SpanQuery.of(s -> s.spanOr(o -> o.clauses(spans(or.getClauses()))));
      default -> throw unsupported(clause.getClass().getSimpleName());
    };
  }

  private Query termSet(TermInSetQuery set, float boost) {
    List<FieldValue> values = new ArrayList<>();
    try {
      BytesRefIterator terms = set.getBytesRefIterator();
      for (BytesRef term = terms.next(); term != null; term = terms.next()) {
        values.add(FieldValue.of(term.utf8ToString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the terms of an in-memory set", e);
    }
    return Query.of(
        q -> q.terms(t -> t.field(field(set.getField())).terms(v -> v.value(values)).boost(boost)));
  }

  private Query fuzzy(FuzzyQuery fuzzy, float boost) {
    Term term = fuzzy.getTerm();
    return Query.of(q ->
        q.fuzzy(f ->
            f.field(field(term.field()))
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
