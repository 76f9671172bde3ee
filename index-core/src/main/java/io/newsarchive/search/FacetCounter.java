package io.newsarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * Counts the values of one sorted-set doc-values field over collected documents. Per segment it
 * counts ordinals in an array and resolves only the ordinals that occurred to terms, once, when the
 * segment is finished. Not thread-safe: one per collector.
 */
final class FacetCounter {

  private final FacetField facet;
  private final Map<String, long[]> totals = new HashMap<>();
  private SortedDocValues single;
  private SortedSetDocValues multi;
  private int[] counts;

  FacetCounter(FacetField facet) {
    this.facet = facet;
  }

  FacetField facet() {
    return facet;
  }

  /** Starts a segment. */
  void startSegment(LeafReader reader) throws IOException {
    SortedSetDocValues values = DocValues.getSortedSet(reader, facet.field());
    single = DocValues.unwrapSingleton(values);
    multi = single == null ? values : null;
    long valueCount = values.getValueCount();
    counts = new int[(int) valueCount];
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

  /** Resolves the current segment's counted ordinals to values. */
  void finishSegment() throws IOException {
    if (counts == null) {
      return;
    }
    for (int ord = 0; ord < counts.length; ord++) {
      if (counts[ord] > 0) {
        String value =
            (single != null ? single.lookupOrd(ord) : multi.lookupOrd(ord)).utf8ToString();
        totals.computeIfAbsent(value, v -> new long[1])[0] += counts[ord];
      }
    }
    counts = null;
    single = null;
    multi = null;
  }

  /** Adds another counter's totals for the same facet into this one. */
  void addAll(FacetCounter other) {
    other.totals.forEach(
        (value, count) -> totals.computeIfAbsent(value, v -> new long[1])[0] += count[0]);
  }

  /** The {@code size} most frequent values, ties broken by value. */
  List<FacetCount> top(int size) {
    List<FacetCount> all = new ArrayList<>(totals.size());
    totals.forEach((value, count) -> all.add(new FacetCount(value, count[0])));
    all.sort(
        Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
    return all.size() > size ? List.copyOf(all.subList(0, size)) : all;
  }
}
