package io.newsarchive.server;

import static io.newsarchive.search.SearchParameters.ENTITY_SIZE;
import static io.newsarchive.search.SearchParameters.ENTITY_TYPE;
import static io.newsarchive.search.SearchParameters.FACET_SIZE;
import static io.newsarchive.search.SearchParameters.FROM;
import static io.newsarchive.search.SearchParameters.QUERY;
import static io.newsarchive.search.SearchParameters.TO;

import io.javalin.http.Context;
import io.newsarchive.article.EntityType;
import io.newsarchive.search.FacetField;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchParameter;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.server.api.EntitiesResponse;
import java.io.IOException;
import java.util.List;

/** {@code GET /api/entities}: the most frequent people, organizations or places over a query. */
final class EntityHandler {

  static final List<SearchParameter<?>> PARAMS = List.of(ENTITY_TYPE, QUERY, FROM, TO, ENTITY_SIZE);

  private final SearchBackend backend;

  EntityHandler(SearchBackend backend) {
    this.backend = backend;
  }

  void entities(Context ctx) throws IOException {
    QueryParams params = QueryParams.of(ctx, PARAMS);
    EntityType type = params.get(ENTITY_TYPE);
    SearchRequest request =
        SearchRequest.of(params.all(List.of(QUERY, FROM, TO)))
            .with(FACET_SIZE, params.get(ENTITY_SIZE));
    ctx.jsonStream(
        new EntitiesResponse(FacetField.of(type).key(), backend.topEntities(type, request)));
  }
}
