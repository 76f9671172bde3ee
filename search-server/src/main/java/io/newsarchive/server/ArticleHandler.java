package io.newsarchive.server;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.newsarchive.article.Article;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchParameter;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.Story;
import io.newsarchive.server.api.ArticleResponse;
import io.newsarchive.server.api.RelatedResponse;
import java.io.IOException;
import java.util.List;

/** {@code GET /api/articles/{id}} and {@code GET /api/articles/{id}/related}. */
final class ArticleHandler {

  static final List<SearchParameter<?>> ARTICLE_PARAMS = List.of();
  static final List<SearchParameter<?>> RELATED_PARAMS = List.of(SearchParameters.RELATED_SIZE);

  private final SearchBackend backend;

  ArticleHandler(SearchBackend backend) {
    this.backend = backend;
  }

  void article(Context ctx) throws IOException {
    QueryParams.of(ctx, ARTICLE_PARAMS);
    String id = ctx.pathParam("id");
    Article article = backend.article(id).orElseThrow(() -> unknown(id));
    Story story = backend.story(id).orElseGet(() -> new Story(article.id(), 1));
    ctx.jsonStream(ArticleResponse.of(article, story));
  }

  void related(Context ctx) throws IOException {
    int size = QueryParams.of(ctx, RELATED_PARAMS).get(SearchParameters.RELATED_SIZE);
    String id = ctx.pathParam("id");
    ctx.jsonStream(new RelatedResponse(backend.related(id, size).orElseThrow(() -> unknown(id))));
  }

  private static NotFoundResponse unknown(String id) {
    return new NotFoundResponse("no article with id '" + id + "'");
  }
}
