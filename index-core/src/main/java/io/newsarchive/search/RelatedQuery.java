package io.newsarchive.search;

import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Builds a more-like-this query for one article: its most distinctive title and body terms plus its
 * tagged entities, excluding the article itself. Stateless.
 */
final class RelatedQuery {

  /** Most distinctive terms taken from the article's text. */
  private static final int MAX_TERMS = 25;

  /** Most entities taken from the article, in its order (most mentioned first by convention). */
  private static final int MAX_ENTITIES = 10;

  /** Weight of a shared entity relative to one shared term. */
  private static final float ENTITY_BOOST = 2.0f;

  private RelatedQuery() {}

  static Query of(IndexReader reader, Analyzer analyzer, int doc, Article article)
      throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(new String[] {ArticleFields.TITLE, ArticleFields.BODY});
    mlt.setMinTermFreq(1);
    mlt.setMinDocFreq(2);
    mlt.setMaxQueryTerms(MAX_TERMS);
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    builder.add(mlt.like(doc), Occur.SHOULD);
    int taken = 0;
    for (Entity entity : article.entities()) {
      if (taken++ == MAX_ENTITIES) {
        break;
      }
      Term term = new Term(ArticleFields.entityField(entity.type()), entity.name());
      builder.add(new BoostQuery(new TermQuery(term), ENTITY_BOOST), Occur.SHOULD);
    }
    builder.add(new TermQuery(new Term(ArticleFields.ID, article.id())), Occur.MUST_NOT);
    builder.setMinimumNumberShouldMatch(1);
    return builder.build();
  }
}
