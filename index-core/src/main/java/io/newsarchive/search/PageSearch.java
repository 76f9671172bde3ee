package io.newsarchive.search;

import static io.newsarchive.search.SearchParameters.COLLAPSE;
import static io.newsarchive.search.SearchParameters.FACETS;
import static io.newsarchive.search.SearchParameters.FACET_SIZE;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldDocs;

/**
 * Runs one search request on one index version: parse, rewrite once, collect the page with its
 * total, facets and timeline in a single pass (or, by relevance, count them on a counting thread
 * while the request thread finds, reorders and highlights the best hits), highlight the page, and
 * propose a spelling when nothing matched. Each pass plans its page ({@link PagePlan}), routes its
 * query ({@link PageReordering#routed}), collects it ({@link PageCollection}), reorders it ({@link
 * PageReordering#reordered}) and assembles the result here. Thread-safe: it holds only thread-safe
 * collaborators.
 */
final class PageSearch {

  private final ArticleQueryParser parser;
  private final HitReader hitReader;
  private final SemanticRescore semantic;
  private final CountingThreads counting;
  private final PageReordering reordering;

  PageSearch(
      ArticleQueryParser parser,
      HitReader hitReader,
      SemanticRescore semantic,
      CountingThreads counting) {
    this.parser = parser;
    this.hitReader = hitReader;
    this.semantic = semantic;
    this.counting = counting;
    this.reordering = new PageReordering(parser, semantic);
  }

  /**
   * Runs {@code request} on {@code searcher} until {@code deadline}, from whose start the reported
   * time counts. A search stopped while its terms were being expanded answers no hits, flagged as
   * timed out; one stopped while collecting answers the hits found so far, with their snippets and
   * counts.
   */
  SearchResult run(ArchiveSearcher searcher, SearchRequest request, SearchDeadline deadline)
      throws IOException {
    try {
      return answer(searcher, request, deadline);
    } catch (ExitableDirectoryReader.ExitingReaderException e) {
      return SearchResult.stopped(request, (System.nanoTime() - deadline.start()) / 1_000_000);
    }
  }

  private SearchResult answer(
      ArchiveSearcher searcher, SearchRequest request, SearchDeadline deadline) throws IOException {
    ArticleQueryParser parser = this.parser.forRequest(request, searcher.languages());
    return WordRelaxation.answer(
        request,
        parser,
        passes(searcher, request, deadline),
        new WordRelaxation.Spelling() {
          @Override
          public Optional<String> correct(String q) throws IOException {
            deadline.watchReads();
            return SpellingCorrector.correct(searcher.getIndexReader(), q);
          }

          @Override
          public long count(SearchRequest corrected) throws IOException {
            return searcher.count(
                parser.query(corrected, searcher.dates().newest(), searcher.names()));
          }
        });
  }

  /** The passes of {@code request} on {@code searcher}, each until {@code deadline}. */
  private WordRelaxation.Pass passes(
      ArchiveSearcher searcher, SearchRequest request, SearchDeadline deadline) {
    return (text, relaxed) -> {
      deadline.watchReads();
      // A searcher of its own for this request, over the same index version, carries its deadline.
      IndexSearcher timed = Ranking.searcher(searcher.getIndexReader());
      timed.setTimeout(deadline);
      // Rewritten once: the search and the highlighter then share expanded fuzzy and
      // wildcard terms.
      Query typed =
          searcher.rewrite(
              parser.query(text.query(), request, searcher.dates().newest(), searcher.names()));
      try (StoredDocuments documents = StoredDocuments.lentBy(searcher)) {
        return run(
            new PagePass(searcher, timed, deadline, request, text, relaxed, typed, documents));
      }
    };
  }

  /** The result of one pass: its page planned, routed, collected, reordered and assembled. */
  private SearchResult run(PagePass pass) throws IOException {
    SearchRequest request = pass.request();
    if (request.get(COLLAPSE) == Collapse.STORY) {
      SearchResult collapsed =
          new CollapsedSearch(hitReader).run(pass.searcher(), request, pass.timed(), pass.typed());
      return finished(collapsed, pass.deadline().start(), pass.matched());
    }
    PagePlan plan = PagePlan.of(pass, parser, semantic);
    PageQuery routed = reordering.routed(pass, plan);
    MatchCounter counter =
        new MatchCounter(pass.searcher(), request.get(FACETS), request.get(FACET_SIZE));
    // While a processor idles, a page by relevance counts its matches on it, without scores, while
    // this thread finds the best of them, skipping articles that cannot reach them.
    CountingThreads.Pending<PageCounts> beside =
        plan.order() == SortOrder.RELEVANCE && !routed.everything() && counting.idleProcessor()
            ? counting.start(
                pass.searcher().getIndexReader(),
                pass.deadline(),
                PageCounts.counting(
                    routed.query(), counter, request, pass.searcher().getIndexReader()))
            : null;
    try {
      PageCollection collection = new PageCollection(pass, plan, routed);
      PageCollection.Collected collected =
          beside != null ? collection.besideCounting() : collection.withCounts(counter);
      PageReordering.Reordered reordered = reordering.reordered(pass, plan, routed, collected);
      boolean timedOut = pass.timed().timedOut();
      pass.deadline().ignoreReads();
      if (routed.everything() && timedOut) {
        // Stopped by its deadline, the page counts what it saw, as any other search does: a total
        // below the whole and no values.
        TopFieldDocs page = collected.page();
        collected =
            new PageCollection.Collected(
                page, collected.first(), counter.reduce(List.of()), page.totalHits.value());
      }
      return assembled(
          pass, plan, new Found(routed.query(), collected, reordered, timedOut), beside);
    } finally {
      if (beside != null) {
        beside.close();
      }
    }
  }

  /**
   * What a pass found before its hits are read.
   *
   * @param query the query the page was collected by
   * @param collected what its collection found
   * @param reordered its hits in their final order
   * @param timedOut whether the deadline stopped the collection or the reordering
   */
  private record Found(
      Query query,
      PageCollection.Collected collected,
      PageReordering.Reordered reordered,
      boolean timedOut) {}

  /**
   * The result of {@code pass}'s page: the hits it shows, read from the index, its counts, joined
   * from the counting {@code beside} it when that counts them, and the cursor to the next page.
   */
  private SearchResult assembled(
      PagePass pass, PagePlan plan, Found found, CountingThreads.Pending<PageCounts> beside)
      throws IOException {
    ScoreDoc[] docs = shown(pass.searcher(), plan, found.query(), found.reordered().all());
    List<Hit> hits = hitReader.read(pass.searcher(), pass.typed(), docs, pass.documents());
    PageCounts counted =
        beside != null
            ? beside.join()
            : PageCounts.of(
                found.collected().matching(), found.collected().total(), pass.request());
    boolean timedOut = found.timedOut() | counted.timedOut();
    // Feedback words reorder the same matches, so the matches as typed tell whether more follow.
    TopFieldDocs page = found.collected().page();
    boolean more = (page == null ? counted.total() : page.scoreDocs.length) > plan.end();
    Optional<String> next =
        more && docs.length > 0
            ? Optional.of(Cursor.encode(plan.order(), (FieldDoc) docs[docs.length - 1]))
            : Optional.empty();
    return new SearchResult(
        counted.total(),
        !timedOut,
        (System.nanoTime() - pass.deadline().start()) / 1_000_000,
        timedOut,
        hits,
        counted.facets(),
        counted.timeline(),
        next,
        Optional.empty(),
        pass.matched(),
        found.reordered().expansion().map(FeedbackExpansion.Expansion::added).orElse(List.of()),
        found.reordered().byMeaning() && !timedOut,
        OptionalLong.empty());
  }

  /**
   * The hits of the page among {@code all}, the first hits of its order, with the scores they show:
   * their relevance, or their score by {@code query} in other orders.
   */
  private static ScoreDoc[] shown(
      ArchiveSearcher searcher, PagePlan plan, Query query, ScoreDoc[] all) throws IOException {
    int offset = plan.offset();
    int end = Math.min(all.length, plan.end());
    ScoreDoc[] docs = offset >= end ? new ScoreDoc[0] : Arrays.copyOfRange(all, offset, end);
    if (plan.order() == SortOrder.RELEVANCE) {
      for (ScoreDoc doc : docs) {
        doc.score = (Float) ((FieldDoc) doc).fields[0];
      }
    } else if (docs.length > 0) {
      TopFieldCollector.populateScores(docs, searcher, query);
    }
    return docs;
  }

  /** {@code result} with the time since {@code start} and what the query's words matched. */
  private static SearchResult finished(
      SearchResult result, long start, Optional<WordsMatched> match) {
    return new SearchResult(
        result.total(),
        result.totalExact(),
        (System.nanoTime() - start) / 1_000_000,
        result.timedOut(),
        result.hits(),
        result.facets(),
        result.timeline(),
        result.nextCursor(),
        result.didYouMean(),
        match,
        result.expandedWith(),
        result.rankedByMeaning(),
        result.stories());
  }

  /**
   * The order of {@code order}, ending with the article id so that positions are total and cursors
   * exact.
   */
  static Sort sortOf(SortOrder order) {
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, IdOrder.ID_ORDER);
      case NEWEST ->
          new Sort(
              LongField.newSortField(
                  ArticleFields.PUBLISHED, true, SortedNumericSelector.Type.MIN, Long.MIN_VALUE),
              IdOrder.ID_ORDER);
      case OLDEST ->
          new Sort(
              LongField.newSortField(
                  ArticleFields.PUBLISHED, false, SortedNumericSelector.Type.MIN, Long.MAX_VALUE),
              IdOrder.ID_ORDER);
    };
  }
}
