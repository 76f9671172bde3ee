package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A page by relevance whose matches are counted on another thread than its best hits are found is
 * the page that one pass over every match gives, on Reuters-21578.
 */
class PageCountingTest {

  private static ArticleSearcher onePass;
  private static ArticleSearcher beside;

  @BeforeAll
  static void open() throws IOException {
    // The budget is not under test: a cold searcher on a busy machine must not time out.
    SearcherOptions options = SearcherOptions.DEFAULTS.withTimeBudget(Duration.ofMinutes(1));
    ReutersIndex reuters = ReutersIndex.get();
    onePass = new ArticleSearcher(FSDirectory.open(reuters.directory()), "reuters", options, 0);
    beside = new ArticleSearcher(FSDirectory.open(reuters.directory()), "reuters", options, 2);
  }

  @AfterAll
  static void close() throws IOException {
    if (onePass != null) {
      onePass.close();
    }
    if (beside != null) {
      beside.close();
    }
  }

  private static SearchRequest query(String q) {
    return SearchRequest.defaults()
        .with(SearchParameters.QUERY, q)
        .with(SearchParameters.FACETS, EnumSet.allOf(FacetField.class))
        .with(SearchParameters.INTERVAL, Interval.MONTH);
  }

  /** The same request through both searchers: the same answer but for the time it took. */
  private static SearchResult same(SearchRequest request) throws IOException {
    SearchResult expected = onePass.search(request);
    SearchResult counted = beside.search(request);
    assertThat(counted.timedOut()).as("%s", request).isFalse();
    assertThat(counted)
        .as("%s", request)
        .usingRecursiveComparison()
        .ignoringFields("tookMillis")
        .isEqualTo(expected);
    return counted;
  }

  @Test
  void firstPagesWithFeedbackAreTheSame() throws IOException {
    for (String q :
        List.of(
            "oil",
            "oil prices",
            "cocoa",
            "gold",
            "japan trade",
            "profit loss",
            "merger acquisition")) {
      SearchResult result = same(query(q));
      assertThat(result.hits()).as(q).isNotEmpty();
      assertThat(result.expandedWith()).as(q).isNotEmpty();
    }
  }

  @Test
  void pagesAsTypedAreTheSame() throws IOException {
    List<UnaryOperator<SearchRequest>> variants =
        List.of(
            request -> request.with(SearchParameters.EXPAND, QueryExpansion.NEVER),
            request -> request.with(SearchParameters.PAGE, 3),
            request -> request.with(SearchParameters.PAGE, 12),
            request -> request.with(SearchParameters.RECENCY, 30),
            request -> request.with(SearchParameters.SIZE, 50),
            request ->
                request
                    .with(SearchParameters.FROM, Instant.parse("1987-03-01T00:00:00Z"))
                    .with(SearchParameters.TO, Instant.parse("1987-04-30T23:59:59Z")));
    for (String q :
        List.of(
            "bank OR banks",
            "coffee OR sugar OR cocoa",
            "\"trade deficit\"",
            "wheat AND export",
            "export*",
            "goverment~",
            "title:dollar",
            "\"stock exchange\"~3",
            "shares NOT oil",
            "market",
            "company")) {
      assertThat(same(query(q)).hits()).as(q).isNotEmpty();
      for (UnaryOperator<SearchRequest> variant : variants) {
        same(variant.apply(query(q)));
      }
    }
  }

  @Test
  void cursorsContinueTheSameOrder() throws IOException {
    for (String q : List.of("oil", "bank OR banks", "company")) {
      SearchRequest request = query(q);
      List<String> ids = new ArrayList<>();
      for (int page = 0; page < 15; page++) {
        SearchResult result = same(request);
        result.hits().forEach(hit -> ids.add(hit.id()));
        request = request.with(SearchParameters.CURSOR, result.nextCursor().orElseThrow());
      }
      // Tied scores are broken by id in both: no article shows twice across the pages.
      assertThat(ids).as(q).doesNotHaveDuplicates().hasSize(150);
    }
  }

  @Test
  void datedPagesAndQueriesWithoutMatchesAreTheSame() throws IOException {
    same(query("interest rates").with(SearchParameters.SORT, SortOrder.NEWEST));
    same(query("crude oil").with(SearchParameters.SORT, SortOrder.OLDEST));
    same(query(""));
    SearchRequest none = query("zzqxjv");
    assertThat(beside.search(none))
        .usingRecursiveComparison()
        .ignoringFields("tookMillis")
        .isEqualTo(onePass.search(none));
  }
}
