package io.newsarchive.server;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.server.api.ArticleBody;
import io.newsarchive.server.api.HitBody;
import io.newsarchive.server.api.RelatedResponse;
import java.io.IOException;
import java.util.Set;

/** {@code GET /api/articles/{id}} and {@code GET /api/articles/{id}/related}. */
final class ArticleHandler {

  static final Set<String> ARTICLE_PARAMS = Set.of();
  static final Set<String> RELATED_PARAMS = Set.of("size");

  private final ArticleSearcher searcher;

  ArticleHandler(ArticleSearcher searcher) {
    this.searcher = searcher;
  }

  void article(Context ctx) throws IOException {
    QueryParams.of(ctx, ARTICLE_PARAMS);
    String id = ctx.pathParam("id");
    ctx.json(ArticleBody.of(searcher.article(id).orElseThrow(() -> unknown(id))));
  }

  void related(Context ctx) throws IOException {
    int size = QueryParams.of(ctx, RELATED_PARAMS).integer("size", 5);
    String id = ctx.pathParam("id");
    ctx.json(
        new RelatedResponse(HitBody.of(searcher.related(id, size).orElseThrow(() -> unknown(id)))));
  }

  private static NotFoundResponse unknown(String id) {
    return new NotFoundResponse("no article with id '" + id + "'");
  }
}
