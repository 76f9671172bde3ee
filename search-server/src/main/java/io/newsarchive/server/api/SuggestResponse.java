package io.newsarchive.server.api;

import io.newsarchive.search.Suggestion;
import java.util.List;

/**
 * The body of {@code GET /api/suggest}.
 *
 * @param suggestions completions, entity names first
 */
public record SuggestResponse(List<Suggestion> suggestions) {}
