package io.newsarchive.server;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchParameter;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import io.newsarchive.search.SnippetForm;
import io.newsarchive.server.api.ApiJson;
import io.newsarchive.server.api.SearchResponse;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /api/search}: ranked hits, facets, timeline and the next cursor; snippets as HTML or,
 * with {@code snippets=text}, as plain text with match offsets.
 */
final class SearchHandler {

  static final List<SearchParameter<?>> PARAMS = SearchParameters.ALL;

  private static final ObjectWriter TEXT_SNIPPETS =
      ApiJson.writer(ApiJson.mapper(), SnippetForm.TEXT);

  private final SearchBackend backend;

  SearchHandler(SearchBackend backend) {
    this.backend = backend;
  }

  void search(Context ctx) throws IOException {
    SearchRequest request = SearchRequest.of(QueryParams.of(ctx, PARAMS).all(PARAMS));
    SearchResult result = backend.search(request);
    SlowQueryLog.remember(ctx, result);
    SearchResponse response = SearchResponse.of(request, result);
    if (request.get(SearchParameters.SNIPPETS) == SnippetForm.TEXT) {
      ctx.contentType(ContentType.APPLICATION_JSON)
          .result(TEXT_SNIPPETS.writeValueAsBytes(response));
    } else {
      ctx.jsonStream(response);
    }
  }
}
