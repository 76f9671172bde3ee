package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.schema.ArticleFields;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

class RankingTest {

  private static Query words(String... terms) {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (String term : terms) {
      words.add(new TermQuery(new Term(ArticleFields.BODY, term)), Occur.SHOULD);
    }
    return words.build();
  }

  private static int spans(Query query) {
    int[] count = {0};
    query.visit(
        new QueryVisitor() {
          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            if (parent instanceof SpanQuery) {
              count[0]++;
            }
            return this;
          }
        });
    return count[0];
  }

  @Test
  void withoutProximityGivesBackTheWords() {
    Query words = words("oil", "price");
    Query scored = Ranking.withProximity(words, List.of("oil", "price"));
    assertThat(spans(scored)).isPositive();

    assertThat(Ranking.withoutProximity(scored))
        .isEqualTo(new BooleanQuery.Builder().add(words, Occur.MUST).build());
  }

  @Test
  void withoutProximityKeepsFiltersAndOtherClauses() {
    Query scored = Ranking.withProximity(words("crude", "oil"), List.of("crude", "oil"));
    Query filter = new TermQuery(new Term(ArticleFields.SOURCE, "reuters"));
    Query page =
        new BooleanQuery.Builder()
            .add(scored, Occur.MUST)
            .add(filter, Occur.FILTER)
            .add(new TermQuery(new Term(ArticleFields.TITLE, "opec")), Occur.SHOULD)
            .build();

    Query highlighted = Ranking.withoutProximity(page);

    assertThat(spans(highlighted)).isZero();
    assertThat(highlighted.toString())
        .contains("source:reuters", "title:opec", "body:crude", "body:oil");
  }

  @Test
  void withoutProximityLeavesAQueryWithoutPairsAlone() {
    Query words = words("cocoa");
    assertThat(Ranking.withoutProximity(words)).isSameAs(words);
  }
}
