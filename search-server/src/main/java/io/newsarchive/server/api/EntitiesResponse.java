package io.newsarchive.server.api;

import io.newsarchive.search.FacetCount;
import java.util.List;

/**
 * The body of {@code GET /api/entities}.
 *
 * @param type the entity type counted: person, org or place
 * @param entities names with the number of matching articles that carry them, most first
 */
public record EntitiesResponse(String type, List<FacetCount> entities) {}
