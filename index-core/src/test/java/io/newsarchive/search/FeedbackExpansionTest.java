package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedbackExpansionTest {

  /** Weather bulletins, so that a word of one test article is rare enough to feed back. */
  private static final int BULLETINS = 40;

  private ByteBuffersDirectory dir;
  private ArticleSearcher searcher;

  @BeforeEach
  void open() throws IOException {
    List<Article> articles = new ArrayList<>(TestArticles.archive());
    for (int i = 0; i < BULLETINS; i++) {
      articles.add(
          TestArticles.article(
              "reuters-" + (100 + i),
              "Weather bulletin " + i,
              "Mild weather is expected across the region, forecasters said.",
              "1987-07-01T00:00:00Z",
              List.of()));
    }
    dir = new ByteBuffersDirectory();
    TestArticles.index(dir, articles);
    searcher = new ArticleSearcher(dir, "test", SearcherOptions.DEFAULTS);
  }

  @AfterEach
  void close() throws IOException {
    searcher.close();
  }

  private SearchResult search(String q, QueryExpansion expand) throws IOException {
    return searcher.search(
        SearchRequest.defaults()
            .with(SearchParameters.QUERY, q)
            .with(SearchParameters.EXPAND, expand));
  }

  @Test
  void expansionAddsWordsOfTheTopArticlesAndKeepsTheQuery() throws IOException {
    Query typed = new ArticleQueryParser().textQuery("ghana", MinimumMatch.ALL).query();
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher first = new IndexSearcher(reader);
      ScoreDoc[] best = first.search(typed, FeedbackExpansion.RESCORED).scoreDocs;
      FeedbackExpansion.Expansion expansion =
          new FeedbackExpansion().expand(first, typed, best).orElseThrow();
      // Words of the one article about Ghana, stemmed as indexed; the query word is not "added".
      assertThat(expansion.added()).contains("cocoa", "crop", "london").doesNotContain("ghana");
      assertThat(expansion.added().size()).isLessThanOrEqualTo(FeedbackExpansion.FEEDBACK_TERMS);
      // Words in more than a tenth of the articles (the bulletins' words) do not feed back.
      assertThat(expansion.added()).doesNotContain("weather", "mild", "forecast");
      List<BooleanClause> clauses = ((BooleanQuery) expansion.text()).clauses();
      List<Query> parts = clauses.stream().map(BooleanClause::query).toList();
      // The query decides what matches; the feedback words only add to the score.
      assertThat(clauses)
          .extracting(BooleanClause::occur)
          .containsExactly(BooleanClause.Occur.MUST, BooleanClause.Occur.SHOULD);
      assertThat(((FunctionScoreQuery) parts.get(0)).getWrappedQuery()).isEqualTo(typed);
      // The query as typed keeps its share of the weight: its scores times that share, exactly,
      // which is what lets the rescored articles be scored from their scores as typed.
      ScoreDoc[] original = first.search(parts.get(0), FeedbackExpansion.RESCORED).scoreDocs;
      assertThat(original).hasSameSizeAs(best);
      for (int i = 0; i < best.length; i++) {
        assertThat(original[i].doc).isEqualTo(best[i].doc);
        assertThat(original[i].score).isEqualTo(FeedbackExpansion.ORIGINAL_WEIGHT * best[i].score);
      }
    }
  }

  @Test
  void feedbackWordsReorderTheMatchingArticlesAndAddNone() throws IOException {
    SearchResult plain = search("cocoa", QueryExpansion.NEVER);
    assertThat(plain.expandedWith()).isEmpty();

    SearchResult expanded = search("cocoa", QueryExpansion.ALWAYS);
    assertThat(expanded.expandedWith()).contains("ghana");
    // Only articles with the typed word: counts, facets and timeline are those of the query.
    assertThat(expanded.total()).isEqualTo(plain.total());
    assertThat(expanded.hits())
        .extracting(Hit::id)
        .containsExactlyInAnyOrderElementsOf(plain.hits().stream().map(Hit::id).toList());
    assertThat(expanded.facets()).isEqualTo(plain.facets());
    assertThat(expanded.timeline()).isEqualTo(plain.timeline());
  }

  @Test
  void queriesThatMatchEverythingOrNothingAreNotExpanded() throws IOException {
    assertThat(search("", QueryExpansion.ALWAYS).expandedWith()).isEmpty();
    assertThat(search("", QueryExpansion.ALWAYS).total())
        .isEqualTo(search("", QueryExpansion.NEVER).total());
    SearchResult none = search("zanzibar", QueryExpansion.ALWAYS);
    assertThat(none.expandedWith()).isEmpty();
    assertThat(none.total()).isZero();
  }

  @Test
  void phrasesAndFieldsOfTheQueryStillCount() throws IOException {
    SearchResult expanded = search("title:\"cocoa exports\"", QueryExpansion.ALWAYS);
    assertThat(expanded.hits().get(0).id()).isEqualTo("reuters-2");
    assertThat(expanded.expandedWith()).isNotEmpty();
  }

  @Test
  void rescoredArticlesScoreExactlyAsASearchOfTheExpandedQuery() throws IOException {
    // One, two and three typed words: the original boost is 1/2, 1/4 and 1/6 of their score.
    for (String q : List.of("cocoa", "cocoa prices", "cocoa oil crop")) {
      Query typed = new ArticleQueryParser().textQuery(q, MinimumMatch.ANY).query();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher first = Ranking.searcher(reader);
        ScoreDoc[] best = first.search(typed, FeedbackExpansion.RESCORED).scoreDocs;
        FeedbackExpansion.Expansion expansion =
            new FeedbackExpansion().expand(first, typed, best).orElseThrow();
        ScoreDoc[] scored = FeedbackScores.of(first, expansion.words(), best);
        ScoreDoc[] searched =
            first.search(first.rewrite(expansion.text()), FeedbackExpansion.RESCORED).scoreDocs;
        assertThat(searched).hasSameSizeAs(best);
        Map<Integer, Float> expected = new HashMap<>();
        for (ScoreDoc hit : searched) {
          expected.put(hit.doc, hit.score);
        }
        for (ScoreDoc hit : scored) {
          assertThat(hit.score).as("%s, article %d", q, hit.doc).isEqualTo(expected.get(hit.doc));
        }
        // The feedback words moved some article: the comparison is not of the query as typed.
        assertThat(scored)
            .anySatisfy(hit ->
                assertThat(hit.score)
                    .isGreaterThan(expansion.words().originalBoost() * scoreOf(best, hit.doc)));
      }
    }
  }

  private static float scoreOf(ScoreDoc[] hits, int doc) {
    for (ScoreDoc hit : hits) {
      if (hit.doc == doc) {
        return hit.score;
      }
    }
    throw new AssertionError("no article " + doc);
  }
}
