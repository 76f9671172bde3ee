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
    private final int topOrd;
    private final boolean topInSegment;

    /** Whether {@link #bottomOrd} is known for this segment. */
    private boolean bottomKnown;

    /** Whether the bottom's id is in this segment, so that its ordinal compares exactly. */
    private boolean bottomInSegment;

    private int bottomOrd;

    Leaf(SortedDocValues ids) throws IOException {
      this.ids = ids;
      if (topValue == null) {
        topOrd = MISSING;
        topInSegment = true;
      } else {
        int ord = ids.lookupTerm(topValue);
        topInSegment = ord >= 0;
        // Not in the segment: the ordinal of the id before it, which a doc's ties sort after.
        topOrd = ord >= 0 ? ord : -ord - 2;
      }
      if (bottomSlot != -1) {
        setBottom(bottomSlot);
      }
    }

    private int ordOf(int doc) throws IOException {
      return ids.advanceExact(doc) ? ids.ordValue() : MISSING;
    }

    @Override
    public void setBottom(int slot) {
      bottomSlot = slot;
      bottomKnown = readerGen[slot] == currentReaderGen;
      if (bottomKnown) {
        bottomOrd = ords[slot];
        bottomInSegment = true;
      }
    }

    /** Looks the bottom's id up in this segment, once per bottom, when a tie asks for it. */
    private void knowBottom() throws IOException {
      BytesRef bottom = valueOf(bottomSlot);
      if (bottom == null) {
        bottomOrd = MISSING;
        bottomInSegment = true;
      } else {
        int ord = ids.lookupTerm(bottom);
        bottomInSegment = ord >= 0;
        bottomOrd = ord >= 0 ? ord : -ord - 2;
      }
      bottomKnown = true;
    }

    @Override
    public int compareBottom(int doc) throws IOException {
      if (!bottomKnown) {
        knowBottom();
      }
      int ord = ordOf(doc);
      if (bottomInSegment) {
        return Integer.compare(bottomOrd, ord);
      }
      // The bottom's id lies after bottomOrd's: a doc at or before it sorts first.
      return bottomOrd >= ord ? 1 : -1;
    }

    @Override
    public int compareTop(int doc) throws IOException {
      int ord = ordOf(doc);
      if (topInSegment) {
        return Integer.compare(topOrd, ord);
      }
      return ord <= topOrd ? 1 : -1;
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

  private static final class Source extends FieldComparatorSource {
    @Override
    public FieldComparator<?> newComparator(
        String fieldname, int numHits, Pruning pruning, boolean reversed) {
      return new IdOrder(fieldname, numHits);
    }
  }
}
