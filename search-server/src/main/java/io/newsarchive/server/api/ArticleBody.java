package io.newsarchive.server.api;

import io.newsarchive.article.Article;
import io.newsarchive.article.CodeScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body of {@code GET /api/articles/{id}}: the whole stored article.
 *
 * @param id article id
 * @param source publisher or collection
 * @param sourceId the source's own id, possibly empty
 * @param url article address, possibly empty
 * @param title plain headline
 * @param body plain text
 * @param published ISO-8601 instant, or {@code null} when undated
 * @param publishedText the date as the source wrote it, possibly empty
 * @param language primary language subtag, possibly empty
 * @param authors bylines
 * @param entities extracted entities with type and mention count
 * @param codes editor-assigned codes by scheme ({@code topics}, {@code places}, {@code people},
 *     {@code orgs}, {@code exchanges})
 */
public record ArticleBody(
    String id,
    String source,
    String sourceId,
    String url,
    String title,
    String body,
    String published,
    String publishedText,
    String language,
    List<String> authors,
    List<EntityBody> entities,
    Map<String, List<String>> codes) {

  /**
   * One entity of an article.
   *
   * @param name canonical name
   * @param type {@code person}, {@code org} or {@code place}
   * @param mentions mentions in title and body
   */
  public record EntityBody(String name, String type, int mentions) {}

  /** The body of a library article. */
  public static ArticleBody of(Article article) {
    Map<String, List<String>> codes = new LinkedHashMap<>();
    for (CodeScheme scheme : CodeScheme.values()) {
      codes.put(scheme.name().toLowerCase(Locale.ROOT), article.codes(scheme));
    }
    return new ArticleBody(
        article.id(),
        article.source(),
        article.sourceId(),
        article.url(),
        article.title(),
        article.body(),
        article.published() == null ? null : article.published().toString(),
        article.publishedText(),
        article.language(),
        article.authors(),
        article.entities().stream()
            .map(e -> new EntityBody(e.name(), e.type().key(), e.mentions()))
            .toList(),
        codes);
  }
}
