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

  /** Counts the values of {@code facet} that document {@code doc} has into {@code counts}. */
  void count(FacetField facet, int doc, KeyCounts counts) {
    int f = facet.ordinal();
    int[] values = ords[f];
    int[] at = starts[f];
    if (at == null) {
      int ord = values[doc];
      if (ord >= 0) {
        counts.add(ord);
      }
      return;
    }
    for (int i = at[doc], end = at[doc + 1]; i < end; i++) {
      counts.add(values[i]);
    }
  }

  /**
   * Counts the canonical names of the values of {@code facet} that document {@code doc} has into
   * {@code counts}, each name once however many of its variants the document holds.
   *
   * @param names the values' canonical names as {@link #canonicalNames} gives them
   */
  void countCanonical(FacetField facet, int doc, NameCounts counts, int[] names) {
    int[] at = starts[facet.ordinal()];
    if (at == null) {
      int name = names[doc];
      if (name >= 0) {
        counts.add(name);
      }
      return;
    }
    for (int i = at[doc], end = at[doc + 1]; i < end; i++) {
      int name = names[i];
      if (name >= 0) {
        counts.add(name);
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

  /** The UTC epoch day on which document {@code doc} was published, or {@link #UNDATED}. */
  int day(int doc) {
    return days[doc];
  }
}
