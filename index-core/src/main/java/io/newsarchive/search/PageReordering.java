package io.newsarchive.search;

import static io.newsarchive.search.FeedbackExpansion.RESCORED;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * How feedback words and meaning reorder a page, as its plan routes it: before the page is
 * collected, by the query that collects it; or after, from the best articles of its first pass of
 * the query as typed, falling back to the page as typed when neither reorders them in time.
 * Thread-safe: it holds only thread-safe collaborators.
 */
final class PageReordering {

  /**
   * The hits of a page in their final order.
   *
   * @param all the first {@link PagePlan#wanted()} hits of the page's order, or fewer, each with
   *     its sort values
   * @param expansion the feedback words that reordered them, if any
   * @param byMeaning whether their meaning reordered them too
   */
  record Reordered(
      ScoreDoc[] all, Optional<FeedbackExpansion.Expansion> expansion, boolean byMeaning) {}

  private final ArticleQueryParser parser;
  private final FeedbackExpansion feedback = new FeedbackExpansion();
  private final SemanticRescore semantic;

  /**
   * Expands queries with {@code parser}'s filters and reorders by meaning with {@code semantic}.
   */
  PageReordering(ArticleQueryParser parser, SemanticRescore semantic) {
    this.parser = parser;
    this.semantic = semantic;
  }

  /**
   * The query that collects {@code pass}'s page, reordered before collection as {@code plan} says.
   */
  PageQuery routed(PagePass pass, PagePlan plan) throws IOException {
    IndexSearcher timed = pass.timed();
    Optional<FeedbackExpansion.Expansion> expansion = Optional.empty();
    Query query = pass.typed();
    if (plan.feedback() == PagePlan.Feedback.BEFORE) {
      expansion =
          feedback.expand(timed, pass.text().query(), best(timed, pass.typed()), pass.documents());
      // Feedback words only reorder what the query as typed matches, and snippets show its words.
      query = expansion.isEmpty() ? pass.typed() : expanded(pass, expansion.get());
    }
    if (plan.meaning() == PagePlan.Meaning.BEFORE) {
      query = semantic.rescored(pass, query);
    }
    return new PageQuery(query, expansion);
  }

  /**
   * The hits of {@code pass}'s page in their final order: those {@code collected} holds, or, from
   * its first pass, those that feedback words or meaning reorder after collection as {@code plan}
   * says, or the page as typed when they do not.
   */
  Reordered reordered(
      PagePass pass, PagePlan plan, PageQuery routed, PageCollection.Collected collected)
      throws IOException {
    ScoreDoc[] first = collected.first();
    if (first == null) {
      return new Reordered(
          collected.page().scoreDocs, routed.expansion(), routed.query() instanceof RescoredQuery);
    }
    Optional<Reordered> reordered =
        pass.timed().timedOut() ? Optional.empty() : fromFirst(pass, plan, routed, first);
    if (reordered.isPresent()) {
      return reordered.get();
    }
    // A first pass is never expanded before it is collected, and a reordering that ran out of time
    // drops its feedback words.
    return new Reordered(
        typedPage(pass.timed(), pass.typed(), first, plan.wanted()), Optional.empty(), false);
  }

  /**
   * The page reordered from {@code first}, the best articles of its first pass: by the feedback
   * words found in them, or by meaning. Empty when no feedback word was found for a page that
   * meaning does not reorder, or when the deadline stopped the reordering.
   */
  private Optional<Reordered> fromFirst(
      PagePass pass, PagePlan plan, PageQuery routed, ScoreDoc[] first) throws IOException {
    ScoreDoc[] rescored = Arrays.copyOf(first, Math.min(first.length, RESCORED));
    Optional<FeedbackExpansion.Expansion> expansion = routed.expansion();
    if (plan.feedback() == PagePlan.Feedback.AFTER) {
      expansion = feedback.expand(pass.timed(), pass.text().query(), rescored, pass.documents());
    }
    if (plan.meaning() == PagePlan.Meaning.AFTER) {
      return byMeaning(pass, plan.wanted(), new PageQuery(routed.query(), expansion), rescored);
    }
    return expansion.isPresent()
        ? byFeedback(pass, plan.wanted(), expansion.get(), first)
        : Optional.empty();
  }

  /** The first {@code wanted} of the expanded order of {@code expansion}, from {@code first}. */
  private Optional<Reordered> byFeedback(
      PagePass pass, int wanted, FeedbackExpansion.Expansion expansion, ScoreDoc[] first)
      throws IOException {
    IndexSearcher timed = pass.timed();
    Optional<FieldDoc[]> rescored = rescoredPage(timed, expansion, first, wanted);
    // An article past the rescored ones may reach the page by its id: the whole order.
    ScoreDoc[] all =
        rescored.isPresent()
            ? rescored.get()
            : timed.search(expanded(pass, expansion), best(wanted)).scoreDocs;
    return timed.timedOut()
        ? Optional.empty()
        : Optional.of(new Reordered(all, Optional.of(expansion), false));
  }

  /**
   * The first {@code wanted} of {@code rescored}, the best articles of the first pass, reordered by
   * their meaning's closeness to the request's words, mixed with their scores by {@code found}'s
   * query: the expanded one, which also picks them again, when feedback words were found.
   */
  private Optional<Reordered> byMeaning(
      PagePass pass, int wanted, PageQuery found, ScoreDoc[] rescored) throws IOException {
    IndexSearcher timed = pass.timed();
    Query query = found.query();
    ScoreDoc[] candidates = rescored;
    if (found.expansion().isPresent()) {
      query = expanded(pass, found.expansion().get());
      Query among = restricted(timed, query, candidates);
      candidates =
          timed.search(among, new TopScoreDocCollectorManager(RESCORED, RESCORED)).scoreDocs;
    }
    query = semantic.among(pass, query, candidates);
    ScoreDoc[] reordered =
        timed.search(restricted(timed, query, candidates), best(wanted)).scoreDocs;
    return timed.timedOut()
        ? Optional.empty()
        : Optional.of(new Reordered(reordered, found.expansion(), query instanceof RescoredQuery));
  }

  /** The expanded query of {@code expansion} with the request's filters. */
  private Query expanded(PagePass pass, FeedbackExpansion.Expansion expansion) throws IOException {
    ArchiveSearcher searcher = pass.searcher();
    return searcher.rewrite(
        parser.query(
            expansion.text(), pass.request(), searcher.dates().newest(), searcher.names()));
  }

  /** The best {@value FeedbackExpansion#RESCORED} articles of {@code typed}, best first. */
  private static ScoreDoc[] best(IndexSearcher timed, Query typed) throws IOException {
    // No total is needed, so the collector may skip articles that cannot reach the top at once.
    return timed.search(typed, new TopScoreDocCollectorManager(RESCORED, RESCORED)).scoreDocs;
  }

  /**
   * The first {@code wanted} of the expanded order of {@code expansion}, which reorders the
   * rescored articles at the head of {@code first}, the best articles as typed: taken from those
   * articles, scored from their scores as typed, unless an article past them, tied with the last of
   * them as typed, may rank among the first {@code wanted} by its id (when no feedback word adds to
   * that last one): then empty.
   */
  private static Optional<FieldDoc[]> rescoredPage(
      IndexSearcher timed, FeedbackExpansion.Expansion expansion, ScoreDoc[] first, int wanted)
      throws IOException {
    ScoreDoc[] rescored = Arrays.copyOf(first, Math.min(first.length, RESCORED));
    ScoreDoc[] scored = FeedbackScores.of(timed, expansion.words(), rescored);
    return FirstPass.reordered(
        timed.getIndexReader(), scored, wanted, FirstPass.tiedPastRescored(first));
  }

  /**
   * The first {@code wanted} articles of {@code typed} by relevance, taken from {@code first}, its
   * best articles by score, when they decide them, or searched again.
   */
  private static ScoreDoc[] typedPage(
      IndexSearcher timed, Query typed, ScoreDoc[] first, int wanted) throws IOException {
    FirstPass.Seen seen = timed.timedOut() ? FirstPass.Seen.PARTLY : FirstPass.Seen.WHOLLY;
    Optional<FieldDoc[]> page = FirstPass.page(timed.getIndexReader(), first, wanted, seen);
    return page.isPresent() ? page.get() : timed.search(typed, best(wanted)).scoreDocs;
  }

  /** Collects the best {@code size} articles by relevance, without an exact total. */
  private static TopFieldCollectorManager best(int size) {
    return new TopFieldCollectorManager(PageSearch.sortOf(SortOrder.RELEVANCE), size, null, size);
  }

  /** {@code query} matching only {@code docs}. */
  private static Query restricted(IndexSearcher timed, Query query, ScoreDoc[] docs) {
    return new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(new DocIdsQuery(timed.getIndexReader(), docs), Occur.FILTER)
        .build();
  }
}
