package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopFieldCollector;

/**
 * Collects one result page in a single pass over the matching documents: feeds the top-hits
 * collector and, for the same documents, counts the total, the facet values and the publication
 * days. Stops early, flagging a timeout, when the deadline passes. Not thread-safe: one per slice.
 */
final class PageCollector implements Collector {

  /** How many documents are collected between two looks at the clock. */
  private static final int CLOCK_INTERVAL = 1024;

  private final TopFieldCollector top;
  private final List<FacetCounter> facets;
  private final DayHistogram days;
  private final long deadlineNanos;
  private long count;
  private boolean timedOut;

  PageCollector(
      TopFieldCollector top, List<FacetCounter> facets, DayHistogram days, long deadlineNanos) {
    this.top = top;
    this.facets = facets;
    this.days = days;
    this.deadlineNanos = deadlineNanos;
  }

  TopFieldCollector top() {
    return top;
  }

  List<FacetCounter> facets() {
    return facets;
  }

  DayHistogram days() {
    return days;
  }

  long count() {
    return count;
  }

  boolean timedOut() {
    return timedOut;
  }

  @Override
  public ScoreMode scoreMode() {
    return top.scoreMode();
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    if (timedOut) {
      throw new CollectionTerminatedException();
    }
    LeafCollector topLeaf = top.getLeafCollector(context);
    for (FacetCounter facet : facets) {
      facet.startSegment(context);
    }
    SortedNumericDocValues published =
        DocValues.getSortedNumeric(context.reader(), ArticleFields.PUBLISHED);
    NumericDocValues singleDate = DocValues.unwrapSingleton(published);
    return new LeafCollector() {
      @Override
      public void setScorer(Scorable scorer) throws IOException {
        topLeaf.setScorer(scorer);
      }

      @Override
      public void collect(int doc) throws IOException {
        topLeaf.collect(doc);
        for (FacetCounter facet : facets) {
          facet.collect(doc);
        }
        if (singleDate != null) {
          if (singleDate.advanceExact(doc)) {
            days.add(singleDate.longValue());
          }
        } else if (published.advanceExact(doc)) {
          days.add(published.nextValue());
        }
        if (++count % CLOCK_INTERVAL == 0 && System.nanoTime() - deadlineNanos > 0) {
          timedOut = true;
          throw new CollectionTerminatedException();
        }
      }

      @Override
      public void finish() throws IOException {
        topLeaf.finish();
        for (FacetCounter facet : facets) {
          facet.finishSegment();
        }
      }
    };
  }
}
