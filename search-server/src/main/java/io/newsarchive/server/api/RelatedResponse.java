package io.newsarchive.server.api;

import io.newsarchive.search.Hit;
import java.util.List;

/**
 * The body of {@code GET /api/articles/{id}/related}.
 *
 * @param hits the most similar articles, best first, never the article itself
 */
public record RelatedResponse(List<Hit> hits) {}
