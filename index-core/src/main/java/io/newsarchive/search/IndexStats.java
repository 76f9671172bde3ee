package io.newsarchive.search;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Facts about the open index.
 *
 * @param articles number of live articles
 * @param oldest earliest publication instant, empty when no article is dated
 * @param newest latest publication instant, empty when no article is dated
 * @param sources article counts per source, largest first
 * @param indexBytes size of the current commit's files on disk
 */
public record IndexStats(
    long articles,
    Optional<Instant> oldest,
    Optional<Instant> newest,
    List<FacetCount> sources,
    long indexBytes) {

  /** Copies the source list. */
  public IndexStats {
    sources = List.copyOf(sources);
  }
}
