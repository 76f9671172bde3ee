package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.article.EntityType;
import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What is unusual in the results of a search, on Reuters-21578. */
class SignificantTermsTest {

  private static ArticleSearcher searcher;

  @BeforeAll
  static void open() throws IOException {
    searcher = ArticleSearcher.open(ReutersIndex.get().directory(), SearcherOptions.DEFAULTS);
  }

  @AfterAll
  static void close() throws IOException {
    if (searcher != null) {
      searcher.close();
    }
  }

  private static List<String> words(SignificantTerms found) {
    return found.terms().stream().map(SignificantTerm::term).toList();
  }

  @Test
  void cocoaBringsUpTheWordsAndTheOrganizationOfTheCocoaTrade() throws IOException {
    SignificantTerms found =
        searcher.significant(
            SearchRequest.defaults().with(SearchParameters.QUERY, "cocoa"), 20, 200);
    assertThat(found.total()).isPositive();
    assertThat(found.sample()).isEqualTo((int) Math.min(200, found.total()));
    assertThat(words(found).subList(0, 10)).contains("cocoa", "icco", "buffer");
    assertThat(words(found)).contains("ghana", "ivory").doesNotContain("the", "of", "and", "said");
    assertThat(words(found)).allMatch(Significance::isCandidate);
    assertThat(found.of(EntityType.ORGANIZATION).stream().map(SignificantTerm::term).limit(3))
        .contains("International Cocoa Organization");
    for (SignificantTerm term : found.terms()) {
      assertThat(term.foreground()).isBetween((long) Significance.MIN_FOREGROUND, 200L);
      assertThat(term.background()).isGreaterThanOrEqualTo(term.foreground());
    }
    assertThat(found.terms())
        .extracting(SignificantTerm::score)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void cocoaBringsUpThePhrasesOfTheCocoaTradeWithoutStopWords() throws IOException {
    SignificantTerms found =
        searcher.significant(
            SearchRequest.defaults().with(SearchParameters.QUERY, "cocoa"), 20, 200);
    List<String> phrases = found.phrases().stream().map(SignificantTerm::term).toList();
    System.out.println("significant phrases 'cocoa': " + found.phrases());
    assertThat(phrases.subList(0, 10)).contains("buffer stock");
    for (SignificantTerm phrase : found.phrases()) {
      String[] words = phrase.term().split(" ");
      assertThat(words).hasSize(2).allMatch(Significance::isCandidate);
      assertThat(phrase.foreground()).isBetween((long) Significance.MIN_FOREGROUND, 200L);
      assertThat(phrase.background()).isGreaterThanOrEqualTo(phrase.foreground());
      // A phrase is no more common than either of its words.
      long held =
          searcher
              .search(
                  SearchRequest.defaults()
                      .with(SearchParameters.QUERY, "\"" + phrase.term() + "\"")
                      .with(SearchParameters.SIZE, 0)
                      .with(SearchParameters.FACETS, Set.of()))
              .total();
      assertThat(phrase.background()).as(phrase.term()).isLessThanOrEqualTo(held);
    }
    assertThat(found.phrases())
        .extracting(SignificantTerm::score)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void aRepeatedWireStoryCountsOnce() throws IOException {
    SearchRequest cocoa = SearchRequest.defaults().with(SearchParameters.QUERY, "cocoa");
    SignificantTerms found = searcher.significant(cocoa, 100, 200);
    long articles =
        searcher
            .search(
                cocoa
                    .with(SearchParameters.QUERY, "cocoa AND icco")
                    .with(SearchParameters.SIZE, 0)
                    .with(SearchParameters.FACETS, Set.of()))
            .total();
    SignificantTerm icco =
        found.terms().stream().filter(term -> term.term().equals("icco")).findFirst().orElseThrow();
    // Every sampled article with icco in its body holds cocoa, so all of them are in the sample;
    // those repeating an earlier one's text do not count again.
    assertThat(icco.foreground()).isLessThanOrEqualTo(articles);
  }

  @Test
  void aSmallerSampleReadsOnlyTheBestMatches() throws IOException {
    SignificantTerms found =
        searcher.significant(
            SearchRequest.defaults().with(SearchParameters.QUERY, "cocoa"), 20, 50);
    assertThat(found.sample()).isEqualTo(50);
    assertThat(found.total()).isGreaterThan(50);
    assertThat(found.terms()).allMatch(term -> term.foreground() <= 50);
    assertThat(words(found).subList(0, 5)).contains("cocoa", "icco");
  }

  @Test
  void aFilterWithoutWordsSamplesItsArticles() throws IOException {
    SignificantTerms found =
        searcher.significant(
            SearchRequest.defaults().with(SearchParameters.TOPICS, List.of("coffee")), 10, 100);
    assertThat(found.total()).isPositive();
    assertThat(found.sample()).isEqualTo((int) Math.min(100, found.total()));
    assertThat(words(found)).contains("coffee");
  }

  @Test
  void stopWordsNumbersAndSingleCharactersAreNoCandidates() {
    assertThat(List.of("the", "you're", "1,000", "3.5", "x", "87"))
        .noneMatch(Significance::isCandidate);
    assertThat(List.of("icco", "buffer", "g7", "organization's"))
        .allMatch(Significance::isCandidate);
    assertThat(Significance.EXCLUDED.length()).isLessThanOrEqualTo(Significance.MAX_REGEX_LENGTH);
  }

  @Test
  void aSampleOutsideItsLimitsIsRefused() {
    assertThatThrownBy(() -> searcher.significant(SearchRequest.defaults(), 20, 0))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("sample");
    assertThatThrownBy(() ->
            searcher.significant(SearchRequest.defaults(), 20, SearchParameters.MAX_SAMPLE + 1))
        .isInstanceOf(InvalidRequestException.class);
  }
}
