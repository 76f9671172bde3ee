package io.newsarchive.server.api;

import io.newsarchive.search.Suggestion;
import java.util.List;

/**
 * The body of {@code GET /api/suggest}.
 *
 * @param suggestions completions, entity names first
 */
public record SuggestResponse(List<Item> suggestions) {

  /**
   * One completion.
   *
   * @param text the headline or entity name
   * @param kind {@code title}, {@code person}, {@code org} or {@code place}
   */
  public record Item(String text, String kind) {}

  /** The body of library suggestions. */
  public static SuggestResponse of(List<Suggestion> suggestions) {
    return new SuggestResponse(
        suggestions.stream().map(s -> new Item(s.text(), s.kind().key())).toList());
  }
}
