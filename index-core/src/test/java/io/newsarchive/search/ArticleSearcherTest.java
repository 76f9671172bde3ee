package io.newsarchive.search;

import static io.newsarchive.testing.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArticleSearcherTest {

  private ByteBuffersDirectory dir;
  private ArticleSearcher searcher;

  @BeforeEach
  void open() throws IOException {
    dir = new ByteBuffersDirectory();
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

  private static List<String> ids(SearchResult result) {
    return result.hits().stream().map(Hit::id).toList();
  }

  @Test
  void cocoaRanksCocoaStoriesFirst() throws IOException {
    SearchResult result = search("cocoa");
    assertThat(ids(result).subList(0, 2)).containsExactlyInAnyOrder("reuters-1", "reuters-2");
    assertThat(ids(result)).contains("reuters-3", "kayhan-5");
    assertThat(result.total()).isEqualTo(4);
    assertThat(result.totalExact()).isTrue();
  }

  @Test
  void searchPastItsTimeBudgetIsFlaggedPartial() throws IOException {
    Directory other = new ByteBuffersDirectory();
    TestArticles.index(other, TestArticles.archive());
    SearcherOptions hurried = new SearcherOptions(Duration.ofSeconds(1), Duration.ofNanos(1));
    try (ArticleSearcher late = new ArticleSearcher(other, "test", hurried)) {
      SearchResult result = late.search(SearchRequest.defaults());
      assertThat(result.timedOut()).isTrue();
      assertThat(result.totalExact()).isFalse();
      assertThat(result.total()).isLessThan(search("").total());
      assertThat(late.counts()).isEqualTo(new SearchCounts(1, 1, 0, 0, 0));
    }
  }

  @Test
  void countsSearchesCancellationsAndRefreshes() throws IOException {
    search("cocoa");
    TestArticles.index(
        dir, List.of(article("reuters-99", "Coffee talks", "Coffee quota talks", null, List.of())));
    searcher.refresh();
    searcher.cancelSearches();
    assertThat(search("coc*").timedOut()).isTrue();
    assertThat(searcher.counts()).isEqualTo(new SearchCounts(2, 0, 1, 0, 1));
  }

  @Test
  void topicFilterKeepsArticlesWithAnyGivenCode() throws IOException {
    SearchRequest request =
        SearchRequest.defaults().with(SearchParameters.QUERY, "quota OR markets");
    assertThat(searcher.search(request).total()).isGreaterThan(1);
    assertThat(
            ids(searcher.search(request.with(SearchParameters.TOPICS, List.of("sugar", "cocoa")))))
        .containsExactly("reuters-8");
    assertThat(searcher.search(request.with(SearchParameters.TOPICS, List.of("cocoa"))).total())
        .isZero();
  }

  @Test
  void placeCodeFilterReadsTheEditorsCodesNotTheTaggedPlaces() throws IOException {
    SearchRequest request = SearchRequest.defaults();
    assertThat(
            ids(
                searcher.search(
                    request.with(SearchParameters.PLACE_CODES, List.of("switzerland")))))
        .containsExactly("reuters-8");
    assertThat(
            searcher.search(request.with(SearchParameters.PLACE_CODES, List.of("geneva"))).total())
        .isZero();
    assertThat(ids(searcher.search(request.with(SearchParameters.PLACES, List.of("Geneva")))))
        .containsExactly("reuters-8");
  }

  @Test
  void defaultRanksAnyWordAndOperatorAndNeedsEvery() throws IOException {
    assertThat(ids(search("cocoa ghana"))).hasSize(4).startsWith("reuters-1");
    SearchRequest and =
        SearchRequest.defaults()
            .with(SearchParameters.QUERY, "cocoa ghana")
            .with(SearchParameters.OPERATOR, WordMatch.AND);
    assertThat(ids(searcher.search(and))).containsExactly("reuters-1");
    assertThat(ids(search("cocoa OR sugar"))).hasSize(5);
  }

  @Test
  void emptyQueryMatchesEverything() throws IOException {
    assertThat(search("").total()).isEqualTo(8);
  }

  @Test
  void nameInQueryFindsArticlesTaggedWithIt() throws IOException {
    assertThat(ids(search("\"bank of england\""))).containsExactly("reuters-4");
    assertThat(ids(search("person:pompeo"))).containsExactly("kayhan-5");
    assertThat(ids(search("source:kayhan.ir"))).containsExactlyInAnyOrder("kayhan-5", "kayhan-6");
    assertThat(ids(search("topic:sugar"))).containsExactly("reuters-8");
  }

  @Test
  void placeFilterKeepsOnlyTaggedArticles() throws IOException {
    SearchResult result =
        searcher.search(SearchRequest.defaults().with(SearchParameters.PLACES, List.of("Iraq")));
    assertThat(ids(result)).containsExactlyInAnyOrder("kayhan-5", "kayhan-6");
    SearchResult both =
        searcher.search(
            SearchRequest.defaults().with(SearchParameters.PLACES, List.of("Iraq", "Baghdad")));
    assertThat(ids(both)).containsExactly("kayhan-5");
  }

  @Test
  void dateRangeWithNewestIsOrderedAndBounded() throws IOException {
    SearchResult result =
        searcher.search(
            SearchRequest.defaults()
                .with(SearchParameters.FROM, Instant.parse("1987-03-01T00:00:00Z"))
                .with(SearchParameters.TO, Instant.parse("1987-05-07T08:00:00Z"))
                .with(SearchParameters.SORT, SortOrder.NEWEST));
    assertThat(ids(result)).containsExactly("reuters-4", "reuters-3", "reuters-2", "reuters-1");
    SearchResult oldest =
        searcher.search(SearchRequest.defaults().with(SearchParameters.SORT, SortOrder.OLDEST));
    assertThat(ids(oldest)).startsWith("reuters-1").endsWith("reuters-7");
    assertThat(oldest.hits().get(0).score()).isGreaterThan(0f);
  }

  @Test
  void facetCountsCoverTheWholeMatchingSet() throws IOException {
    SearchResult result =
        searcher.search(
            SearchRequest.defaults()
                .with(SearchParameters.QUERY, "oil OR cocoa")
                .with(SearchParameters.SIZE, 1));
    assertThat(result.total()).isEqualTo(5);
    assertThat(result.facets().get(FacetField.SOURCE))
        .containsExactly(new FacetCount("reuters", 3), new FacetCount("kayhan.ir", 2));
    assertThat(result.facets().get(FacetField.PLACE))
        .startsWith(new FacetCount("Iraq", 2))
        .contains(new FacetCount("Ghana", 1), new FacetCount("London", 1));
    assertThat(result.facets().get(FacetField.LANGUAGE)).containsExactly(new FacetCount("en", 5));
  }

  @Test
  void timelineCountsMonthsAndFillsGaps() throws IOException {
    SearchResult result =
        searcher.search(
            SearchRequest.defaults()
                .with(SearchParameters.SOURCES, List.of("reuters"))
                .with(SearchParameters.INTERVAL, Interval.MONTH));
    Timeline timeline = result.timeline();
    assertThat(timeline.interval()).isEqualTo(Interval.MONTH);
    assertThat(timeline.buckets())
        .containsExactly(
            new TimelineBucket(Instant.parse("1987-03-01T00:00:00Z"), 2),
            new TimelineBucket(Instant.parse("1987-04-01T00:00:00Z"), 1),
            new TimelineBucket(Instant.parse("1987-05-01T00:00:00Z"), 1),
            new TimelineBucket(Instant.parse("1987-06-01T00:00:00Z"), 1));
    assertThat(search("").timeline().interval()).isEqualTo(Interval.YEAR);
  }

  @Test
  void snippetsMarkMatchesAndEscapeHtml() throws IOException {
    Hit hit = search("pompeo cocoa").hits().get(0);
    assertThat(hit.titleSnippet().html()).isEqualTo("<mark>Pompeo</mark> visits Baghdad");
    assertThat(hit.bodySnippet().html())
        .contains("<mark>cocoa</mark>")
        .contains("&lt;script&gt;")
        .contains("&amp;")
        .doesNotContain("<script>");
    assertThat(hit.entities().get(EntityType.PERSON)).containsExactly("Mike Pompeo");
  }

  @Test
  void pagesDoNotOverlap() throws IOException {
    SearchRequest request =
        SearchRequest.defaults()
            .with(SearchParameters.SIZE, 3)
            .with(SearchParameters.SORT, SortOrder.NEWEST);
    List<String> first = ids(searcher.search(request.with(SearchParameters.PAGE, 1)));
    List<String> second = ids(searcher.search(request.with(SearchParameters.PAGE, 2)));
    List<String> third = ids(searcher.search(request.with(SearchParameters.PAGE, 3)));
    Set<String> all = new HashSet<>(first);
    all.addAll(second);
    all.addAll(third);
    assertThat(first).hasSize(3);
    assertThat(second).hasSize(3);
    assertThat(third).hasSize(2);
    assertThat(all).hasSize(8);
  }

  @Test
  void cursorPagingVisitsEveryHitExactlyOnce() throws IOException {
    List<Article> many = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      many.add(
          article(
              "wire-" + i,
              "Market update " + (i % 7),
              "Markets moved " + (i % 13) + " points in session " + i,
              Instant.parse("2020-01-01T00:00:00Z").plusSeconds(3600L * (i % 400)).toString(),
              List.of()));
    }
    TestArticles.index(dir, many);
    searcher.refresh();
    for (SortOrder sort : SortOrder.values()) {
      Set<String> seen = new HashSet<>();
      String cursor = "";
      int pages = 0;
      while (true) {
        SearchResult page =
            searcher.search(
                SearchRequest.defaults()
                    .with(SearchParameters.QUERY, "markets")
                    .with(SearchParameters.SORT, sort)
                    .with(SearchParameters.SIZE, 100)
                    .with(SearchParameters.CURSOR, cursor));
        assertThat(page.total()).isEqualTo(1501); // with "Grain markets quiet"
        for (Hit hit : page.hits()) {
          assertThat(seen.add(hit.id())).as("hit %s seen twice", hit.id()).isTrue();
        }
        pages++;
        if (page.nextCursor().isEmpty()) {
          break;
        }
        cursor = page.nextCursor().get();
      }
      assertThat(seen).hasSize(1501);
      assertThat(pages).isEqualTo(16);
    }
  }

  @Test
  void cursorPagingOfAnEmptyQueryByRelevanceVisitsEveryArticle() throws IOException {
    // Every article matches an empty query alike, so its relevance cursor holds a score.
    Set<String> seen = new HashSet<>();
    String cursor = "";
    do {
      SearchResult page =
          searcher.search(
              SearchRequest.defaults()
                  .with(SearchParameters.SIZE, 3)
                  .with(SearchParameters.CURSOR, cursor));
      page.hits().forEach(hit -> assertThat(seen.add(hit.id())).as(hit.id()).isTrue());
      cursor = page.nextCursor().orElse("");
    } while (!cursor.isEmpty());
    assertThat(seen).hasSize(TestArticles.archive().size());
  }

  @Test
  void cursorOfAnotherSortIsRefused() throws IOException {
    String cursor =
        searcher.search(SearchRequest.defaults().with(SearchParameters.SIZE, 2)).nextCursor().get();
    assertThatThrownBy(() ->
            searcher.search(
                SearchRequest.defaults()
                    .with(SearchParameters.CURSOR, cursor)
                    .with(SearchParameters.SORT, SortOrder.NEWEST)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("another sort");
    assertThatThrownBy(
            () -> searcher.search(SearchRequest.defaults().with(SearchParameters.CURSOR, "!!")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("malformed");
  }

  @Test
  void syntaxErrorSaysWhere() {
    assertThatThrownBy(() -> search("cocoa AND (oil"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("column")
        .satisfies(e -> assertThat(((InvalidRequestException) e).param()).contains("q"));
  }

  @Test
  void syntaxErrorsNameTheCommonestSlipsInPlainWords() {
    assertThatThrownBy(() -> search("cocoa AND (oil"))
        .hasMessageContaining("a parenthesis is not closed");
    assertThatThrownBy(() -> search("\"cocoa exports"))
        .hasMessageContaining("a quoted phrase is not closed");
    assertThatThrownBy(() -> search("cocoa) AND oil")).hasMessageContaining("')' without its '('");
    assertThat(QuerySyntaxMessage.plainHint("\"(not a group\" AND \\( oil")).isEmpty();
  }

  @Test
  void broadWildcardsAndUnknownFieldsAreRefused() throws IOException {
    assertThatThrownBy(() -> search("*coa")).hasMessageContaining("too broad");
    assertThatThrownBy(() -> search("c*")).hasMessageContaining("too broad");
    assertThatThrownBy(() -> search("colour:red")).hasMessageContaining("unknown field");
    assertThat(ids(search("coc*"))).contains("reuters-1");
    assertThat(ids(search("cocao~"))).contains("reuters-1");
  }

  @Test
  void zeroHitsOfferDidYouMean() throws IOException {
    SearchResult result = search("cocao prices");
    // Articles with either word are shown, and the spelling offered for the word none has.
    assertThat(result.match()).contains(new WordsMatched(WordsMatched.Mode.ANY, 1, 2, false));
    assertThat(result.didYouMean()).contains("cocoa prices");
    assertThat(search("cocao").total()).isZero();
    assertThat(search("cocao").didYouMean()).contains("cocoa");
    assertThat(search("cocoa").didYouMean()).isEmpty();
  }

  @Test
  void recencyBoostsNewerArticles() throws IOException {
    SearchResult plain = search("oil");
    SearchResult recent =
        searcher.search(
            SearchRequest.defaults()
                .with(SearchParameters.QUERY, "oil")
                .with(SearchParameters.RECENCY, 30));
    assertThat(recent.total()).isEqualTo(plain.total());
    assertThat(ids(recent).get(0)).startsWith("kayhan");
    assertThat(ids(recent).indexOf("reuters-3")).isGreaterThan(ids(recent).indexOf("kayhan-6"));
  }

  @Test
  void relatedArticlesShareTermsAndExcludeTheArticle() throws IOException {
    List<Hit> related = searcher.related("reuters-1", 5).orElseThrow();
    assertThat(related).extracting(Hit::id).doesNotContain("reuters-1").contains("reuters-2");
    assertThat(searcher.related("nope", 5)).isEmpty();
  }

  @Test
  void topEntitiesCountOverTheQuery() throws IOException {
    SearchRequest oil =
        SearchRequest.defaults()
            .with(SearchParameters.QUERY, "oil")
            .with(SearchParameters.FACET_SIZE, 2);
    assertThat(searcher.topEntities(EntityType.LOCATION, oil))
        .containsExactly(new FacetCount("Iraq", 2), new FacetCount("Baghdad", 1));
  }

  @Test
  void suggestionsAreLeftUntilAskedForThenPreparedInTheBackground()
      throws IOException, InterruptedException {
    // Opening and searching spend nothing on suggestions.
    assertThat(
            searcher.search(SearchRequest.defaults().with(SearchParameters.QUERY, "iraq")).total())
        .isPositive();
    assertThat(searcher.suggestionsRequested()).isFalse();
    searcher.prepareSuggestions();
    assertThat(searcher.suggestionsRequested()).isTrue();
    List<Suggestion> suggestions = searcher.suggest("bag", 8);
    for (int i = 0; i < 100 && suggestions.isEmpty(); i++) {
      Thread.sleep(100);
      suggestions = searcher.suggest("bag", 8);
    }
    assertThat(suggestions).contains(new Suggestion("Baghdad", Suggestion.Kind.PLACE));
  }

  @Test
  void suggestCompletesTitlesAndNames() throws IOException, InterruptedException {
    // The first call starts building the suggester in the background; allow it up to 10 s.
    List<Suggestion> suggestions = searcher.suggest("ira", 8);
    for (int i = 0; i < 100 && suggestions.isEmpty(); i++) {
      Thread.sleep(100);
      suggestions = searcher.suggest("ira", 8);
    }
    assertThat(suggestions.getFirst()).isEqualTo(new Suggestion("Iraq", Suggestion.Kind.PLACE));
    assertThat(suggestions)
        .contains(new Suggestion("Iraq oil exports climb", Suggestion.Kind.TITLE));
    assertThat(searcher.suggest("bag", 8))
        .contains(
            new Suggestion("Baghdad", Suggestion.Kind.PLACE),
            new Suggestion("Pompeo visits Baghdad", Suggestion.Kind.TITLE));
  }

  @Test
  void statsDescribeTheIndex() throws IOException {
    IndexStats stats = searcher.stats();
    assertThat(stats.articles()).isEqualTo(8);
    assertThat(stats.oldest()).contains(Instant.parse("1987-03-02T10:00:00Z"));
    assertThat(stats.newest()).contains(Instant.parse("2019-02-14T07:00:00Z"));
    assertThat(stats.sources())
        .containsExactly(new FacetCount("reuters", 6), new FacetCount("kayhan.ir", 2));
    assertThat(stats.indexBytes()).isPositive();
  }

  @Test
  void articleLookupReturnsTheStoredArticle() throws IOException {
    Article article = searcher.article("kayhan-5").orElseThrow();
    assertThat(article.title()).isEqualTo("Pompeo visits Baghdad");
    assertThat(article.entities()).hasSize(3);
    assertThat(searcher.article("missing")).isEmpty();
  }

  @Test
  void emptyQueryCountsWhatAFilterOnEverySourceCounts() throws IOException {
    SearchRequest everything = SearchRequest.defaults().with(SearchParameters.SIZE, 3);
    SearchRequest everySource =
        everything.with(SearchParameters.SOURCES, List.of("reuters", "kayhan.ir"));

    SearchResult all = searcher.search(everything);
    SearchResult filtered = searcher.search(everySource);

    assertThat(all.total()).isEqualTo(8).isEqualTo(filtered.total());
    assertThat(all.totalExact()).isTrue();
    assertThat(all.facets()).isEqualTo(filtered.facets());
    assertThat(all.timeline()).isEqualTo(filtered.timeline());
    assertThat(ids(all)).isEqualTo(ids(filtered));
    assertThat(all.nextCursor()).isPresent();
  }

  @Test
  void emptyQueryCountsANewCommitAfterRefresh() throws IOException {
    long before = search("").facets().get(FacetField.SOURCE).getFirst().count();
    TestArticles.index(
        dir, List.of(article("reuters-99", "Coffee talks", "Coffee quota talks", null, List.of())));
    searcher.refresh();

    SearchResult after = search("");
    assertThat(after.total()).isEqualTo(9);
    assertThat(after.facets().get(FacetField.SOURCE).getFirst())
        .isEqualTo(new FacetCount("reuters", before + 1));
  }

  @Test
  void newCommitBecomesVisibleAfterRefresh() throws IOException {
    TestArticles.index(
        dir, List.of(article("reuters-99", "Coffee talks", "Coffee quota talks", null, List.of())));
    searcher.refresh();
    assertThat(ids(search("coffee"))).containsExactly("reuters-99");
  }

  @Test
  void facetsMergeValuesAcrossSegments() throws IOException {
    TestArticles.index(
        dir,
        List.of(
            article(
                "kayhan-98",
                "Iraq talks",
                "Talks in Iraq",
                null,
                List.of(TestArticles.place("Iraq"))),
            article(
                "reuters-97",
                "Aachen fair",
                "A fair",
                null,
                List.of(TestArticles.place("Aachen")))));
    searcher.refresh();
    SearchResult result =
        searcher.search(SearchRequest.defaults().with(SearchParameters.FACET_SIZE, 3));
    assertThat(result.facets().get(FacetField.SOURCE))
        .containsExactly(new FacetCount("reuters", 7), new FacetCount("kayhan.ir", 3));
    assertThat(result.facets().get(FacetField.PLACE))
        .containsExactly(
            new FacetCount("Iraq", 3), new FacetCount("London", 2), new FacetCount("Aachen", 1));
  }

  @Test
  void facetTopValuesBreakTiesByValueAtTheCutOff() throws IOException {
    TestArticles.index(
        dir,
        List.of(
            article("reuters-201", "Gold", "Gold", null, places("Zurich", "Madrid")),
            article("reuters-202", "Gold", "Gold", null, places("Zurich", "Madrid", "Berlin")),
            article("reuters-203", "Gold", "Gold", null, places("Berlin", "Madrid", "Athens"))));
    searcher.refresh();
    SearchRequest gold =
        SearchRequest.defaults()
            .with(SearchParameters.QUERY, "title:gold")
            .with(SearchParameters.FACET_SIZE, 2);

    assertThat(searcher.search(gold).facets().get(FacetField.PLACE))
        .containsExactly(new FacetCount("Madrid", 3), new FacetCount("Berlin", 2));
    SearchRequest wider =
        SearchRequest.defaults()
            .with(SearchParameters.QUERY, "title:gold")
            .with(SearchParameters.FACET_SIZE, 10);
    assertThat(searcher.search(wider).facets().get(FacetField.PLACE))
        .containsExactly(
            new FacetCount("Madrid", 3),
            new FacetCount("Berlin", 2),
            new FacetCount("Zurich", 2),
            new FacetCount("Athens", 1));
  }

  private static List<Entity> places(String... names) {
    return Arrays.stream(names).map(TestArticles::place).toList();
  }
}
