package io.newsarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/** Creates one {@link PageCollector} per search slice and merges their results. */
final class PageCollectorManager
    implements CollectorManager<PageCollector, PageCollectorManager.Page> {

  /** The merged outcome of one collection pass. */
  record Page(
      TopFieldDocs top,
      long count,
      boolean timedOut,
      List<FacetCounter> facets,
      DayHistogram days) {}

  private final TopFieldCollectorManager top;
  private final List<FacetField> facets;
  private final ArchiveSearcher searcher;
  private final long deadlineNanos;

  /**
   * @param top the manager of the top-hits collectors
   * @param facets the fields to count
   * @param searcher the searcher that runs the collection, with the index version's dates and facet
   *     ordinals
   * @param deadlineNanos {@link System#nanoTime()} after which collection stops
   */
  PageCollectorManager(
      TopFieldCollectorManager top,
      List<FacetField> facets,
      ArchiveSearcher searcher,
      long deadlineNanos) {
    this.top = top;
    this.facets = List.copyOf(facets);
    this.searcher = searcher;
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public PageCollector newCollector() throws IOException {
    List<FacetCounter> counters = new ArrayList<>(facets.size());
    for (FacetField facet : facets) {
      counters.add(new FacetCounter(facet, searcher.ordinals().field(facet)));
    }
    long[] days = searcher.dates().days();
    return new PageCollector(
        top.newCollector(), counters, new DayHistogram(days[0], days[1]), deadlineNanos);
  }

  @Override
  public Page reduce(Collection<PageCollector> collectors) throws IOException {
    List<TopFieldCollector> tops = new ArrayList<>(collectors.size());
    long count = 0;
    boolean timedOut = false;
    PageCollector first = null;
    for (PageCollector collector : collectors) {
      tops.add(collector.top());
      count += collector.count();
      timedOut |= collector.timedOut();
      if (first == null) {
        first = collector;
      } else {
        first.days().addAll(collector.days());
        for (int i = 0; i < facets.size(); i++) {
          first.facets().get(i).addAll(collector.facets().get(i));
        }
      }
    }
    if (first == null) {
      first = newCollector();
    }
    return new Page(top.reduce(tops), count, timedOut, first.facets(), first.days());
  }
}
