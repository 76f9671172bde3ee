package io.newsarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    // Min-heap of the best ordinals so far, weakest at the root. Ordinals are scanned in value
    // order, so a later ordinal with an equal count never displaces an earlier one.
    int[] heap = new int[Math.max(0, size)];
    int length = 0;
    for (int ord = 0; ord < totals.length; ord++) {
      int count = totals[ord];
      if (count == 0) {
        continue;
      }
      if (length < heap.length) {
        heap[length] = ord;
        siftUp(heap, length++);
      } else if (length > 0 && count > totals[heap[0]]) {
        heap[0] = ord;
        siftDown(heap, length);
      }
    }
    Integer[] best = new Integer[length];
    for (int i = 0; i < length; i++) {
      best[i] = heap[i];
    }
    Arrays.sort(best, (x, y) -> weaker(y, x) ? -1 : weaker(x, y) ? 1 : 0);
    List<FacetCount> top = new ArrayList<>(length);
    for (int ord : best) {
      top.add(new FacetCount(ordinals.value(ord), totals[ord]));
    }
    return top;
  }

  /** Whether ordinal {@code a} ranks below {@code b}: a smaller count, or a larger ordinal. */
  private boolean weaker(int a, int b) {
    return totals[a] != totals[b] ? totals[a] < totals[b] : a > b;
  }

  private void siftUp(int[] heap, int index) {
    int i = index;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!weaker(heap[i], heap[parent])) {
        return;
      }
      swap(heap, i, parent);
      i = parent;
    }
  }

  private void siftDown(int[] heap, int length) {
    int i = 0;
    while (true) {
      int left = 2 * i + 1;
      if (left >= length) {
        return;
      }
      int right = left + 1;
      int child = right < length && weaker(heap[right], heap[left]) ? right : left;
      if (!weaker(heap[child], heap[i])) {
        return;
      }
      swap(heap, i, child);
      i = child;
    }
  }

  private static void swap(int[] heap, int i, int j) {
    int t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  }
}
