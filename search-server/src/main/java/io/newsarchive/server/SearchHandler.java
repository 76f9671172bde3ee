package io.newsarchive.server;

import io.javalin.http.Context;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchParameter;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import io.newsarchive.server.api.SearchResponse;
import java.io.IOException;
import java.util.List;

/** {@code GET /api/search}: ranked hits, facets, timeline and the next cursor. */
final class SearchHandler {

  static final List<SearchParameter<?>> PARAMS = SearchParameters.ALL;

  private final SearchBackend backend;

  SearchHandler(SearchBackend backend) {
    this.backend = backend;
  }

  void search(Context ctx) throws IOException {
    SearchRequest request = SearchRequest.of(QueryParams.of(ctx, PARAMS).all(PARAMS));
    SearchResult result = backend.search(request);
    SlowQueryLog.remember(ctx, result);
    ctx.jsonStream(SearchResponse.of(request, result));
  }
}
