package io.newsarchive.opensearch;

import io.newsarchive.article.Article;

/**
 * The fields of an article the OpenSearch tests send, as the client's Jackson mapper writes them:
 * {@code text} is the title and body together.
 */
record ArticleDocument(String id, String title, String text, String published) {

  static ArticleDocument of(Article article) {
    return new ArticleDocument(
        article.id(),
        article.title(),
        article.title() + "\n" + article.body(),
        article.published() == null ? null : article.published().toString());
  }
}
