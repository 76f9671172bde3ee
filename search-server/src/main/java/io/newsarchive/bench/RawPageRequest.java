package io.newsarchive.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.FacetField;
import java.net.URLDecoder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of an {@code /api/search} query string that the raw Lucene baseline builds a page from.
 * Parameters it has no equivalent for (ranking options such as {@code recency} or {@code expand})
 * are kept in {@link #ignored} so that the report can say so.
 *
 * @param text the query text, empty for every article
 * @param filters keyword field to the values required in it (any of them for {@code source}, all
 *     for the entity fields)
 * @param from earliest publication time in epoch milliseconds, inclusive
 * @param to latest publication time in epoch milliseconds, inclusive
 * @param sort {@code relevance}, {@code newest} or {@code oldest}
 * @param page 1-based page number
 * @param size hits per page
 * @param facets keyword fields to count
 * @param facetSize values per facet
 * @param interval timeline bucket width: {@code day}, {@code week}, {@code month} or {@code year}
 * @param ignored names of the parameters the baseline does not apply
 */
public record RawPageRequest(
    String text,
    Map<String, List<String>> filters,
    long from,
    long to,
    String sort,
    int page,
    int size,
    List<String> facets,
    int facetSize,
    String interval,
    Set<String> ignored) {

  /** The keyword fields counted when the query string names no facets, as {@code /api/search}. */
  static final List<String> ALL_FACETS =
      Arrays.stream(FacetField.values())
          .filter(FacetField.DEFAULTS::contains)
          .map(FacetField::field)
          .toList();

  private static final Map<String, String> FILTER_FIELDS =
      Map.of(
          "source", ArticleFields.SOURCE,
          "person", ArticleFields.PERSON,
          "org", ArticleFields.ORG,
          "place", ArticleFields.PLACE,
          "lang", ArticleFields.LANGUAGE);

  /** Copies the collections, so that a request is immutable. */
  public RawPageRequest {
    filters = Map.copyOf(filters);
    facets = List.copyOf(facets);
    ignored = Set.copyOf(ignored);
    if (page < 1 || size < 0 || facetSize < 1) {
      throw new IllegalArgumentException(
          "page and facetSize must be at least 1 and size at least 0, got page "
              + page
              + ", size "
              + size
              + ", facetSize "
              + facetSize);
    }
  }

  /**
   * Reads a URL query string such as {@code q=oil&source=Reuters&facets=source,place&size=10}.
   *
   * @throws IllegalArgumentException when a value the baseline applies cannot be read
   */
  public static RawPageRequest parse(String queryString) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : queryString.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    }
    Map<String, List<String>> filters = new LinkedHashMap<>();
    Set<String> ignored = new LinkedHashSet<>();
    for (Map.Entry<String, List<String>> param : params.entrySet()) {
      String field = FILTER_FIELDS.get(param.getKey());
      if (field != null) {
        filters.put(field, param.getValue());
      } else if (!KNOWN.contains(param.getKey())) {
        ignored.add(param.getKey());
      }
    }
    return new RawPageRequest(
        first(params, "q", ""),
        filters,
        instant(first(params, "from", ""), false),
        instant(first(params, "to", ""), true),
        first(params, "sort", "relevance"),
        integer(params, "page", 1),
        integer(params, "size", 10),
        facets(params.get("facets")),
        integer(params, "facetSize", 10),
        interval(first(params, "interval", "month"), ignored),
        ignored);
  }

  private static final Set<String> KNOWN =
      Set.of("q", "from", "to", "sort", "page", "size", "facets", "facetSize", "interval");

  private static List<String> facets(List<String> given) {
    if (given == null) {
      return ALL_FACETS;
    }
    List<String> fields = new ArrayList<>();
    for (String key : given.getLast().split(",")) {
      if (!key.isBlank()) {
        String field = FILTER_FIELDS.get(key.strip().equals("language") ? "lang" : key.strip());
        if (field == null) {
          throw new IllegalArgumentException("unknown facet '" + key + "'");
        }
        fields.add(field);
      }
    }
    return fields;
  }

  /** {@code auto} picks the width from the span in /api/search; the baseline keeps to months. */
  private static String interval(String given, Set<String> ignored) {
    if (given.equals("auto")) {
      ignored.add("interval=auto (months)");
      return "month";
    }
    return given;
  }

  private static String first(Map<String, List<String>> params, String name, String absent) {
    List<String> values = params.get(name);
    return values == null ? absent : values.getFirst();
  }

  private static int integer(Map<String, List<String>> params, String name, int absent) {
    String value = first(params, name, "");
    try {
      return value.isEmpty() ? absent : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a whole number: '" + value + "'", e);
    }
  }

  /** A date is the whole day in UTC; a date-time without an offset is UTC. */
  private static long instant(String value, boolean end) {
    if (value.isEmpty()) {
      return end ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        Instant start = (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        return end ? start.toEpochMilli() - 1 : start.toEpochMilli();
      }
      if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(value).toInstant().toEpochMilli();
      }
      return java.time.LocalDateTime.parse(value).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a date: '" + value + "'", e);
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, UTF_8);
  }
}
