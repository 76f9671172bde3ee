package io.newsarchive.search;

import io.newsarchive.article.CodeScheme;
import io.newsarchive.article.EntityType;
import io.newsarchive.schema.ArticleFields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a request adds to its text query, declared once for every backend: the filters that select
 * the matching set without scoring, and the recency boost that scores without selecting. The local
 * index builds Lucene clauses from them ({@link
 * ArticleQueryParser#query(org.apache.lucene.search.Query, SearchRequest, long,
 * ArchiveEntityNames)}), another backend its own. Stateless.
 */
public final class RequestFilters {

  /** Score added to an article published at the newest date; halves at the recency half-life. */
  public static final float RECENCY_WEIGHT = 5.0f;

  private RequestFilters() {}

  /** One clause a request adds to its text query. */
  public sealed interface Clause permits DateRange, AnyOf, AllOf, NoneOf, Recency {}

  /**
   * Articles whose {@code field}, a time in epoch milliseconds, lies in {@code [from, to]}; the
   * bounds are {@link Long#MIN_VALUE} and {@link Long#MAX_VALUE} when open.
   */
  public record DateRange(String field, long from, long to) implements Clause {}

  /** Articles whose keyword {@code field} holds at least one of {@code values}. */
  public record AnyOf(String field, List<String> values) implements Clause {

    /** Copies the values. */
    public AnyOf {
      values = List.copyOf(values);
    }
  }

  /** Articles whose keyword {@code field} holds {@code value}; several of them must all hold. */
  public record AllOf(String field, String value) implements Clause {}

  /** Articles whose keyword {@code field} holds none of {@code values}. */
  public record NoneOf(String field, List<String> values) implements Clause {

    /** Copies the values. */
    public NoneOf {
      values = List.copyOf(values);
    }
  }

  /**
   * A score of {@code weight * pivot / (pivot + |time - origin|)} for the time in {@code field}, in
   * epoch milliseconds; it selects no article.
   */
  public record Recency(String field, float weight, long originMillis, long pivotMillis)
      implements Clause {}

  /**
   * The clauses of {@code request}, in a fixed order: the date range, sources, topics, people,
   * organizations, places, place, people, organization and exchange codes, the excluded values,
   * language, then the recency boost relative to {@code newestMillis}, the newest publication time
   * in the archive.
   */
  public static List<Clause> of(
      SearchRequest request, long newestMillis, ArchiveEntityNames names) {
    List<Clause> clauses = new ArrayList<>();
    Instant fromInstant = request.get(SearchParameters.FROM);
    Instant toInstant = request.get(SearchParameters.TO);
    if (fromInstant != null || toInstant != null) {
      long from = fromInstant == null ? Long.MIN_VALUE : fromInstant.toEpochMilli();
      long to = toInstant == null ? Long.MAX_VALUE : toInstant.toEpochMilli();
      clauses.add(new DateRange(ArticleFields.PUBLISHED, from, to));
    }
    addAny(clauses, ArticleFields.SOURCE, request.get(SearchParameters.SOURCES));
    addAny(clauses, CodeScheme.TOPICS.field(), request.get(SearchParameters.TOPICS));
    addNames(clauses, EntityType.PERSON, request.get(SearchParameters.PERSONS), names);
    addNames(clauses, EntityType.ORGANIZATION, request.get(SearchParameters.ORGS), names);
    addNames(clauses, EntityType.LOCATION, request.get(SearchParameters.PLACES), names);
    addAll(clauses, CodeScheme.PLACES.field(), request.get(SearchParameters.PLACE_CODES));
    addAll(clauses, CodeScheme.PEOPLE.field(), request.get(SearchParameters.PERSON_CODES));
    addAll(clauses, CodeScheme.ORGS.field(), request.get(SearchParameters.ORG_CODES));
    addAll(clauses, CodeScheme.EXCHANGES.field(), request.get(SearchParameters.EXCHANGES));
    addExclusions(clauses, request, names);
    String language = request.get(SearchParameters.LANGUAGE);
    if (!language.isEmpty()) {
      clauses.add(new AllOf(ArticleFields.LANGUAGE, language.toLowerCase(Locale.ROOT)));
    }
    int halfLife = request.get(SearchParameters.RECENCY);
    if (halfLife > 0) {
      clauses.add(
          new Recency(
              ArticleFields.PUBLISHED,
              RECENCY_WEIGHT,
              newestMillis,
              TimeUnit.DAYS.toMillis(halfLife)));
    }
    return clauses;
  }

  private static void addAny(List<Clause> clauses, String field, List<String> values) {
    if (!values.isEmpty()) {
      clauses.add(new AnyOf(field, values));
    }
  }

  /** One clause per name: the articles holding any variant of its canonical name. */
  private static void addNames(
      List<Clause> clauses, EntityType type, List<String> values, ArchiveEntityNames names) {
    for (String value : values) {
      clauses.add(new AnyOf(ArticleFields.entityField(type), names.filterValues(type, value)));
    }
  }

  /**
   * One clause per excluded facet: the articles holding none of its values, an entity's under any
   * variant of its canonical name.
   */
  private static void addExclusions(
      List<Clause> clauses, SearchRequest request, ArchiveEntityNames names) {
    for (Map.Entry<FacetField, SearchParameter<List<String>>> excluded :
        SearchParameters.EXCLUSIONS.entrySet()) {
      FacetField facet = excluded.getKey();
      List<String> values = request.get(excluded.getValue());
      if (values.isEmpty()) {
        continue;
      }
      List<String> held = new ArrayList<>();
      for (String value : values) {
        held.addAll(
            facet.entityType().map(type -> names.filterValues(type, value)).orElse(List.of(value)));
      }
      clauses.add(new NoneOf(facet.field(), held));
    }
  }

  private static void addAll(List<Clause> clauses, String field, List<String> values) {
    for (String value : values) {
      clauses.add(new AllOf(field, value));
    }
  }
}
