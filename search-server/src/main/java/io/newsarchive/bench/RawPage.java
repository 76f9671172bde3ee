package io.newsarchive.bench;

import java.util.List;
import java.util.Map;

/**
 * A result page built by {@link RawLucenePage}: what {@code /api/search} answers, minus what the
 * baseline does not compute (spelling, matched words, expansion).
 *
 * @param total exact number of matching articles
 * @param hits the page's articles, best first
 * @param facets per counted keyword field, its most frequent values, most frequent first
 * @param timeline per bucket start (ISO date), matching articles, oldest first
 */
public record RawPage(
    long total, List<Hit> hits, Map<String, List<Count>> facets, List<Count> timeline) {

  /** Copies the collections, so that a page is immutable. */
  public RawPage {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
    timeline = List.copyOf(timeline);
  }

  /** One article of the page, with the stored fields the page shows and a body snippet. */
  public record Hit(
      String id, String title, String source, String url, String published, String snippet) {}

  /** A facet value or timeline bucket and how many matching articles it holds. */
  public record Count(String value, long count) {}
}
