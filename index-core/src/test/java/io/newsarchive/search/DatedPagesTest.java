package io.newsarchive.search;

import static io.newsarchive.testing.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.lucene.document.LongField;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages sorted by date, which find their hits among the days that hold them, list exactly the
 * articles a sort of every match lists: with filters, words, page numbers and cursors, ties at the
 * same time, and undated articles last.
 */
class DatedPagesTest {

  private static final Instant FIRST = Instant.parse("2021-03-01T00:00:00Z");
  private static final long DAY = 86_400_000L;

  private final List<Article> articles = new ArrayList<>();
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private ArticleSearcher searcher;

  @BeforeEach
  void open() throws IOException {
    // Indexed oldest first, as archives are ingested: several articles a day over 40 days, some
    // published at the same second, every eleventh from the other source, three undated.
    for (int i = 0; i < 600; i++) {
      Instant published = FIRST.plusSeconds(5_760L * (i / 2 * 2));
      String id = (i % 11 == 0 ? "kayhan-" : "wire-") + (1000 + (i * 37) % 600);
      String body = i % 3 == 0 ? "Grain harvest report " + i : "Market session " + i;
      articles.add(article(id, "Story " + i, body, published.toString(), List.of()));
    }
    for (int i = 0; i < 3; i++) {
      articles.add(article("wire-undated-" + i, "Undated", "Market notes", null, List.of()));
    }
    TestArticles.index(directory, articles.subList(0, 300));
    TestArticles.index(directory, articles.subList(300, articles.size()));
    searcher = new ArticleSearcher(directory, "test", SearcherOptions.DEFAULTS);
  }

  @AfterEach
  void close() throws IOException {
    searcher.close();
  }

  /** The ids of the matching articles in {@code order}, undated last, ties by id. */
  private List<String> expected(SortOrder order, Predicate<Article> matches) {
    Comparator<Article> byTime = Comparator.comparing(Article::published);
    Comparator<Article> dated = order == SortOrder.NEWEST ? byTime.reversed() : byTime;
    return articles.stream()
        .filter(matches)
        .sorted(
            Comparator.<Article, Boolean>comparing(a -> a.published() == null)
                .thenComparing((a, b) ->
                    a.published() == null || b.published() == null ? 0 : dated.compare(a, b))
                .thenComparing(Article::id))
        .map(Article::id)
        .toList();
  }

  private List<String> pages(SearchRequest request) throws IOException {
    List<String> ids = new ArrayList<>();
    String cursor = "";
    while (true) {
      SearchResult page = searcher.search(request.with(SearchParameters.CURSOR, cursor));
      page.hits().forEach(hit -> ids.add(hit.id()));
      if (page.nextCursor().isEmpty()) {
        return ids;
      }
      cursor = page.nextCursor().get();
    }
  }

  @Test
  void everythingNewestAndOldestFollowsTheWholeSort() throws IOException {
    for (SortOrder order : List.of(SortOrder.NEWEST, SortOrder.OLDEST)) {
      SearchRequest request =
          SearchRequest.defaults()
              .with(SearchParameters.SORT, order)
              .with(SearchParameters.SIZE, 25);
      assertThat(pages(request)).as(order.key()).isEqualTo(expected(order, a -> true));
      SearchResult fourth = searcher.search(request.with(SearchParameters.PAGE, 4));
      assertThat(fourth.hits().stream().map(Hit::id).toList())
          .isEqualTo(expected(order, a -> true).subList(75, 100));
      assertThat(fourth.total()).isEqualTo(603);
    }
  }

  @Test
  void filteredAndWordPagesFollowTheWholeSort() throws IOException {
    for (SortOrder order : List.of(SortOrder.NEWEST, SortOrder.OLDEST)) {
      SearchRequest base =
          SearchRequest.defaults()
              .with(SearchParameters.SORT, order)
              .with(SearchParameters.SIZE, 10);
      assertThat(pages(base.with(SearchParameters.SOURCES, List.of("kayhan.ir"))))
          .isEqualTo(expected(order, a -> a.source().equals("kayhan.ir")));
      assertThat(pages(base.with(SearchParameters.QUERY, "grain")))
          .isEqualTo(expected(order, a -> a.body().startsWith("Grain")));
      Instant from = FIRST.plusMillis(10 * DAY);
      Instant to = FIRST.plusMillis(12 * DAY);
      SearchResult ranged =
          searcher.search(base.with(SearchParameters.FROM, from).with(SearchParameters.TO, to));
      Predicate<Article> inRange =
          a -> a.published() != null && !a.published().isBefore(from) && !a.published().isAfter(to);
      assertThat(ranged.hits().stream().map(Hit::id).toList())
          .isEqualTo(expected(order, inRange).subList(0, 10));
      assertThat(ranged.total()).isEqualTo(articles.stream().filter(inRange).count());
    }
  }

  @Test
  void filterOnlyPagesCountTheirOwnMatchesEveryTimeTheyAreAsked() throws IOException {
    // Kept counts must answer each filter with its own matches, however the filters alternate,
    // and a new version of the index must count its new articles.
    for (int round = 0; round < 3; round++) {
      for (int week = 0; week < 5; week++) {
        Instant from = FIRST.plusMillis(7 * week * DAY);
        Instant to = from.plusMillis(7 * DAY - 1);
        assertFilteredCounts(newestBetween(from, to), inRange(from, to));
      }
      SearchResult kayhan =
          searcher.search(
              SearchRequest.defaults()
                  .with(SearchParameters.SORT, SortOrder.OLDEST)
                  .with(SearchParameters.SOURCES, List.of("kayhan.ir")));
      assertFilteredCounts(kayhan, a -> a.source().equals("kayhan.ir"));
    }
    List<Article> later = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      later.add(
          article(
              "late-" + i,
              "Late " + i,
              "Late market",
              FIRST.plusMillis(DAY + i).toString(),
              List.of()));
    }
    TestArticles.index(directory, later);
    articles.addAll(later);
    searcher.refresh();
    Instant from = FIRST;
    Instant to = from.plusMillis(7 * DAY - 1);
    assertFilteredCounts(newestBetween(from, to), inRange(from, to));
  }

  /** The first page of the articles published from {@code from} to {@code to}, newest first. */
  private SearchResult newestBetween(Instant from, Instant to) throws IOException {
    return searcher.search(
        SearchRequest.defaults()
            .with(SearchParameters.SORT, SortOrder.NEWEST)
            .with(SearchParameters.FROM, from)
            .with(SearchParameters.TO, to));
  }

  private static Predicate<Article> inRange(Instant from, Instant to) {
    return a ->
        a.published() != null && !a.published().isBefore(from) && !a.published().isAfter(to);
  }

  /**
   * {@code page}'s total, source counts and daily timeline are those of the articles it filters.
   */
  private void assertFilteredCounts(SearchResult page, Predicate<Article> filter) {
    List<Article> matching = articles.stream().filter(filter).toList();
    assertThat(page.total()).isEqualTo(matching.size());
    List<FacetCount> sources =
        matching.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    Article::source, java.util.stream.Collectors.counting()))
            .entrySet()
            .stream()
            .map(e -> new FacetCount(e.getKey(), e.getValue()))
            .sorted(Comparator.comparingLong(FacetCount::count).reversed())
            .toList();
    assertThat(page.facets().get(FacetField.SOURCE)).containsExactlyElementsOf(sources);
    long timelined = page.timeline().buckets().stream().mapToLong(TimelineBucket::count).sum();
    assertThat(timelined).isEqualTo(matching.stream().filter(a -> a.published() != null).count());
  }

  @Test
  void newestPageLooksOnlyAtTheDaysThatHoldIt() {
    int[] counts = new int[40];
    Arrays.fill(counts, 15);
    counts[39] = 4;
    counts[38] = 0;
    long firstDay = FIRST.toEpochMilli() / DAY;
    MatchCounter.Days days = new MatchCounter.Days(firstDay, counts);

    assertThat(days.holding(SortOrder.NEWEST, 11, null))
        .contains(
            LongField.newRangeQuery(
                ArticleFields.PUBLISHED, (firstDay + 37) * DAY, Long.MAX_VALUE));
    assertThat(days.holding(SortOrder.OLDEST, 16, null))
        .contains(
            LongField.newRangeQuery(
                ArticleFields.PUBLISHED, Long.MIN_VALUE, (firstDay + 2) * DAY - 1));
    // From a cursor in day 20, the page's 31 hits lie in days 20 to 18.
    assertThat(days.holding(SortOrder.NEWEST, 31, (firstDay + 20) * DAY + 5))
        .contains(
            LongField.newRangeQuery(
                ArticleFields.PUBLISHED, (firstDay + 18) * DAY, Long.MAX_VALUE));
    assertThat(days.holding(SortOrder.NEWEST, 10_000, null)).isEqualTo(Optional.empty());
    assertThat(days.holding(SortOrder.RELEVANCE, 11, null)).isEmpty();
  }
}
