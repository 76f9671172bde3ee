package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WordMatchTest {

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
    return search(SearchRequest.defaults().with(SearchParameters.QUERY, q));
  }

  private SearchResult search(SearchRequest request) throws IOException {
    return searcher.search(request);
  }

  private static List<String> ids(SearchResult result) {
    return result.hits().stream().map(Hit::id).toList();
  }

  private SearchResult searchAuto(String q) throws IOException {
    return search(
        SearchRequest.defaults()
            .with(SearchParameters.QUERY, q)
            .with(SearchParameters.OPERATOR, WordMatch.AUTO));
  }

  @Test
  void twoWordsRankEitherByDefaultWithTheArticleHavingBothFirst() throws IOException {
    SearchResult result = search("cocoa ghana");

    assertThat(ids(result).get(0)).isEqualTo("reuters-1");
    assertThat(ids(result))
        .containsExactlyInAnyOrder("reuters-1", "reuters-2", "reuters-3", "kayhan-5");
    assertThat(result.total()).isEqualTo(4);
    assertThat(result.match()).contains(new WordsMatched(WordsMatched.Mode.ANY, 1, 2, false));
  }

  @Test
  void autoNeedsBothOfTwoWordsWhenSomeArticleHasBoth() throws IOException {
    SearchResult result = searchAuto("cocoa ghana");

    assertThat(ids(result)).containsExactly("reuters-1");
    assertThat(result.match()).contains(new WordsMatched(WordsMatched.Mode.ALL, 2, 2, false));
  }

  @Test
  void autoFallsBackToEitherOfTwoWordsThatNoArticleHasTogether() throws IOException {
    SearchResult result = searchAuto("ghana basra");

    assertThat(ids(result)).containsExactlyInAnyOrder("reuters-1", "kayhan-6");
    assertThat(result.total()).isEqualTo(2);
    assertThat(result.match()).contains(new WordsMatched(WordsMatched.Mode.ANY, 1, 2, true));
    assertThat(result.facets().get(FacetField.PLACE))
        .extracting(FacetCount::value)
        .contains("Ghana", "Basra");
  }

  @Test
  void longerQueriesRankArticlesWithMoreOfTheWordsFirst() throws IOException {
    SearchResult result = search("cocoa crop ghana exports");

    assertThat(ids(result).get(0)).isEqualTo("reuters-1");
    assertThat(ids(result)).contains("reuters-2", "kayhan-6");
    assertThat(result.match()).contains(new WordsMatched(WordsMatched.Mode.ANY, 1, 4, false));
  }

  @Test
  void operatorAndRequiresEveryWordWithoutFallingBack() throws IOException {
    SearchRequest and =
        SearchRequest.defaults()
            .with(SearchParameters.QUERY, "ghana basra")
            .with(SearchParameters.OPERATOR, WordMatch.AND);

    assertThat(search(and).total()).isZero();
    assertThat(search(and).match()).contains(WordsMatched.of(2, 2));
  }

  @Test
  void minimumMatchCountsPlainWordsOnly() throws IOException {
    SearchRequest request =
        SearchRequest.defaults()
            .with(SearchParameters.QUERY, "cocoa crop ghana exports")
            .with(SearchParameters.MINIMUM_MATCH, MinimumMatch.parse("-1"));
    SearchResult result = search(request);

    assertThat(ids(result)).containsExactly("reuters-1");
    assertThat(result.match()).contains(new WordsMatched(WordsMatched.Mode.MOST, 3, 4, false));
    SearchResult withOperator =
        search(request.with(SearchParameters.QUERY, "cocoa crop ghana exports -london"));
    assertThat(withOperator.total()).isZero();
  }

  @Test
  void explicitSyntaxKeepsItsMeaning() throws IOException {
    assertThat(ids(search("cocoa OR sugar"))).hasSize(5);
    assertThat(ids(search("\"cocoa exports\" ghana"))).isEmpty();
    assertThat(ids(searchAuto("+oil cocoa pompeo"))).containsExactly("kayhan-5");
    SearchRequest any =
        SearchRequest.defaults()
            .with(SearchParameters.QUERY, "+oil cocoa pompeo")
            .with(SearchParameters.OPERATOR, WordMatch.OR);
    assertThat(ids(search(any))).containsExactlyInAnyOrder("reuters-3", "kayhan-5");
    assertThat(search("cocoa AND ghana").match()).isEmpty();
    assertThat(search("").match()).isEmpty();
  }

  @Test
  void stopWordsAreDroppedUnlessTheQueryHasNothingElse() throws IOException {
    SearchRequest and = SearchRequest.defaults().with(SearchParameters.OPERATOR, WordMatch.AND);
    SearchResult cocoa = search(and.with(SearchParameters.QUERY, "cocoa through"));

    assertThat(cocoa.total()).isEqualTo(4);
    assertThat(cocoa.match()).contains(WordsMatched.of(1, 1));
    assertThat(ids(search("through"))).containsExactly("kayhan-6");
    assertThat(search(and.with(SearchParameters.QUERY, "cocoa body:through")).total()).isZero();
    assertThat(ids(search("\"exports through basra\""))).containsExactly("kayhan-6");
    // A stop word with an operator is explicit syntax and keeps its meaning.
    assertThat(ids(search("oil +through"))).containsExactly("kayhan-6");
    assertThat(ids(search("oil -through"))).isNotEmpty().doesNotContain("kayhan-6");
    assertThat(ids(search("cocoa AND through"))).isEmpty();
  }

  @Test
  void orderOfTheFallbackIsDeclared() {
    SearchRequest auto = SearchRequest.defaults().with(SearchParameters.OPERATOR, WordMatch.AUTO);
    assertThat(MinimumMatch.inTurn(auto).get(0).required(2)).isEqualTo(2);
    assertThat(MinimumMatch.inTurn(auto).get(0).required(5)).isEqualTo(1);
    assertThat(MinimumMatch.inTurn(SearchRequest.defaults())).containsExactly(MinimumMatch.ANY);
  }
}
