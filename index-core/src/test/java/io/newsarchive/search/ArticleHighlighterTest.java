package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.article.Article;
import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Snippets made away from the index are those the index's own highlighter makes. */
class ArticleHighlighterTest {

  private static ArticleSearcher searcher;

  @BeforeAll
  static void open() throws IOException {
    searcher = ArticleSearcher.open(ReutersIndex.get().directory(), SearcherOptions.DEFAULTS);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  @Test
  void snippetsOfArticlesFoundElsewhereAreTheIndexSnippets() throws IOException {
    ArticleHighlighter highlighter = new ArticleHighlighter();
    ArticleQueryParser parser = new ArticleQueryParser();
    int marked = 0;
    for (String q :
        List.of(
            "cocoa",
            "oil prices",
            "\"crude oil\" opec",
            "title:gold",
            "wheat -corn",
            "bank of england",
            "person:reagan tax",
            "u.s. trade deficit with japan")) {
      SearchRequest request =
          SearchRequest.defaults()
              .with(SearchParameters.QUERY, q)
              .with(SearchParameters.SIZE, 20)
              .with(SearchParameters.EXPAND, QueryExpansion.NEVER);
      List<Hit> ours = searcher.search(request).hits();
      List<Article> articles = new ArrayList<>();
      float[] scores = new float[ours.size()];
      for (int i = 0; i < ours.size(); i++) {
        articles.add(searcher.article(ours.get(i).id()).orElseThrow());
        scores[i] = ours.get(i).score();
      }

      List<Hit> theirs =
          highlighter.hits(parser.textQuery(q, MinimumMatch.ANY).query(), articles, scores);

      assertThat(ours).as(q).hasSize(20);
      assertThat(theirs).as(q).isEqualTo(ours);
      marked += (int) ours.stream().filter(hit -> hit.bodySnippet().matched()).count();
    }
    assertThat(marked).isGreaterThan(100);
    assertThatThrownBy(() ->
            highlighter.hits(
                parser.textQuery("oil", MinimumMatch.ANY).query(), List.of(), new float[1]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anArticleFoundWithoutWordsOpensWithItsFirstPassages() throws IOException {
    Article article = searcher.article("reuters-1").orElseThrow();
    List<Hit> related = searcher.related("reuters-2", 5).orElseThrow();

    for (Hit hit : related) {
      Article found = searcher.article(hit.id()).orElseThrow();
      assertThat(Hit.unmarked(found, hit.score())).isEqualTo(hit);
    }
    assertThat(Hit.unmarked(article, 1f).bodySnippet().html())
        .startsWith(
            "SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone")
        .endsWith(".");
  }
}
