package io.newsarchive.server.api;

import io.newsarchive.search.FacetCount;
import io.newsarchive.search.IndexStats;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/stats}.
 *
 * @param articles number of articles
 * @param oldest earliest publication instant, or {@code null} when no article is dated
 * @param newest latest publication instant, or {@code null}
 * @param sources articles per source, most first
 * @param indexBytes size of the index on disk
 */
public record StatsResponse(
    long articles, Instant oldest, Instant newest, List<FacetCount> sources, long indexBytes) {

  /** The body of library statistics. */
  public static StatsResponse of(IndexStats stats) {
    return new StatsResponse(
        stats.articles(),
        stats.oldest().orElse(null),
        stats.newest().orElse(null),
        stats.sources(),
        stats.indexBytes());
  }
}
