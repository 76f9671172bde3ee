package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which spellings the search offers on Reuters-21578, where a few articles misspell words. */
class SpellingCorrectorTest {

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

  private static SearchResult search(String q) throws IOException {
    return searcher.search(SearchRequest.defaults().with(SearchParameters.QUERY, q));
  }

  @Test
  void aWordMuchRarerThanACloseCommonSpellingGetsThatSpellingEvenWithHits() throws IOException {
    SearchResult misspelt = search("goverment");
    SearchResult corrected = search("government");

    assertThat(misspelt.total()).isBetween(1L, corrected.total() / SpellingCorrector.RARER - 1);
    assertThat(misspelt.didYouMean()).contains("government");
  }

  @Test
  void eachWordOfSeveralIsCorrectedOnItsOwn() throws IOException {
    assertThat(search("reagan goverment").didYouMean()).contains("reagan government");
    assertThat(search("goverment cocao").didYouMean()).contains("government cocoa");
  }

  @Test
  void commonAndRareButRightWordsAreLeftAlone() throws IOException {
    assertThat(search("government").didYouMean()).isEmpty();
    assertThat(search("reagan government").didYouMean()).isEmpty();
    // Rare words whose close spellings are not much commoner, or not common at all.
    assertThat(search("Pompeo").didYouMean()).isEmpty();
    assertThat(search("Yeutter").didYouMean()).isEmpty();
  }

  @Test
  void noWordIsCorrectedToAStopWordThatTheCorrectedQueryWouldDrop() throws IOException {
    // "hits" is rare in Reuters-21578 and "his", one letter off, far commoner, but a stop word:
    // alone in a query it is searched, elsewhere dropped.
    assertThat(search("hits").didYouMean()).isNotEqualTo(Optional.of("his"));
    assertThat(search("offs").didYouMean()).isNotEqualTo(Optional.of("off"));
    assertThat(SpellingCorrector.worthSuggesting("hiss", 9, "his", 2_264)).isFalse();
    assertThat(SpellingCorrector.worthSuggesting("goverment", 9, "government", 2_264)).isTrue();
  }

  @Test
  void aKnownWordTakesSpellingsOneEditAwayAndAnUnknownOneTwo() {
    assertThat(SpellingCorrector.maxEdits(0)).isEqualTo(2);
    assertThat(SpellingCorrector.maxEdits(3)).isEqualTo(1);
    assertThat(SpellingCorrector.oneEditApart("goverment", "government")).isTrue();
    assertThat(SpellingCorrector.oneEditApart("cocao", "cocoa")).as("neighbours swapped").isTrue();
    assertThat(SpellingCorrector.oneEditApart("hits", "hit")).isTrue();
    assertThat(SpellingCorrector.oneEditApart("toll", "told")).isTrue();
    assertThat(SpellingCorrector.oneEditApart("saudi", "said")).isFalse();
    assertThat(SpellingCorrector.worthSuggesting("saudi", 9, "said", 2_264)).isFalse();
    assertThat(SpellingCorrector.worthSuggesting("saudi", 0, "said", 2_264)).isTrue();
    assertThat(SpellingCorrector.oneEditApart("cocoa", "cocoa")).isTrue();
    assertThat(SpellingCorrector.oneEditApart("cocoa", "coca cola")).isFalse();
    assertThat(SpellingCorrector.oneEditApart("abc", "cba")).isFalse();
  }

  @Test
  void theRuleWeighsHowManyArticlesHoldEachSpelling() {
    assertThat(SpellingCorrector.worthSuggesting(0, 1)).isTrue();
    assertThat(SpellingCorrector.worthSuggesting(0, 0)).isFalse();
    assertThat(SpellingCorrector.worthSuggesting(9, 2_264)).isTrue();
    assertThat(SpellingCorrector.worthSuggesting(9, 180)).isFalse();
    assertThat(SpellingCorrector.worthSuggesting(2, 60)).as("not common").isFalse();
    assertThat(SpellingCorrector.worthSuggesting(100, 100_000)).as("taken as meant").isFalse();
    assertThat(SpellingCorrector.worthSuggesting(99, 100_000)).isTrue();
  }
}
