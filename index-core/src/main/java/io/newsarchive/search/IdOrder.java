package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.FieldComparator;
import org.apache.lucene.search.FieldComparatorSource;
import org.apache.lucene.search.LeafFieldComparator;
import org.apache.lucene.search.Pruning;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;

/**
 * The tie-break of every page's order: articles by their id ({@link ArticleFields#ID}, its sorted
 * doc values), in the order of a {@code SortedSetSortField} on it, with the same values in each
 * hit's sort fields, so that a cursor continues a page across index versions. Lucene's comparator
 * reads each competitive hit's id from the segment's terms dictionary when it enters the queue (a
 * block to decompress per hit); a tie-break is asked only when the sort before it ties, so this one
 * keeps the hit's ordinal and segment and reads the id only when it is compared with a hit of
 * another segment or when the page needs it. Articles without an id sort first, as there.
 */
final class IdOrder extends FieldComparator<BytesRef> {

  /** The sort field: ascending ids, compared lazily. */
  static final SortField ID_ORDER = new SortField(ArticleFields.ID, new Source());

  private static final int MISSING = -1;

  /** Where an absent id lies ({@code Leaf#find}). */
  private static final int NO_ID = Integer.MIN_VALUE;

  private final String field;

  /** The ordinal of each slot's id in the segment it came from, {@link #MISSING} without one. */
  private final int[] ords;

  /** The segment each slot came from, by the number of segments seen before it. */
  private final int[] readerGen;

  /** Each slot's segment's ids, from which its id is read when needed. */
  private final SortedDocValues[] slotIds;

  /** Each slot's id once read, else null (also for a slot without an id). */
  private final BytesRef[] values;

  private final BytesRefBuilder[] buffers;

  private int currentReaderGen = -1;
  private int bottomSlot = -1;
  private BytesRef topValue;

  private IdOrder(String field, int numHits) {
    this.field = field;
    this.ords = new int[numHits];
    this.readerGen = new int[numHits];
    this.slotIds = new SortedDocValues[numHits];
    this.values = new BytesRef[numHits];
    this.buffers = new BytesRefBuilder[numHits];
  }

  /** The id of {@code slot}, read from its segment the first time; null when it has none. */
  private BytesRef valueOf(int slot) throws IOException {
    if (values[slot] == null && ords[slot] != MISSING) {
      if (buffers[slot] == null) {
        buffers[slot] = new BytesRefBuilder();
      }
      buffers[slot].copyBytes(slotIds[slot].lookupOrd(ords[slot]));
      values[slot] = buffers[slot].get();
    }
    return values[slot];
  }

  @Override
  public int compare(int slot1, int slot2) {
    if (readerGen[slot1] == readerGen[slot2]) {
      return Integer.compare(ords[slot1], ords[slot2]);
    }
    try {
      return compareValues(valueOf(slot1), valueOf(slot2));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read an article id", e);
    }
  }

  @Override
  public int compareValues(BytesRef first, BytesRef second) {
    if (first == null) {
      return second == null ? 0 : -1;
    }
    return second == null ? 1 : first.compareTo(second);
  }

  @Override
  public void setTopValue(BytesRef value) {
    topValue = value;
  }

  @Override
  public BytesRef value(int slot) {
    try {
      return valueOf(slot);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read an article id", e);
    }
  }

  @Override
  public LeafFieldComparator getLeafComparator(LeafReaderContext context) throws IOException {
    currentReaderGen++;
    SortedSetDocValues all = DocValues.getSortedSet(context.reader(), field);
    return new Leaf(SortedSetSelector.wrap(all, SortedSetSelector.Type.MIN));
  }

  private final class Leaf implements LeafFieldComparator {

    private final SortedDocValues ids;

    /** Where the cursor's id lies in this segment ({@link #find}). */
    private final int top;

    /** Whether {@link #bottom} is known for this segment. */
    private boolean bottomKnown;

    /** Where the bottom's id lies in this segment ({@link #find}), once known. */
    private int bottom;

    Leaf(SortedDocValues ids) throws IOException {
      this.ids = ids;
      this.top = find(topValue);
      if (bottomSlot != -1) {
        setBottom(bottomSlot);
      }
    }

    private int ordOf(int doc) throws IOException {
      return ids.advanceExact(doc) ? ids.ordValue() : MISSING;
    }

    /**
     * Where {@code id} lies in this segment: its ordinal, {@link #NO_ID} for none, or as {@link
     * SortedDocValues#lookupTerm} tells an id the segment does not hold (negative).
     */
    private int find(BytesRef id) throws IOException {
      return id == null ? NO_ID : ids.lookupTerm(id);
    }

    @Override
    public void setBottom(int slot) {
      bottomSlot = slot;
      bottomKnown = readerGen[slot] == currentReaderGen;
      if (bottomKnown) {
        bottom = ords[slot] == MISSING ? NO_ID : ords[slot];
      }
    }

    @Override
    public int compareBottom(int doc) throws IOException {
      if (!bottomKnown) {
        // Looked up once per bottom from another segment, when a tie asks for it.
        bottom = find(valueOf(bottomSlot));
        bottomKnown = true;
      }
      return compareWith(bottom, ordOf(doc));
    }

    @Override
    public int compareTop(int doc) throws IOException {
      return compareWith(top, ordOf(doc));
    }

    @Override
    public void copy(int slot, int doc) throws IOException {
      ords[slot] = ordOf(doc);
      readerGen[slot] = currentReaderGen;
      slotIds[slot] = ids;
      values[slot] = null;
    }

    @Override
    public void setScorer(Scorable scorer) {}
  }

  /**
   * How an id that lies at {@code found} in a segment ({@code Leaf#find}) compares with a doc of
   * that segment whose id has the ordinal {@code ord}: positive when the doc sorts first.
   */
  private static int compareWith(int found, int ord) {
    if (found == NO_ID) {
      return Integer.compare(MISSING, ord);
    }
    if (found >= 0) {
      return Integer.compare(found, ord);
    }
    // Not in the segment: it lies after the id before its insertion point, so a doc at or
    // before that id sorts first.
    return ord <= -found - 2 ? 1 : -1;
  }

  private static final class Source extends FieldComparatorSource {
    @Override
    public FieldComparator<?> newComparator(
        String fieldname, int numHits, Pruning pruning, boolean reversed) {
      return new IdOrder(fieldname, numHits);
    }
  }
}
