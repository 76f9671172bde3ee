package io.newsarchive.search;

import static io.newsarchive.search.FeedbackExpansion.RESCORED;
import static io.newsarchive.search.SearchParameters.CURSOR;
import static io.newsarchive.search.SearchParameters.EXPAND;
import static io.newsarchive.search.SearchParameters.PAGE;
import static io.newsarchive.search.SearchParameters.RECENCY;
import static io.newsarchive.search.SearchParameters.SIZE;
import static io.newsarchive.search.SearchParameters.SORT;

import io.newsarchive.search.ArticleQueryParser.TextQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TopFieldCollectorManager;

/**
 * The route of one page, decided once from its request before anything is searched: its order, the
 * hits it collects of that order, and when feedback words and meaning reorder it. Immutable.
 *
 * @param order the page's order
 * @param after the position that a cursor continues from, or null for a numbered page
 * @param offset the position of the page's first hit among the {@code wanted}
 * @param wanted the hits collected: those up to the page's end and one more
 * @param feedback when feedback words reorder the page, if they do
 * @param meaning when meaning reorders the page, if it does
 */
record PagePlan(
    SortOrder order, FieldDoc after, int offset, int wanted, Feedback feedback, Meaning meaning) {

  /** When a search ranks with feedback words, if it does. */
  enum Feedback {
    /** Not at all. */
    NONE,
    /**
     * From the best articles of a first pass of the query as typed, before the page is collected by
     * the expanded query: for pages beyond the rescored articles, cursors and recency boosts.
     */
    BEFORE,
    /**
     * From the best articles of the page's own pass of the query as typed, which also counts the
     * matches; the rescored articles are then reordered: the first page and those within the
     * rescored articles, which the feedback words cannot push others above.
     */
    AFTER
  }

  /** When a search is reordered by meaning, if it is. */
  enum Meaning {
    /** Not at all: the words alone rank it. */
    NONE,
    /** The page searches the best articles first, reorders them, and pages the reordered query. */
    BEFORE,
    /** A first page reorders the best articles that its counting pass keeps. */
    AFTER
  }

  /**
   * The plan of {@code pass}'s page: {@code parser} tells the languages its query is analyzed for,
   * {@code semantic} whether it is reordered by meaning.
   *
   * @throws InvalidRequestException when the cursor is malformed
   */
  static PagePlan of(PagePass pass, ArticleQueryParser parser, SemanticRescore semantic) {
    SearchRequest request = pass.request();
    FieldDoc after =
        request.get(CURSOR).isEmpty()
            ? null
            : Cursor.decode(request.get(CURSOR), request.get(SORT));
    int offset = after == null ? (request.get(PAGE) - 1) * request.get(SIZE) : 0;
    // One hit more than the page shows whether a next page exists.
    int wanted = offset + request.get(SIZE) + 1;
    // Feedback words are read from the best articles by the English analyzer: a query analyzed
    // for other languages goes without them.
    boolean english = parser.forRequest(request, pass.searcher().languages()).analyzesEnglishOnly();
    // A page of no hits, asked for its counts alone, has nothing that feedback words or meaning
    // could reorder: they never change which articles match.
    boolean shows = request.get(SIZE) > 0;
    Feedback feedback =
        english && shows ? feedbackRoute(request, pass.text(), after, wanted) : Feedback.NONE;
    // The sentence-embedding model is English: auto leaves other languages to the words.
    boolean byMeaning =
        shows
            && semantic.applies(request, pass.text(), pass.searcher().getIndexReader())
            && (english || request.get(SearchParameters.SEMANTIC) == SemanticRanking.ALWAYS);
    // A first page reorders the best articles that its counting pass keeps; other pages search
    // the same articles first, reorder them, and page the reordered query.
    boolean meaningOfFirst =
        byMeaning && feedback != Feedback.BEFORE && firstPages(request, after, wanted);
    Meaning meaning = !byMeaning ? Meaning.NONE : meaningOfFirst ? Meaning.AFTER : Meaning.BEFORE;
    return new PagePlan(request.get(SORT), after, offset, wanted, feedback, meaning);
  }

  /** The position past the page's last hit: where the hit that shows a next page lies. */
  int end() {
    return wanted - 1;
  }

  /**
   * Whether the page is taken from the best articles of a first pass of the query as typed, which
   * feedback words or meaning then reorder.
   */
  boolean firstPass() {
    return feedback == Feedback.AFTER || meaning == Meaning.AFTER;
  }

  /** Collects the hits the page needs, in its order, after its cursor, counting no further. */
  TopFieldCollectorManager top() {
    return new TopFieldCollectorManager(PageSearch.sortOf(order), wanted, after, wanted);
  }

  /**
   * As {@link #top()}, among few more articles than the page: the collector visits them all rather
   * than narrowing its search by the sort's indexed values after each new best, which would cost
   * more than it skips.
   */
  TopFieldCollectorManager topOfFew() {
    return new TopFieldCollectorManager(PageSearch.sortOf(order), wanted, after, Integer.MAX_VALUE);
  }

  private static Feedback feedbackRoute(
      SearchRequest request, TextQuery text, FieldDoc after, int wanted) {
    if (!request.get(EXPAND).expands(text, request.get(SORT))
        || text.query() instanceof MatchAllDocsQuery) {
      return Feedback.NONE;
    }
    // The recency boost is not scaled down with the typed words, so feedback can reorder the
    // articles past the rescored ones too. The extra hit that tells whether a next page exists
    // may lie past them: only its existence counts.
    return firstPages(request, after, wanted) ? Feedback.AFTER : Feedback.BEFORE;
  }

  /** Whether the page lies within the rescored articles and no recency boost reorders past them. */
  private static boolean firstPages(SearchRequest request, FieldDoc after, int wanted) {
    return after == null && wanted - 1 <= RESCORED && request.get(RECENCY) == 0;
  }
}
