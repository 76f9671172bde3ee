package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which searches the default expands, on Reuters-21578, and what an expanded search counts. */
class QueryExpansionTest {

  private static ArticleSearcher searcher;

  @BeforeAll
  static void open() throws IOException {
    // A cold searcher on a busy machine may pass the default budget, which drops the feedback that
    // these tests look at; the budget is not under test here.
    searcher =
        ArticleSearcher.open(
            ReutersIndex.get().directory(),
            SearcherOptions.DEFAULTS.withTimeBudget(Duration.ofMinutes(1)));
  }

  @AfterAll
  static void close() throws IOException {
    if (searcher != null) {
      searcher.close();
    }
  }

  private static SearchResult search(SearchRequest request) throws IOException {
    return searcher.search(request);
  }

  private static SearchRequest query(String q) {
    return SearchRequest.defaults().with(SearchParameters.QUERY, q);
  }

  @Test
  void theDefaultExpandsShortQueriesOfPlainWordsRankedByRelevance() throws IOException {
    assertThat(search(query("cocoa")).expandedWith()).isNotEmpty();
    assertThat(search(query("chocolate bean exports")).expandedWith()).isNotEmpty();
    // Stop words do not count against the limit.
    assertThat(search(query("the price of gold")).expandedWith()).isNotEmpty();
  }

  @Test
  void theDefaultLeavesLongQueriesSyntaxAndOtherOrdersAsTyped() throws IOException {
    assertThat(search(query("coffee export quotas talks collapse in london")).expandedWith())
        .isEmpty();
    for (String q :
        List.of(
            "cocoa OR coffee",
            "\"cocoa exports\"",
            "title:cocoa",
            "+cocoa ghana",
            "coco~",
            "coc*")) {
      assertThat(search(query(q)).expandedWith()).as(q).isEmpty();
    }
    assertThat(search(query("cocoa").with(SearchParameters.SORT, SortOrder.NEWEST)).expandedWith())
        .isEmpty();
    assertThat(search(query("")).expandedWith()).isEmpty();
    assertThat(
            search(query("cocoa").with(SearchParameters.EXPAND, QueryExpansion.NEVER))
                .expandedWith())
        .isEmpty();
    assertThat(
            search(
                    query("coffee export quotas talks collapse in london")
                        .with(SearchParameters.EXPAND, QueryExpansion.ALWAYS))
                .expandedWith())
        .isNotEmpty();
  }

  @Test
  void anExpandedSearchCountsAndPagesExactlyTheArticlesOfTheQuery() throws IOException {
    countsAndPagesExactly("cocoa buffer");
    // Its 100th and 101st articles score alike: the cursor of the first page must not skip one.
    countsAndPagesExactly("discount rate");
  }

  private static void countsAndPagesExactly(String q) throws IOException {
    SearchRequest expanded = query(q).with(SearchParameters.SIZE, 100);
    SearchRequest plain = expanded.with(SearchParameters.EXPAND, QueryExpansion.NEVER);
    SearchResult first = search(expanded);
    SearchResult unexpanded = search(plain);
    assertThat(first.expandedWith()).isNotEmpty();
    assertThat(first.total()).isEqualTo(unexpanded.total()).isGreaterThan(100);
    assertThat(first.facets()).isEqualTo(unexpanded.facets());
    assertThat(first.timeline()).isEqualTo(unexpanded.timeline());
    // The feedback words change the order, not the set.
    assertThat(ids(first)).isNotEqualTo(ids(unexpanded));
    // Cursor pages continue the expanded ranking: every counted article once, none other.
    Set<String> ranked = new HashSet<>(ids(first));
    Set<String> typed = new HashSet<>(ids(unexpanded));
    Optional<String> cursor = first.nextCursor();
    Optional<String> plainCursor = unexpanded.nextCursor();
    while (cursor.isPresent()) {
      SearchResult page = search(expanded.with(SearchParameters.CURSOR, cursor.get()));
      assertThat(page.expandedWith()).isEqualTo(first.expandedWith());
      for (String id : ids(page)) {
        assertThat(ranked.add(id)).as(id + " ranked twice").isTrue();
      }
      cursor = page.nextCursor();
    }
    while (plainCursor.isPresent()) {
      SearchResult page = search(plain.with(SearchParameters.CURSOR, plainCursor.get()));
      typed.addAll(ids(page));
      plainCursor = page.nextCursor();
    }
    assertThat(ranked).hasSize((int) first.total()).isEqualTo(typed);
  }

  @Test
  void pagesWithinAndPastTheRescoredArticlesContinueOneRanking() throws IOException {
    for (String q : List.of("cocoa buffer", "oil prices", "gold", "japan trade")) {
      // Pages of 30: the first three lie within the rescored articles, the fourth runs past them.
      List<String> numbered = new ArrayList<>();
      for (int page = 1; page <= 4; page++) {
        SearchResult result =
            search(query(q).with(SearchParameters.SIZE, 30).with(SearchParameters.PAGE, page));
        assertThat(result.expandedWith()).as(q).isNotEmpty();
        numbered.addAll(ranked(result));
      }
      SearchRequest hundreds = query(q).with(SearchParameters.SIZE, 100);
      SearchResult first = search(hundreds);
      List<String> cursored = new ArrayList<>(ranked(first));
      cursored.addAll(
          ranked(search(hundreds.with(SearchParameters.CURSOR, first.nextCursor().orElseThrow()))));
      assertThat(numbered).as(q).isEqualTo(cursored.subList(0, numbered.size()));
    }
  }

  /** The ids of the hits with their scores, in order. */
  private static List<String> ranked(SearchResult result) {
    return result.hits().stream().map(hit -> hit.id() + " " + hit.score()).toList();
  }

  private static List<String> ids(SearchResult result) {
    List<String> ids = new ArrayList<>();
    result.hits().forEach(hit -> ids.add(hit.id()));
    return ids;
  }
}
