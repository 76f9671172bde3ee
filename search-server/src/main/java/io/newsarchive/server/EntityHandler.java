package io.newsarchive.server;

import io.javalin.http.Context;
import io.newsarchive.article.EntityType;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.FacetField;
import io.newsarchive.search.InvalidRequestException;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.server.api.EntitiesResponse;
import io.newsarchive.server.api.FacetValue;
import java.io.IOException;
import java.util.Set;

/** {@code GET /api/entities}: the most frequent people, organizations or places over a query. */
final class EntityHandler {

  static final Set<String> PARAMS = Set.of("type", "q", "from", "to", "size");

  private final ArticleSearcher searcher;

  EntityHandler(ArticleSearcher searcher) {
    this.searcher = searcher;
  }

  void entities(Context ctx) throws IOException {
    QueryParams params = QueryParams.of(ctx, PARAMS);
    String typeName = params.text("type", "");
    if (typeName.isBlank()) {
      throw new InvalidRequestException("type", "missing type", "give type=person, org or place");
    }
    EntityType type;
    try {
      type = EntityType.parse(typeName);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "type", "unknown type '" + typeName + "'", "use person, org or place");
    }
    SearchRequest request =
        SearchRequest.builder()
            .query(params.text("q", ""))
            .from(params.from("from"))
            .to(params.to("to"))
            .facetSize(size(params.integer("size", 20)))
            .build();
    ctx.json(
        new EntitiesResponse(
            FacetField.of(type).key(), FacetValue.of(searcher.topEntities(type, request))));
  }

  private static int size(int size) {
    if (size < 1 || size > SearchRequest.MAX_FACET_SIZE) {
      throw new InvalidRequestException(
          "size", "size out of range", "use a size from 1 to " + SearchRequest.MAX_FACET_SIZE);
    }
    return size;
  }
}
