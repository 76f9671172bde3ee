package io.newsarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.LongValues;

/**
 * Counts the values of one sorted-set doc-values field over collected documents. Per segment it
 * counts segment ordinals in an array, then adds them into global-ordinal counts when the segment
 * is finished (directly, without the copy, when the index has one segment); only the top global
 * ordinals are ever resolved to values. Not thread-safe: one per collector.
 */
final class FacetCounter {

  private final FacetField facet;
  private final FacetOrdinals.Field ordinals;
  private final int[] totals;
  private SortedDocValues single;
  private SortedSetDocValues multi;
  private LongValues toGlobal;
  private int[] counts;

  FacetCounter(FacetField facet, FacetOrdinals.Field ordinals) {
    this.facet = facet;
    this.ordinals = ordinals;
    this.totals = new int[ordinals.valueCount()];
  }

  FacetField facet() {
    return facet;
  }

  /** Starts a segment. */
  void startSegment(LeafReaderContext context) throws IOException {
    SortedSetDocValues values = DocValues.getSortedSet(context.reader(), facet.field());
    single = DocValues.unwrapSingleton(values);
    multi = single == null ? values : null;
    toGlobal = ordinals.toGlobal(context.ord);
    counts = toGlobal == null ? totals : new int[(int) values.getValueCount()];
  }

  /** Counts the values of one matching document of the current segment. */
  void collect(int doc) throws IOException {
    if (single != null) {
      if (single.advanceExact(doc)) {
        counts[single.ordValue()]++;
      }
    } else if (multi.advanceExact(doc)) {
      for (int i = multi.docValueCount(); i > 0; i--) {
        counts[(int) multi.nextOrd()]++;
      }
    }
  }

  /** Adds the current segment's counts to the global counts. */
  void finishSegment() {
    if (toGlobal != null) {
      for (int ord = 0; ord < counts.length; ord++) {
        if (counts[ord] > 0) {
          totals[(int) toGlobal.get(ord)] += counts[ord];
        }
      }
    }
    counts = null;
    single = null;
    multi = null;
  }

  /** Adds another counter's totals for the same facet into this one. */
  void addAll(FacetCounter other) {
    for (int i = 0; i < totals.length; i++) {
      totals[i] += other.totals[i];
    }
  }

  /**
   * The {@code size} most frequent values, ties broken by value (global ordinals are in value
   * order, so the smaller ordinal wins).
   */
  List<FacetCount> top(int size) throws IOException {
    // Min-heap of the best ordinals so far: the weakest on top.
    PriorityQueue<Integer> best =
        new PriorityQueue<>(
            size + 1, (a, b) -> totals[a] != totals[b] ? totals[a] - totals[b] : b - a);
    for (int ord = 0; ord < totals.length; ord++) {
      int count = totals[ord];
      if (count == 0) {
        continue;
      }
      if (best.size() < size) {
        best.add(ord);
      } else {
        int weakest = best.peek();
        if (count > totals[weakest] || (count == totals[weakest] && ord < weakest)) {
          best.poll();
          best.add(ord);
        }
      }
    }
    List<FacetCount> top = new ArrayList<>(best.size());
    while (!best.isEmpty()) {
      int ord = best.poll();
      top.add(new FacetCount(ordinals.value(ord), totals[ord]));
    }
    Collections.reverse(top);
    return top;
  }
}
