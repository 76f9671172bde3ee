package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two plain words rank the articles that hold both above those that hold one, on Reuters-21578,
 * while every article with either word is still matched and counted.
 */
class AllWordsFirstTest {

  private static ArticleSearcher searcher;

  @BeforeAll
  static void open() throws IOException {
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

  private static SearchResult search(String q, WordMatch operator) throws IOException {
    SearchRequest request =
        SearchRequest.defaults().with(SearchParameters.QUERY, q).with(SearchParameters.SIZE, 100);
    return searcher.search(
        operator == null ? request : request.with(SearchParameters.OPERATOR, operator));
  }

  private static List<String> ids(SearchResult result) {
    return result.hits().stream().map(Hit::id).toList();
  }

  @Test
  void articlesWithBothWordsComeFirstAndTheOthersStillCount() throws IOException {
    SearchResult both = search("rapeseed crop", WordMatch.AND);
    Set<String> withBoth = Set.copyOf(ids(both));
    assertThat(both.total()).isBetween(2L, 50L).isEqualTo(withBoth.size());

    SearchResult ranked = search("rapeseed crop", null);

    assertThat(ranked.total()).isEqualTo(search("rapeseed OR crop", null).total());
    assertThat(ranked.total()).isGreaterThan(both.total() * 5);
    assertThat(ids(ranked).subList(0, withBoth.size()))
        .containsExactlyInAnyOrderElementsOf(withBoth);
    assertThat(ids(ranked).subList(withBoth.size(), ids(ranked).size()))
        .doesNotContainAnyElementsOf(withBoth);
  }

  @Test
  void explicitOrKeepsTheWordsOwnOrder() throws IOException {
    // Without the rule the words alone put articles holding one of them among those holding both:
    // what the rule changes, on the same query written with an operator.
    Set<String> withBoth = Set.copyOf(ids(search("rapeseed crop", WordMatch.AND)));
    List<String> typed = ids(search("rapeseed OR crop", null));

    List<String> first = typed.subList(0, withBoth.size());
    assertThat(first).anyMatch(id -> !withBoth.contains(id));
    assertThat(typed.stream().filter(withBoth::contains).collect(Collectors.toSet()))
        .isEqualTo(withBoth);
  }
}
