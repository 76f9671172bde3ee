package io.newsarchive.server;

import static io.newsarchive.search.SearchParameters.SAMPLE;
import static io.newsarchive.search.SearchParameters.SIGNIFICANT_SIZE;

import io.javalin.http.Context;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchParameter;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.server.api.SignificantResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code GET /api/significant}: the words, two-word phrases and names over-represented among the
 * best matches of a search, which takes the filters of {@code /api/search}.
 */
final class SignificantHandler {

  static final List<SearchParameter<?>> PARAMS =
      Stream.concat(SearchParameters.FILTERS.stream(), Stream.of(SIGNIFICANT_SIZE, SAMPLE))
          .toList();

  private final SearchBackend backend;

  SignificantHandler(SearchBackend backend) {
    this.backend = backend;
  }

  void significant(Context ctx) throws IOException {
    QueryParams params = QueryParams.of(ctx, PARAMS);
    SearchRequest request = SearchRequest.of(params.all(SearchParameters.FILTERS));
    ctx.jsonStream(
        SignificantResponse.of(
            backend.significant(request, params.get(SIGNIFICANT_SIZE), params.get(SAMPLE))));
  }
}
