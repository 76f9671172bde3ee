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
  private final long firstDay;
  private final long lastDay;
  private final long deadlineNanos;

  /**
   * @param top the manager of the top-hits collectors
   * @param facets the fields to count
   * @param daySpan the first and last epoch day of the index's dates
   * @param deadlineNanos {@link System#nanoTime()} after which collection stops
   */
  PageCollectorManager(
      TopFieldCollectorManager top, List<FacetField> facets, long[] daySpan, long deadlineNanos) {
    this.top = top;
    this.facets = List.copyOf(facets);
    this.firstDay = daySpan[0];
    this.lastDay = daySpan[1];
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public PageCollector newCollector() throws IOException {
    return new PageCollector(
        top.newCollector(), facets, new DayHistogram(firstDay, lastDay), deadlineNanos);
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
