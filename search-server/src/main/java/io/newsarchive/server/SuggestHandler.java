package io.newsarchive.server;

import io.javalin.http.Context;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.server.api.SuggestResponse;
import java.io.IOException;
import java.util.Set;

/** {@code GET /api/suggest}: autocomplete over headlines and entity names. */
final class SuggestHandler {

  static final Set<String> PARAMS = Set.of("prefix", "size");

  private final ArticleSearcher searcher;

  SuggestHandler(ArticleSearcher searcher) {
    this.searcher = searcher;
  }

  void suggest(Context ctx) throws IOException {
    QueryParams params = QueryParams.of(ctx, PARAMS);
    int size = params.integer("size", 8);
    ctx.json(SuggestResponse.of(searcher.suggest(params.text("prefix", ""), size)));
  }
}
