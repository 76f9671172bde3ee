package io.newsarchive.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.time.Duration;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class RankingEvaluationTest {

  private static ArticleSearcher searcher(Duration budget) throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    TestArticles.index(dir, TestArticles.archive());
    return new ArticleSearcher(dir, "test", SearcherOptions.DEFAULTS.withTimeBudget(budget));
  }

  @Test
  void retrievesTheRankedArticles() throws IOException {
    try (ArticleSearcher searcher = searcher(Duration.ofMinutes(1))) {
      assertThat(RankingEvaluation.retrieve(searcher, SearchRequest.defaults(), "cocoa"))
          .extracting(ScoredDoc::docId)
          .contains("reuters-1");
    }
  }

  @Test
  void aQueryPastItsBudgetStopsTheEvaluationInsteadOfScoringPartialHits() throws IOException {
    // A budget spent before the search starts: every search stops at its first check.
    try (ArticleSearcher searcher = searcher(Duration.ofNanos(1))) {
      assertThatThrownBy(
              () -> RankingEvaluation.retrieve(searcher, SearchRequest.defaults(), "cocoa"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("'cocoa' ran past the time budget at rank 0")
          .hasMessageContaining("--time-budget-ms");
    }
  }
}
