package io.newsarchive.search;

import io.newsarchive.article.Article;
import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.Query;

/**
 * Snippets for articles that a backend other than the local index found: the same marks and
 * passages as the local index shows for the same query, so that a page does not depend on where the
 * archive is kept. Thread-safe.
 */
public final class ArticleHighlighter {

  private final HitReader reader = new HitReader(ArticleFields.analyzer());

  /** A highlighter with its analyzer built. */
  public ArticleHighlighter() {}

  /**
   * The hits of {@code articles}, in order, each with its score from {@code scores} and the
   * snippets of its title and body for the text terms of {@code query} (as {@link
   * ArticleQueryParser#textQuery} parses them).
   *
   * @throws IllegalArgumentException when there are not as many scores as articles
   */
  public List<Hit> hits(Query query, List<Article> articles, float[] scores) throws IOException {
    if (scores.length != articles.size()) {
      throw new IllegalArgumentException(
          articles.size() + " articles but " + scores.length + " scores");
    }
    return reader.read(query, articles, scores);
  }
}
