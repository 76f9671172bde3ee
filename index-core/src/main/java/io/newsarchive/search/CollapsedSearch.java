package io.newsarchive.search;

import static io.newsarchive.search.SearchParameters.CURSOR;
import static io.newsarchive.search.SearchParameters.FACETS;
import static io.newsarchive.search.SearchParameters.FACET_SIZE;
import static io.newsarchive.search.SearchParameters.INTERVAL;
import static io.newsarchive.search.SearchParameters.PAGE;
import static io.newsarchive.search.SearchParameters.SIZE;
import static io.newsarchive.search.SearchParameters.SORT;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldCollector;

/** A search with {@link SearchParameters#COLLAPSE} {@code story}. Thread-safe. */
final class CollapsedSearch {

  private final HitReader hitReader;

  CollapsedSearch(HitReader hitReader) {
    this.hitReader = hitReader;
  }

  /**
   * The page of one hit per story ({@link StoryCollapse}), without feedback words: total, facets
   * and timeline count articles, as without collapse, and the distinct stories are counted beside
   * them.
   */
  SearchResult run(
      ArchiveSearcher searcher, SearchRequest request, IndexSearcher timed, Query query)
      throws IOException {
    int size = request.get(SIZE);
    int offset =
        request.get(CURSOR).isEmpty()
            ? (request.get(PAGE) - 1) * size
            : StoryCollapse.offset(request.get(CURSOR), size);
    MatchCounter counter = new MatchCounter(searcher, request.get(FACETS), request.get(FACET_SIZE));
    Object[] collected = timed.search(query, new MultiCollectorManager(counter, new StoryCount()));
    MatchCounter.Counts matching = (MatchCounter.Counts) collected[0];
    long stories = (Long) collected[1];
    SortOrder order = request.get(SORT);
    StoryCollapse.Page page =
        StoryCollapse.page(timed, query, PageSearch.sortOf(order), offset, size);
    ScoreDoc[] docs = page.docs();
    if (order == SortOrder.RELEVANCE) {
      for (ScoreDoc doc : docs) {
        doc.score = (Float) ((FieldDoc) doc).fields[0];
      }
    } else if (docs.length > 0) {
      TopFieldCollector.populateScores(docs, searcher, query);
    }
    Map<String, StoryCollapse.Copies> copies = StoryCollapse.copies(timed, query, page.stories());
    List<Hit> hits = new ArrayList<>();
    for (Hit hit : hitReader.read(searcher, query, docs)) {
      StoryCollapse.Copies of = copies.get(hit.story());
      hits.add(hit.withCopies(of.count(), of.sources()));
    }
    Map<FacetField, List<FacetCount>> facetCounts = new EnumMap<>(FacetField.class);
    for (FacetField facet : request.get(FACETS)) {
      facetCounts.put(facet, matching.top(facet, request.get(FACET_SIZE)));
    }
    boolean timedOut = timed.timedOut();
    return new SearchResult(
        matching.total(),
        !timedOut,
        0,
        timedOut,
        hits,
        facetCounts,
        matching.timeline(request.get(INTERVAL)),
        page.more() && docs.length > 0
            ? Optional.of(StoryCollapse.cursor(offset + docs.length))
            : Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        false,
        OptionalLong.of(stories));
  }
}
