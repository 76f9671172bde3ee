package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.time.Duration;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every search has a bounded cost: patterns are limited up front, the rest by the deadline. */
class SearchCostTest {

  private ArticleSearcher searcher;

  @BeforeEach
  void open() throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    TestArticles.index(dir, TestArticles.archive());
    searcher = new ArticleSearcher(dir, "test", SearcherOptions.DEFAULTS);
  }

  @AfterEach
  void close() throws IOException {
    searcher.close();
  }

  private SearchResult search(String q) throws IOException {
    return searcher.search(SearchRequest.defaults().with(SearchParameters.QUERY, q));
  }

  private void assertRefused(String q, String detail) {
    long start = System.nanoTime();
    assertThatThrownBy(() -> search(q))
        .as(q.length() > 60 ? q.substring(0, 60) : q)
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.param()).contains("q");
              assertThat(e.detail()).contains(detail);
            });
    // Refused before the automaton is built or soon into determinizing it: building one of these
    // took from 9 seconds to minutes.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void regularExpressionsWithinTheLimitsSearch() throws IOException {
    assertThat(search("/coco./").total()).isEqualTo(search("cocoa").total()).isPositive();
    assertThat(search("/co[a-z]{1,3}a/").total()).isPositive();
  }

  @Test
  void hugeRepeatCountsAreRefusedBeforeTheAutomatonIsBuilt() {
    assertRefused("/a{0,200000}/", "automaton states");
    assertRefused("/a{1000000}/", "automaton states");
    assertRefused("/[a-z]{1,100}{1,100}/", "automaton states");
    assertRefused("/(ab){5000,}/", "automaton states");
  }

  @Test
  void longRegularExpressionsAreRefused() {
    assertRefused("/" + "a".repeat(1001) + "/", "more than the 1000 allowed");
  }

  @Test
  void expressionsTooCostlyToDeterminizeAreRefused() {
    assertRefused("/(a|b)*a(a|b){20}/", "automaton states");
    assertRefused("title:/(a|b)*a(a|b){20}/", "automaton states");
  }

  @Test
  void invalidRegularExpressionsAreRefused() {
    assertRefused("/a{3,1}/", "invalid regular expression");
  }

  @Test
  void wildcardBombsAreRefused() {
    assertRefused("ab" + "*".repeat(1998), "characters, more than the 255 allowed");
    assertRefused("ab" + "*c".repeat(998), "characters, more than the 255 allowed");
    assertRefused("ab" + "*c".repeat(11), "11 wildcards, more than the 10 allowed");
    assertRefused("body:ab" + "?".repeat(20), "20 wildcards");
  }

  @Test
  void longFuzzyTermsAreRefused() {
    assertRefused("a".repeat(300) + "~2", "fuzzy term has 300 characters");
  }

  @Test
  void cancelledSearchesAnswerAsTimedOut() throws IOException {
    searcher.cancelSearches();
    SearchResult result = search("coc*");
    assertThat(result.timedOut()).isTrue();
    assertThat(result.totalExact()).isFalse();
    assertThat(result.hits()).isEmpty();
  }

  @Test
  void termExpansionRunsWithinTheBudget() throws IOException {
    ByteBuffersDirectory other = new ByteBuffersDirectory();
    TestArticles.index(other, TestArticles.archive());
    SearcherOptions hurried = SearcherOptions.DEFAULTS.withTimeBudget(Duration.ofNanos(1));
    try (ArticleSearcher late = new ArticleSearcher(other, "test", hurried)) {
      SearchResult result =
          late.search(SearchRequest.defaults().with(SearchParameters.QUERY, "/c.*/ OR co*"));
      assertThat(result.timedOut()).isTrue();
      assertThat(result.total()).isZero();
    }
  }

  @Test
  void searchesBeyondTheSlotsWaitThenAreRefusedAsBusy() throws InterruptedException {
    SearcherOptions one =
        new SearcherOptions(Duration.ofSeconds(1), Duration.ofSeconds(5), 1, Duration.ofMillis(50));
    RunningSearches searches = new RunningSearches(one);
    try (RunningSearches.Admitted first = searches.admit(System.nanoTime())) {
      assertThatThrownBy(() -> searches.admit(System.nanoTime()))
          .isInstanceOfSatisfying(
              SearchesBusyException.class,
              e -> {
                assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(6));
                assertThat(e.getMessage()).contains("all 1 search slots stayed busy for 50 ms");
              });
    }
    try (RunningSearches.Admitted again = searches.admit(System.nanoTime())) {
      assertThat(again.deadline().shouldExit()).isFalse();
    }
  }
}
