package io.newsarchive.search;

import static io.newsarchive.search.FeedbackExpansion.RESCORED;
import static io.newsarchive.search.SearchParameters.COLLAPSE;
import static io.newsarchive.search.SearchParameters.FACETS;
import static io.newsarchive.search.SearchParameters.SIZE;
import static io.newsarchive.search.SearchParameters.SORT;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.ArticleQueryParser.TextQuery;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Runs one search request on one index version: parse, rewrite once, collect the page with its
 * total, facets and timeline in a single pass (or, by relevance, count them on a counting thread
 * while the request thread finds, reorders and highlights the best hits), highlight the page, and
 * propose a spelling when nothing matched. Thread-safe: it holds only thread-safe collaborators.
 */
final class PageSearch {

  /** Every order ends with the article id, so that positions are total and cursors exact. */
  private static final SortField ID_ORDER = new SortedSetSortField(ArticleFields.ID, false);

  private final ArticleQueryParser parser;
  private final FeedbackExpansion feedback = new FeedbackExpansion();
  private final HitReader hitReader;
  private final SemanticRescore semantic;
  private final CountingThreads counting;

  PageSearch(
      ArticleQueryParser parser,
      HitReader hitReader,
      SemanticRescore semantic,
      CountingThreads counting) {
    this.parser = parser;
    this.hitReader = hitReader;
    this.semantic = semantic;
    this.counting = counting;
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
      return run(new PagePass(searcher, timed, deadline, request, text, relaxed, typed));
    };
  }

  private SearchResult run(PagePass pass) throws IOException {
    ArchiveSearcher searcher = pass.searcher();
    SearchRequest request = pass.request();
    TextQuery text = pass.text();
    SearchDeadline deadline = pass.deadline();
    IndexSearcher timed = pass.timed();
    Query typed = pass.typed();
    long start = deadline.start();
    if (request.get(COLLAPSE) == Collapse.STORY) {
      SearchResult collapsed = new CollapsedSearch(hitReader).run(searcher, request, timed, typed);
      return finished(collapsed, start, pass.matched());
    }
    PagePlan plan = PagePlan.of(pass, parser, semantic);
    int offset = plan.offset();
    int wanted = plan.wanted();
    PagePlan.Feedback feedbackRoute = plan.feedback();
    boolean byMeaning = plan.meaning() != PagePlan.Meaning.NONE;
    boolean meaningOfFirst = plan.meaning() == PagePlan.Meaning.AFTER;
    Optional<FeedbackExpansion.Expansion> expansion = Optional.empty();
    Query query = typed;
    if (feedbackRoute == PagePlan.Feedback.BEFORE) {
      expansion = feedback.expand(timed, text.query(), best(timed, typed));
      // Feedback words only reorder what the query as typed matches, and snippets show its words.
      query = expansion.isEmpty() ? typed : expanded(searcher, request, expansion.get());
    }
    if (byMeaning && !meaningOfFirst) {
      query = semantic.rescored(timed, query, request.get(SearchParameters.QUERY));
    }
    PageQuery routed = new PageQuery(query, expansion);
    boolean everything = routed.everything();
    SortOrder order = request.get(SORT);
    MatchCounter counter = new MatchCounter(searcher, request.get(FACETS));
    // While a processor idles, a page by relevance counts its matches on it, without scores, while
    // this thread finds the best of them, skipping articles that cannot reach them.
    CountingThreads.Pending<PageCounts> beside =
        order == SortOrder.RELEVANCE && !everything && counting.idleProcessor()
            ? counting.start(
                searcher.getIndexReader(), deadline, PageCounts.counting(query, counter, request))
            : null;
    try {
      PageCollection collection = new PageCollection(pass, plan, routed);
      PageCollection.Collected collected =
          beside != null ? collection.besideCounting() : collection.withCounts(counter);
      TopFieldDocs page = collected.page();
      ScoreDoc[] first = collected.first();
      MatchCounter.Counts matching = collected.matching();
      long total = collected.total();
      ScoreDoc[] all = page == null ? null : page.scoreDocs;
      if (first != null) {
        if (!timed.timedOut()) {
          ScoreDoc[] rescored = Arrays.copyOf(first, Math.min(first.length, RESCORED));
          if (feedbackRoute == PagePlan.Feedback.AFTER) {
            expansion = feedback.expand(timed, text.query(), rescored);
          }
          if (expansion.isPresent() && !meaningOfFirst) {
            all = rescoredPage(timed, expansion.get(), first, wanted);
            if (all == null) {
              // An article past the rescored ones may reach the page by its id: the whole order.
              query = expanded(searcher, request, expansion.get());
              all = timed.search(query, best(wanted)).scoreDocs;
            }
            all = timed.timedOut() ? null : all;
            expansion = timed.timedOut() ? Optional.empty() : expansion;
          } else if (meaningOfFirst) {
            if (expansion.isPresent()) {
              query = expanded(searcher, request, expansion.get());
              Query among = restricted(timed, query, rescored);
              rescored =
                  timed.search(among, new TopScoreDocCollectorManager(RESCORED, RESCORED))
                      .scoreDocs;
            }
            query = semantic.among(timed, query, rescored, request.get(SearchParameters.QUERY));
            ScoreDoc[] reordered =
                timed.search(restricted(timed, query, rescored), best(wanted)).scoreDocs;
            all = timed.timedOut() ? null : reordered;
            expansion = timed.timedOut() ? Optional.empty() : expansion;
          }
        }
        if (all == null) {
          all = typedPage(timed, typed, first, wanted);
        }
      }
      boolean timedOut = timed.timedOut();
      deadline.ignoreReads();
      if (everything && timedOut) {
        // Stopped by its deadline, the page counts what it saw, as any other search does: a total
        // below the whole and no values.
        matching = counter.reduce(List.of());
        total = page.totalHits.value();
      }
      int end = Math.min(all.length, offset + request.get(SIZE));
      ScoreDoc[] docs = offset >= end ? new ScoreDoc[0] : Arrays.copyOfRange(all, offset, end);
      if (request.get(SORT) == SortOrder.RELEVANCE) {
        for (ScoreDoc doc : docs) {
          doc.score = (Float) ((FieldDoc) doc).fields[0];
        }
      } else if (docs.length > 0) {
        TopFieldCollector.populateScores(docs, searcher, query);
      }
      List<Hit> hits = hitReader.read(searcher, typed, docs);
      PageCounts counted = beside != null ? beside.join() : PageCounts.of(matching, total, request);
      timedOut |= counted.timedOut();
      // Feedback words reorder the same matches, so the matches as typed tell whether more follow.
      boolean more =
          (page == null ? counted.total() : page.scoreDocs.length) > offset + request.get(SIZE);
      Optional<String> next =
          more && docs.length > 0
              ? Optional.of(Cursor.encode(request.get(SORT), (FieldDoc) docs[docs.length - 1]))
              : Optional.empty();
      Optional<WordsMatched> match = pass.matched();
      return new SearchResult(
          counted.total(),
          !timedOut,
          (System.nanoTime() - start) / 1_000_000,
          timedOut,
          hits,
          counted.facets(),
          counted.timeline(),
          next,
          Optional.empty(),
          match,
          expansion.map(FeedbackExpansion.Expansion::added).orElse(List.of()),
          OptionalLong.empty());
    } finally {
      if (beside != null) {
        beside.close();
      }
    }
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
        result.stories());
  }

  /** The expanded query of {@code expansion} with the request's filters. */
  private Query expanded(
      ArchiveSearcher searcher, SearchRequest request, FeedbackExpansion.Expansion expansion)
      throws IOException {
    return searcher.rewrite(
        parser.query(expansion.text(), request, searcher.dates().newest(), searcher.names()));
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
   * that last one): then null.
   */
  private static ScoreDoc[] rescoredPage(
      IndexSearcher timed, FeedbackExpansion.Expansion expansion, ScoreDoc[] first, int wanted)
      throws IOException {
    ScoreDoc[] rescored = Arrays.copyOf(first, Math.min(first.length, RESCORED));
    ScoreDoc[] scored = FeedbackScores.of(timed, expansion.words(), rescored);
    return FirstPass.reordered(
            timed.getIndexReader(), scored, wanted, FirstPass.tiedPastRescored(first))
        .orElse(null);
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
    return new TopFieldCollectorManager(sortOf(SortOrder.RELEVANCE), size, null, size);
  }

  /** {@code query} matching only {@code docs}. */
  private static Query restricted(IndexSearcher timed, Query query, ScoreDoc[] docs) {
    return new BooleanQuery.Builder()
        .add(query, Occur.MUST)
        .add(new DocIdsQuery(timed.getIndexReader(), docs), Occur.FILTER)
        .build();
  }

  static Sort sortOf(SortOrder order) {
    return switch (order) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, ID_ORDER);
      case NEWEST ->
          new Sort(
              LongField.newSortField(
                  ArticleFields.PUBLISHED, true, SortedNumericSelector.Type.MIN, Long.MIN_VALUE),
              ID_ORDER);
      case OLDEST ->
          new Sort(
              LongField.newSortField(
                  ArticleFields.PUBLISHED, false, SortedNumericSelector.Type.MIN, Long.MAX_VALUE),
              ID_ORDER);
    };
  }
}
