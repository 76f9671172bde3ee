package io.newsarchive.server;

import io.javalin.http.Context;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchParameter;
import io.newsarchive.server.api.HealthResponse;
import io.newsarchive.server.api.StatsResponse;
import java.io.IOException;
import java.util.List;

/** {@code GET /api/stats} and {@code GET /health}. */
final class StatsHandler {

  static final List<SearchParameter<?>> PARAMS = List.of();

  private final SearchBackend backend;

  StatsHandler(SearchBackend backend) {
    this.backend = backend;
  }

  void stats(Context ctx) throws IOException {
    QueryParams.of(ctx, PARAMS);
    ctx.jsonStream(StatsResponse.of(backend.stats()));
  }

  void health(Context ctx) throws IOException {
    QueryParams.of(ctx, PARAMS);
    ctx.jsonStream(new HealthResponse("ok", backend.count()));
  }
}
