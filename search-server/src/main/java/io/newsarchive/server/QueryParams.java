package io.newsarchive.server;

import io.javalin.http.Context;
import io.newsarchive.search.InvalidRequestException;
import io.newsarchive.search.SearchParameter;
import io.newsarchive.search.SearchParameters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the declared query parameters of one request. Every bad value becomes an {@link
 * InvalidRequestException} that names the parameter, as its declaration words it; so does a
 * parameter the route does not declare, so that a misspelt name is never silently ignored.
 */
final class QueryParams {

  private final Context ctx;

  private QueryParams(Context ctx) {
    this.ctx = ctx;
  }

  /** The parameters of {@code ctx}, after checking that each name is one of {@code declared}. */
  static QueryParams of(Context ctx, List<SearchParameter<?>> declared) {
    SearchParameters.checkNames(declared, ctx.queryParamMap().keySet());
    return new QueryParams(ctx);
  }

  /** The value of {@code parameter}, its default when absent. */
  <T> T get(SearchParameter<T> parameter) {
    return parameter.parse(ctx.queryParams(parameter.name()));
  }

  /** The values of {@code parameters}, each its default when absent. */
  Map<SearchParameter<?>, Object> all(List<SearchParameter<?>> parameters) {
    Map<SearchParameter<?>, Object> values = new HashMap<>();
    for (SearchParameter<?> parameter : parameters) {
      values.put(parameter, get(parameter));
    }
    return values;
  }
}
