package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * One segment's facet value ordinals and publication days in plain arrays, read once from its doc
 * values: counting a match is then a few array reads, where doc values decode blocks and skip
 * through sparse documents for every match. The arrays cover deleted documents too, so they stay
 * valid for as long as the segment's core is open. Immutable, so thread-safe.
 */
final class SegmentOrdinals {

  /** The day of an undated article. */
  static final int UNDATED = Integer.MIN_VALUE;

  private static final long DAY_MILLIS = TimeUnit.DAYS.toMillis(1);

  /** Per facet: where each document's ordinals start in {@link #ords}, or null if single-valued. */
  private final int[][] starts;

  /** Per facet: the ordinals of all documents in a row, or each document's one (-1 for none). */
  private final int[][] ords;

  private final int[] valueCounts;
  private final int[] days;

  private SegmentOrdinals(int[][] starts, int[][] ords, int[] valueCounts, int[] days) {
    this.starts = starts;
    this.ords = ords;
    this.valueCounts = valueCounts;
    this.days = days;
  }

  /** Reads the ordinals of every facet and the publication days of {@code reader}. */
  static SegmentOrdinals of(LeafReader reader) throws IOException {
    FacetField[] facets = FacetField.values();
    int maxDoc = reader.maxDoc();
    int[][] starts = new int[facets.length][];
    int[][] ords = new int[facets.length][];
    int[] valueCounts = new int[facets.length];
    for (FacetField facet : facets) {
      int f = facet.ordinal();
      SortedSetDocValues multi = DocValues.getSortedSet(reader, facet.field());
      valueCounts[f] = Math.toIntExact(multi.getValueCount());
      SortedDocValues single = DocValues.unwrapSingleton(multi);
      if (single != null) {
        ords[f] = single(single, maxDoc);
      } else {
        starts[f] = new int[maxDoc + 1];
        ords[f] = multi(multi, starts[f]);
      }
    }
    int[] days = new int[maxDoc];
    Arrays.fill(days, UNDATED);
    SortedNumericDocValues published = DocValues.getSortedNumeric(reader, ArticleFields.PUBLISHED);
    for (int doc = published.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = published.nextDoc()) {
      // An article has one publication time; should one have several, the earliest counts.
      days[doc] = Math.toIntExact(Math.floorDiv(published.nextValue(), DAY_MILLIS));
    }
    return new SegmentOrdinals(starts, ords, valueCounts, days);
  }

  private static int[] single(SortedDocValues values, int maxDoc) throws IOException {
    int[] ords = new int[maxDoc];
    Arrays.fill(ords, -1);
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      ords[doc] = values.ordValue();
    }
    return ords;
  }

  private static int[] multi(SortedSetDocValues values, int[] starts) throws IOException {
    int[] ords = new int[Math.max(16, starts.length)];
    int size = 0;
    int next = 0;
    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
      while (next <= doc) {
        starts[next++] = size;
      }
      int count = values.docValueCount();
      if (size + count > ords.length) {
        ords = Arrays.copyOf(ords, Math.max(size + count, ords.length * 2));
      }
      for (int i = 0; i < count; i++) {
        ords[size++] = Math.toIntExact(values.nextOrd());
      }
    }
    while (next < starts.length) {
      starts[next++] = size;
    }
    return Arrays.copyOf(ords, size);
  }

  /** The number of distinct values of {@code facet} in this segment. */
  int valueCount(FacetField facet) {
    return valueCounts[facet.ordinal()];
  }

  /**
   * Matches of one segment waiting to be counted together: counting them a batch at a time, facet
   * by facet, lets the processor fetch the arrays' entries of many matches at once, where counting
   * each match on its own waited for each of them in turn. Reused for the next batch once counted.
   * Not thread-safe.
   */
  static final class Batch {

    /** Matches a batch holds. */
    static final int SIZE = 256;

    private final int[] docs = new int[SIZE];
    private final int[] from = new int[SIZE];
    private final int[] to = new int[SIZE];
    private int size;

    /** Adds match {@code doc}; true when the batch is then full. */
    boolean add(int doc) {
      docs[size++] = doc;
      return size == SIZE;
    }

    /** The matches added since the last {@link #clear}. */
    int size() {
      return size;
    }

    /** Empties the batch. */
    void clear() {
      size = 0;
    }
  }

  /**
   * Counts the values of {@code facet} that the documents of {@code batch} have into {@code
   * counts}.
   */
  void count(FacetField facet, Batch batch, KeyCounts counts) {
    int f = facet.ordinal();
    int[] values = ords[f];
    int[] docs = batch.docs;
    int n = batch.size;
    if (starts[f] == null) {
      for (int k = 0; k < n; k++) {
        int ord = values[docs[k]];
        if (ord >= 0) {
          counts.add(ord);
        }
      }
      return;
    }
    bounds(starts[f], batch);
    for (int k = 0; k < n; k++) {
      for (int i = batch.from[k], end = batch.to[k]; i < end; i++) {
        counts.add(values[i]);
      }
    }
  }

  /**
   * Counts the canonical names of the values of {@code facet} that the documents of {@code batch}
   * have into {@code counts}, each name once per document however many of its variants it holds.
   *
   * @param names the values' canonical names as {@link #canonicalNames} gives them
   */
  void countCanonical(FacetField facet, Batch batch, NameCounts counts, int[] names) {
    int[] docs = batch.docs;
    int n = batch.size;
    int[] at = starts[facet.ordinal()];
    if (at == null) {
      for (int k = 0; k < n; k++) {
        int name = names[docs[k]];
        if (name >= 0) {
          counts.add(name);
        }
      }
      return;
    }
    bounds(at, batch);
    for (int k = 0; k < n; k++) {
      for (int i = batch.from[k], end = batch.to[k]; i < end; i++) {
        int name = names[i];
        if (name >= 0) {
          counts.add(name);
        }
      }
    }
  }

  /**
   * Where the values of each document of {@code batch} start and end, read for all of them before
   * any value is: reads that do not wait for each other.
   */
  private static void bounds(int[] at, Batch batch) {
    int[] docs = batch.docs;
    for (int k = 0, n = batch.size; k < n; k++) {
      int doc = docs[k];
      batch.from[k] = at[doc];
      batch.to[k] = at[doc + 1];
    }
  }

  /**
   * Counts the publication day of each dated document of {@code batch} into {@code counts}, keyed
   * by its days since {@code firstDay}.
   */
  void countDays(Batch batch, KeyCounts counts, long firstDay) {
    int[] docs = batch.docs;
    for (int k = 0, n = batch.size; k < n; k++) {
      int day = days[docs[k]];
      if (day != UNDATED) {
        counts.add((int) (day - firstDay));
      }
    }
  }

  /**
   * The canonical name of each value of {@code facet}, in the order of this segment's values (one
   * per document when the facet is single-valued here), with -1 for none and for a value whose name
   * the same document holds through an earlier value: counting a document's names then reads each
   * once, without checking them against each other.
   *
   * @param canonical the number of each of this segment's ordinals' canonical name
   * @param names how many numbers {@code canonical} gives
   */
  int[] canonicalNames(FacetField facet, int[] canonical, int names) {
    int f = facet.ordinal();
    int[] values = ords[f];
    int[] named = new int[values.length];
    int[] at = starts[f];
    if (at == null) {
      for (int doc = 0; doc < values.length; doc++) {
        named[doc] = values[doc] < 0 ? -1 : canonical[values[doc]];
      }
      return named;
    }
    // The last document (plus one) that held each name: one array read per value.
    int[] seenIn = new int[names];
    for (int doc = 0; doc + 1 < at.length; doc++) {
      for (int i = at[doc], end = at[doc + 1]; i < end; i++) {
        int name = canonical[values[i]];
        named[i] = seenIn[name] == doc + 1 ? -1 : name;
        seenIn[name] = doc + 1;
      }
    }
    return named;
  }
}
