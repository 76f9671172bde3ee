package io.newsarchive.search;

import static io.newsarchive.search.SearchParameters.CURSOR;
import static io.newsarchive.search.SearchParameters.FROM;
import static io.newsarchive.search.SearchParameters.MAX_WINDOW;
import static io.newsarchive.search.SearchParameters.PAGE;
import static io.newsarchive.search.SearchParameters.SIZE;
import static io.newsarchive.search.SearchParameters.TO;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One search: a value for every parameter of {@link SearchParameters#ALL}, each validated by its
 * declaration, and the rules that tie parameters together (from before to, a cursor replaces the
 * page, the paging window). Immutable and thread-safe; build one from {@link #defaults()} with
 * {@link #with}, or from parsed parameters with {@link #of}.
 */
public final class SearchRequest {

  private static final SearchRequest DEFAULTS = new SearchRequest(Map.of());

  private final Map<SearchParameter<?>, Object> values;

  private SearchRequest(Map<SearchParameter<?>, ?> given) {
    Map<SearchParameter<?>, Object> all = new HashMap<>();
    for (SearchParameter<?> parameter : SearchParameters.ALL) {
      all.put(parameter, checked(parameter, given));
    }
    for (SearchParameter<?> parameter : given.keySet()) {
      if (!all.containsKey(parameter)) {
        throw new IllegalArgumentException("not a search parameter: " + parameter);
      }
    }
    this.values = Collections.unmodifiableMap(all);
    checkTogether();
  }

  private static <T> T checked(SearchParameter<T> parameter, Map<SearchParameter<?>, ?> given) {
    if (!given.containsKey(parameter)) {
      return parameter.defaultValue();
    }
    @SuppressWarnings("unchecked") // of() and with() only store values of the parameter's type
    T value = (T) given.get(parameter);
    return parameter.check(value);
  }

  private void checkTogether() {
    Instant from = get(FROM);
    Instant to = get(TO);
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidRequestException(
          "from",
          "from is after to",
          "the From date is later than the To date: swap the two dates, or clear one of them");
    }
    if (!get(CURSOR).isEmpty() && get(PAGE) != 1) {
      throw new InvalidRequestException(
          CURSOR.name(), "both page and cursor given", "a cursor replaces page: drop page");
    }
    if ((long) get(PAGE) * get(SIZE) > MAX_WINDOW) {
      throw new InvalidRequestException(
          PAGE.name(),
          "page too deep",
          "page * size may not exceed " + MAX_WINDOW + "; follow nextCursor to page deeper");
    }
  }

  /** Every parameter at its default: match all, relevance, page 1 of 10, every facet, auto. */
  public static SearchRequest defaults() {
    return DEFAULTS;
  }

  /**
   * The request with {@code values} for the parameters they name and defaults for the others; the
   * caller guarantees that each value has its parameter's type, as {@link SearchParameter#parse}
   * returns it.
   *
   * @throws InvalidRequestException when a value, or a combination of values, is invalid
   */
  public static SearchRequest of(Map<SearchParameter<?>, ?> values) {
    return new SearchRequest(values);
  }

  /** The value of {@code parameter}. */
  public <T> T get(SearchParameter<T> parameter) {
    if (!values.containsKey(parameter)) {
      throw new IllegalArgumentException("not a search parameter: " + parameter);
    }
    @SuppressWarnings("unchecked") // the constructor stored a checked value of type T
    T value = (T) values.get(parameter);
    return value;
  }

  /**
   * This request with {@code parameter} set to {@code value}.
   *
   * @throws InvalidRequestException when the value, or the request it makes, is invalid
   */
  public <T> SearchRequest with(SearchParameter<T> parameter, T value) {
    Map<SearchParameter<?>, Object> changed = new HashMap<>(values);
    changed.put(parameter, value);
    return new SearchRequest(changed);
  }

  /** This request with only {@code kept} taken over; every other parameter at its default. */
  public SearchRequest keeping(Collection<SearchParameter<?>> kept) {
    Map<SearchParameter<?>, Object> some = new HashMap<>();
    for (SearchParameter<?> parameter : kept) {
      some.put(parameter, get(parameter));
    }
    return new SearchRequest(some);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SearchRequest request && values.equals(request.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("SearchRequest[");
    for (SearchParameter<?> parameter : SearchParameters.ALL) {
      if (!Objects.equals(get(parameter), parameter.defaultValue())) {
        text.append(text.length() > 14 ? ", " : "")
            .append(parameter.name())
            .append('=')
            .append(get(parameter));
      }
    }
    return text.append(']').toString();
  }
}
