package io.newsarchive.server;

import io.javalin.http.Context;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchParameter;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.server.api.SuggestResponse;
import java.io.IOException;
import java.util.List;

/** {@code GET /api/suggest}: autocomplete over headlines and entity names. */
final class SuggestHandler {

  static final List<SearchParameter<?>> PARAMS =
      List.of(SearchParameters.PREFIX, SearchParameters.SUGGEST_SIZE);

  private final SearchBackend backend;

  SuggestHandler(SearchBackend backend) {
    this.backend = backend;
  }

  void suggest(Context ctx) throws IOException {
    QueryParams params = QueryParams.of(ctx, PARAMS);
    int size = params.get(SearchParameters.SUGGEST_SIZE);
    ctx.jsonStream(new SuggestResponse(backend.suggest(params.get(SearchParameters.PREFIX), size)));
  }
}
