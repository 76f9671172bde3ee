package io.newsarchive.server;

import static io.newsarchive.search.SearchParameters.ENTITY_SIZE;
import static io.newsarchive.search.SearchParameters.ENTITY_TYPE;
import static io.newsarchive.search.SearchParameters.FACET_SIZE;
import static io.newsarchive.search.SearchParameters.FROM;
import static io.newsarchive.search.SearchParameters.QUERY;
import static io.newsarchive.search.SearchParameters.TO;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.newsarchive.article.EntityType;
import io.newsarchive.search.EntityVariants;
import io.newsarchive.search.FacetField;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchParameter;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.server.api.EntitiesResponse;
import io.newsarchive.server.api.EntityResponse;
import java.io.IOException;
import java.util.List;

/**
 * {@code GET /api/entities}: the most frequent people, organizations or places over a query; {@code
 * GET /api/entities/{type}/{name}}: one of them under its canonical name, with its variants.
 */
final class EntityHandler {

  static final List<SearchParameter<?>> PARAMS = List.of(ENTITY_TYPE, QUERY, FROM, TO, ENTITY_SIZE);

  /** One entity takes its type and name from the path, and no parameters. */
  static final List<SearchParameter<?>> NAME_PARAMS = List.of();

  private final SearchBackend backend;

  EntityHandler(SearchBackend backend) {
    this.backend = backend;
  }

  /**
   * {@code GET /api/entities/{type}/{name}}: the entity that {@code name} names, under its
   * canonical name, with its variants.
   */
  void entity(Context ctx) throws IOException {
    QueryParams.of(ctx, NAME_PARAMS);
    EntityType type = ENTITY_TYPE.parse(List.of(ctx.pathParam("type")));
    String name = ctx.pathParam("name");
    EntityVariants entity =
        backend
            .entity(type, name)
            .orElseThrow(() ->
                new NotFoundResponse(
                    "no article holds the "
                        + type.key()
                        + " '"
                        + name
                        + "' under any of its names"));
    ctx.jsonStream(
        new EntityResponse(
            FacetField.of(type).key(), entity.name(), entity.articles(), entity.variants()));
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
