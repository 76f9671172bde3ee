package io.newsarchive.search;

import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * Collects one page's hits by its plan: beside a counting thread, only the best of them; else in
 * one pass with the counts of every match, or, for pages by date and pages of an empty query, after
 * counting them. Used by the thread that runs the request.
 */
final class PageCollection {

  /**
   * What a page's collection found.
   *
   * @param page the hits the page needs in its order, or null when it is taken from {@code first}
   * @param first the best articles of a first pass by relevance ({@link FirstPass}), which feedback
   *     words or meaning reorder, or null when the page was collected in its order
   * @param matching the counts of every match, or null when a counting thread counts them
   * @param total the number of matches, or 0 when a counting thread counts them
   */
  record Collected(TopFieldDocs page, ScoreDoc[] first, MatchCounter.Counts matching, long total) {}

  private final PagePass pass;
  private final PagePlan plan;
  private final PageQuery routed;

  /** Collects the page of {@code pass} by {@code plan} with {@code routed}. */
  PageCollection(PagePass pass, PagePlan plan, PageQuery routed) {
    this.pass = pass;
    this.plan = plan;
    this.routed = routed;
  }

  /** The page's best hits alone, while a counting thread counts every match. */
  Collected besideCounting() throws IOException {
    if (plan.firstPass()) {
      ScoreDoc[] first = pass.timed().search(routed.query(), FirstPass.skipping()).scoreDocs;
      return new Collected(null, first, null, 0);
    }
    return new Collected(pass.timed().search(routed.query(), plan.top()), null, null, 0);
  }

  /** The page's hits and the counts of every match, which {@code counter} counts. */
  Collected withCounts(MatchCounter counter) throws IOException {
    if (plan.order() != SortOrder.RELEVANCE || routed.everything()) {
      return dated(counter);
    }
    return plan.firstPass() ? firstWithCounts(counter) : relevantWithCounts(counter);
  }

  private Collected firstWithCounts(MatchCounter counter) throws IOException {
    // One top-hits collector beside the counts: the page as typed is taken from its best
    // articles when no feedback word reorders them.
    Object[] collected =
        pass.timed()
            .search(routed.query(), new MultiCollectorManager(counter, FirstPass.collector()));
    MatchCounter.Counts matching = (MatchCounter.Counts) collected[0];
    long total = matching.total();
    return new Collected(null, ((TopDocs) collected[1]).scoreDocs, matching, total);
  }

  private Collected relevantWithCounts(MatchCounter counter) throws IOException {
    var top =
        new TopFieldCollectorManager(
            PageSearch.sortOf(plan.order()), plan.wanted(), plan.after(), Integer.MAX_VALUE);
    Object[] collected =
        pass.timed().search(routed.query(), new MultiCollectorManager(top, counter));
    TopFieldDocs page = (TopFieldDocs) collected[0];
    MatchCounter.Counts matching = (MatchCounter.Counts) collected[1];
    return new Collected(page, null, matching, page.totalHits.value());
  }

  private Collected dated(MatchCounter counter) throws IOException {
    // Counted first, the matches per day tell which newest (or oldest) days hold the page, so
    // that the top hits come from those days alone: in an archive indexed oldest first, every
    // article would otherwise be a new best when sorting by newest.
    // The counts of every article are counted once (PageQuery#everything). So are those of an
    // empty query with filters alone (a month of the archive, a source), for the most recently
    // asked ones.
    ArchiveSearcher searcher = pass.searcher();
    IndexSearcher timed = pass.timed();
    Query query = routed.query();
    boolean filtersOnly = pass.text().query() instanceof MatchAllDocsQuery;
    MatchCounter.Counts matching =
        routed.everything()
            ? searcher.everything()
            : filtersOnly ? searcher.filtered(query, timed) : timed.search(query, counter);
    long total = routed.everything() ? searcher.getIndexReader().numDocs() : matching.total();
    return new Collected(datedPage(matching), null, matching, total);
  }

  /**
   * The top hits of the page in its order, looked for among the articles of the days that {@code
   * matching} says hold them, and among all when those days hold too few after the cursor or the
   * search in them ran out of time.
   */
  private TopFieldDocs datedPage(MatchCounter.Counts matching) throws IOException {
    IndexSearcher timed = pass.timed();
    // A relevance cursor (an empty query matches everything alike) holds a score, not a time.
    Long afterTime =
        plan.after() == null || plan.order() == SortOrder.RELEVANCE
            ? null
            : (Long) plan.after().fields[0];
    Optional<Query> days =
        timed.timedOut()
            ? Optional.empty()
            : matching.days().holding(plan.order(), plan.wanted(), afterTime);
    if (days.isPresent()) {
      Query inDays =
          new BooleanQuery.Builder()
              .add(routed.query(), Occur.MUST)
              .add(days.get(), Occur.FILTER)
              .build();
      // Without a cursor those days hold about the page alone; with one, also the articles before
      // the cursor, which the sort's indexed dates let the collector skip.
      TopFieldDocs page = timed.search(inDays, afterTime == null ? plan.topOfFew() : plan.top());
      if (page.scoreDocs.length == plan.wanted() || timed.timedOut()) {
        return page;
      }
    }
    return timed.search(routed.query(), plan.top());
  }
}
