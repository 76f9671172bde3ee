package io.newsarchive.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One search: a query in Lucene classic syntax, filters, order, page and what to count. Immutable;
 * the compact constructor validates every component and throws {@link InvalidRequestException}
 * naming the offending parameter.
 *
 * @param query Lucene classic query syntax; blank matches every article
 * @param from earliest publication instant, inclusive, or {@code null} for no lower bound
 * @param to latest publication instant, inclusive, or {@code null} for no upper bound
 * @param sources articles from any of these sources; empty for all
 * @param persons articles tagged with every one of these people (canonical names)
 * @param orgs articles tagged with every one of these organizations
 * @param places articles tagged with every one of these places
 * @param language primary language subtag, or empty for every language
 * @param sort order of hits
 * @param page 1-based page number; {@code page * size} may not exceed {@link #MAX_WINDOW}
 * @param size hits per page, 0 to {@link #MAX_SIZE} (0 counts only)
 * @param cursor opaque token from a previous result's next cursor, or empty; replaces {@code page}
 * @param facets which fields to count over the matching set
 * @param facetSize how many top values to return per facet, 1 to {@link #MAX_FACET_SIZE}
 * @param interval timeline bucket width
 * @param recencyDays 0 for pure relevance; otherwise the age in days, counted back from the newest
 *     article in the index, at which the recency boost has fallen to half its weight
 */
public record SearchRequest(
    String query,
    Instant from,
    Instant to,
    List<String> sources,
    List<String> persons,
    List<String> orgs,
    List<String> places,
    String language,
    SortOrder sort,
    int page,
    int size,
    String cursor,
    Set<FacetField> facets,
    int facetSize,
    Interval interval,
    int recencyDays) {

  /** Largest page size. */
  public static final int MAX_SIZE = 100;

  /** Deepest hit reachable by page number; deeper paging uses the cursor, which has no limit. */
  public static final int MAX_WINDOW = 10_000;

  /** Largest number of values per facet. */
  public static final int MAX_FACET_SIZE = 1_000;

  /** Longest accepted query text, in characters. */
  public static final int MAX_QUERY_LENGTH = 2_000;

  /** Most values accepted for one repeatable filter. */
  public static final int MAX_FILTER_VALUES = 50;

  /** Validates every component and copies the collections. */
  public SearchRequest {
    query = query == null ? "" : query.strip();
    if (query.length() > MAX_QUERY_LENGTH) {
      throw new InvalidRequestException(
          "q", "query too long", "use at most " + MAX_QUERY_LENGTH + " characters");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidRequestException("from", "from is after to", "give from <= to");
    }
    sources = values("source", sources);
    persons = values("person", persons);
    orgs = values("org", orgs);
    places = values("place", places);
    language = language == null ? "" : language.strip();
    if (sort == null) {
      throw new InvalidRequestException("sort", "missing sort", "use relevance, newest or oldest");
    }
    cursor = cursor == null ? "" : cursor.strip();
    if (page < 1) {
      throw new InvalidRequestException("page", "page must be at least 1", "pages count from 1");
    }
    if (size < 0 || size > MAX_SIZE) {
      throw new InvalidRequestException(
          "size", "size out of range", "use a size from 0 to " + MAX_SIZE);
    }
    if (!cursor.isEmpty() && page != 1) {
      throw new InvalidRequestException(
          "cursor", "both page and cursor given", "a cursor replaces page: drop page");
    }
    if ((long) page * size > MAX_WINDOW) {
      throw new InvalidRequestException(
          "page",
          "page too deep",
          "page * size may not exceed " + MAX_WINDOW + "; follow nextCursor to page deeper");
    }
    facets = facets == null ? Set.of() : Set.copyOf(facets);
    if (facetSize < 1 || facetSize > MAX_FACET_SIZE) {
      throw new InvalidRequestException(
          "facetSize", "facetSize out of range", "use a facetSize from 1 to " + MAX_FACET_SIZE);
    }
    if (interval == null) {
      throw new InvalidRequestException(
          "interval", "missing interval", "use day, week, month, year or auto");
    }
    if (recencyDays < 0) {
      throw new InvalidRequestException(
          "recency", "recency must not be negative", "give a half-life in days, or 0 for none");
    }
  }

  /** A builder with the defaults: match all, relevance, page 1 of 10, every facet, auto. */
  public static Builder builder() {
    return new Builder();
  }

  /** This request with another query; used for "did you mean" and entity counts. */
  public SearchRequest withQuery(String newQuery) {
    return new SearchRequest(
        newQuery,
        from,
        to,
        sources,
        persons,
        orgs,
        places,
        language,
        sort,
        page,
        size,
        cursor,
        facets,
        facetSize,
        interval,
        recencyDays);
  }

  private static List<String> values(String param, List<String> values) {
    if (values == null) {
      return List.of();
    }
    List<String> clean = new ArrayList<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        clean.add(value.strip());
      }
    }
    if (clean.size() > MAX_FILTER_VALUES) {
      throw new InvalidRequestException(
          param, "too many " + param + " values", "give at most " + MAX_FILTER_VALUES);
    }
    return List.copyOf(clean);
  }

  /** Mutable builder for a {@link SearchRequest}. Not thread-safe. */
  public static final class Builder {
    private String query = "";
    private Instant from;
    private Instant to;
    private List<String> sources = List.of();
    private List<String> persons = List.of();
    private List<String> orgs = List.of();
    private List<String> places = List.of();
    private String language = "";
    private SortOrder sort = SortOrder.RELEVANCE;
    private int page = 1;
    private int size = 10;
    private String cursor = "";
    private Set<FacetField> facets = EnumSet.allOf(FacetField.class);
    private int facetSize = 10;
    private Interval interval = Interval.AUTO;
    private int recencyDays;

    private Builder() {}

    /** Sets the query text. */
    public Builder query(String value) {
      query = value;
      return this;
    }

    /** Sets the inclusive lower bound of the publication date, or {@code null}. */
    public Builder from(Instant value) {
      from = value;
      return this;
    }

    /** Sets the inclusive upper bound of the publication date, or {@code null}. */
    public Builder to(Instant value) {
      to = value;
      return this;
    }

    /** Restricts to any of these sources. */
    public Builder sources(List<String> values) {
      sources = values;
      return this;
    }

    /** Requires every one of these people. */
    public Builder persons(List<String> values) {
      persons = values;
      return this;
    }

    /** Requires every one of these organizations. */
    public Builder orgs(List<String> values) {
      orgs = values;
      return this;
    }

    /** Requires every one of these places. */
    public Builder places(List<String> values) {
      places = values;
      return this;
    }

    /** Restricts to one language. */
    public Builder language(String value) {
      language = value;
      return this;
    }

    /** Sets the order of hits. */
    public Builder sort(SortOrder value) {
      sort = value;
      return this;
    }

    /** Sets the 1-based page number. */
    public Builder page(int value) {
      page = value;
      return this;
    }

    /** Sets the number of hits per page. */
    public Builder size(int value) {
      size = value;
      return this;
    }

    /** Continues after the page that returned this cursor. */
    public Builder cursor(String value) {
      cursor = value;
      return this;
    }

    /** Sets which fields to count. */
    public Builder facets(Set<FacetField> values) {
      facets = values;
      return this;
    }

    /** Sets the number of values per facet. */
    public Builder facetSize(int value) {
      facetSize = value;
      return this;
    }

    /** Sets the timeline bucket width. */
    public Builder interval(Interval value) {
      interval = value;
      return this;
    }

    /** Sets the recency half-life in days; 0 turns the boost off. */
    public Builder recencyDays(int value) {
      recencyDays = value;
      return this;
    }

    /**
     * Builds and validates the request.
     *
     * @throws InvalidRequestException when a component is invalid
     */
    public SearchRequest build() {
      return new SearchRequest(
          query,
          from,
          to,
          sources,
          persons,
          orgs,
          places,
          language,
          sort,
          page,
          size,
          cursor,
          facets,
          facetSize,
          interval,
          recencyDays);
    }
  }
}
