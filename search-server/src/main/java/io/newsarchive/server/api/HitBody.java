package io.newsarchive.server.api;

import io.newsarchive.article.EntityType;
import io.newsarchive.search.Hit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One article in a result list.
 *
 * @param id article id, usable in {@code /api/articles/{id}}
 * @param title plain headline
 * @param source publisher or collection
 * @param published ISO-8601 instant, or {@code null} when undated
 * @param url article address, possibly empty
 * @param score relevance score
 * @param titleSnippet the headline as HTML: matches in {@code <mark>}, the rest escaped
 * @param bodySnippet best body passages as HTML: matches in {@code <mark>}, the rest escaped
 * @param entities entity names by type key ({@code person}, {@code org}, {@code place})
 */
public record HitBody(
    String id,
    String title,
    String source,
    String published,
    String url,
    float score,
    String titleSnippet,
    String bodySnippet,
    Map<String, List<String>> entities) {

  /** The body of a library hit. */
  public static HitBody of(Hit hit) {
    Map<String, List<String>> entities = new LinkedHashMap<>();
    for (EntityType type : EntityType.values()) {
      entities.put(type.key(), hit.entities().getOrDefault(type, List.of()));
    }
    return new HitBody(
        hit.id(),
        hit.title(),
        hit.source(),
        hit.published() == null ? null : hit.published().toString(),
        hit.url(),
        hit.score(),
        hit.titleSnippet().html(),
        hit.bodySnippet().html(),
        entities);
  }

  /** The bodies of library hits, in order. */
  public static List<HitBody> of(List<Hit> hits) {
    return hits.stream().map(HitBody::of).toList();
  }
}
