package io.newsarchive.server.api;

import io.newsarchive.search.FacetCount;
import java.util.List;

/**
 * The body of {@code GET /api/entities/{type}/{name}}.
 *
 * @param type the entity type: person, org or place
 * @param name the canonical name, which facets, filters and suggestions use
 * @param articles the articles that hold the entity under any of its names
 * @param variants each name the archive holds for it, with its articles, most first
 */
public record EntityResponse(String type, String name, long articles, List<FacetCount> variants) {}
