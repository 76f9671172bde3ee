package io.newsarchive.search;

import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One article in a result list.
 *
 * @param id article id
 * @param title plain headline
 * @param source publisher or collection
 * @param published publication instant, or {@code null} when the article has no date
 * @param url article address, possibly empty
 * @param score relevance score of the article for the query (also computed for date orders)
 * @param titleSnippet the whole headline with matches marked
 * @param bodySnippet the best passages of the body with matches marked
 * @param entities canonical entity names by type, in the article's order; no types at all (an empty
 *     map) when the tagger does not read the article's language ({@link Article#tagged()})
 * @param article the whole article as the backend holds it, its entities under their canonical
 *     names, for readers that need more than a result list shows (an export: language, codes,
 *     body); not part of the API's JSON
 * @param story the story the article belongs to, shared by its wire copies; its own id when it has
 *     none or the backend does not group copies
 * @param storyArticles how many articles of the archive belong to {@code story}, at least 1
 * @param copies with {@link SearchParameters#COLLAPSE} {@code story}, how many matching articles
 *     this hit stands for (its story's matching copies, itself included); else 1
 * @param copySources with {@link SearchParameters#COLLAPSE} {@code story}, the sources of up to
 *     {@code StoryCollapse.SOURCES} of those copies, best-ranked first, each once; else empty
 */
public record Hit(
    String id,
    String title,
    String source,
    Instant published,
    String url,
    float score,
    Snippet titleSnippet,
    Snippet bodySnippet,
    Map<EntityType, List<String>> entities,
    Article article,
    String story,
    long storyArticles,
    long copies,
    List<String> copySources) {

  /** Copies the entity map. */
  public Hit {
    // In enum order, so JSON output is the same from one run to the next.
    EnumMap<EntityType, List<String>> ordered = new EnumMap<>(EntityType.class);
    ordered.putAll(entities);
    entities = Collections.unmodifiableMap(ordered);
    copySources = List.copyOf(copySources);
  }

  /**
   * The hit of {@code article} with its snippets; a score that is not a number (an article found
   * without scoring) counts as zero.
   */
  public static Hit of(Article article, float score, Snippet title, Snippet body) {
    Map<EntityType, List<String>> entities = new EnumMap<>(EntityType.class);
    for (EntityType type : article.tagged() ? EntityType.values() : new EntityType[0]) {
      entities.put(type, new ArrayList<>());
    }
    for (Entity entity : article.entities()) {
      entities.get(entity.type()).add(entity.name());
    }
    return new Hit(
        article.id(),
        article.title(),
        article.source(),
        article.published(),
        article.url(),
        Float.isNaN(score) ? 0f : score,
        title,
        body,
        entities,
        article,
        article.id(),
        1,
        1,
        List.of());
  }

  /** This hit as one of the {@code articles} articles of {@code story}. */
  public Hit withStory(String story, long articles) {
    return new Hit(
        id,
        title,
        source,
        published,
        url,
        score,
        titleSnippet,
        bodySnippet,
        entities,
        article,
        story,
        articles,
        copies,
        copySources);
  }

  /** This hit as the best of {@code count} matching copies of its story, from {@code sources}. */
  public Hit withCopies(long count, List<String> sources) {
    return new Hit(
        id,
        title,
        source,
        published,
        url,
        score,
        titleSnippet,
        bodySnippet,
        entities,
        article,
        story,
        storyArticles,
        count,
        sources);
  }
}
