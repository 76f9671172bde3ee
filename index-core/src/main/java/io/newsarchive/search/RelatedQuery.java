package io.newsarchive.search;

import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.List;
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
 * tagged entities, excluding the article itself. The constants are what every backend builds the
 * same query from. Stateless.
 */
public final class RelatedQuery {

  /** Most distinctive terms taken from the article's text. */
  public static final int MAX_TERMS = 25;

  /** Fewest times a term must occur in the article to be taken. */
  public static final int MIN_TERM_FREQ = 1;

  /** Fewest articles of the archive that must hold a term for it to be taken. */
  public static final int MIN_DOC_FREQ = 2;

  /** Most entities taken from the article, in its order (most mentioned first by convention). */
  public static final int MAX_ENTITIES = 10;

  /** Weight of a shared entity relative to one shared term. */
  public static final float ENTITY_BOOST = 2.0f;

  /** The fields whose terms are taken. */
  public static final List<String> FIELDS = List.of(ArticleFields.TITLE, ArticleFields.BODY);

  private RelatedQuery() {}

  static Query of(IndexReader reader, Analyzer analyzer, int doc, Article article)
      throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(reader);
    mlt.setAnalyzer(analyzer);
    mlt.setFieldNames(FIELDS.toArray(String[]::new));
    mlt.setMinTermFreq(MIN_TERM_FREQ);
    mlt.setMinDocFreq(MIN_DOC_FREQ);
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
