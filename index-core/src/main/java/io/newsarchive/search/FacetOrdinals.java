package io.newsarchive.search;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * Global ordinals of every facet field of one index version: a numbering of each field's values
 * across all segments, in value order, built once when the version is opened. Facet counting then
 * adds segment counts into one array per field and resolves only the top ordinals to values.
 * Immutable and thread-safe.
 */
final class FacetOrdinals {

  /** The global ordinals of one field. */
  static final class Field {
    private final String name;
    private final List<LeafReaderContext> leaves;
    private final OrdinalMap map;
    private final int valueCount;

    private Field(String name, List<LeafReaderContext> leaves, OrdinalMap map, long valueCount) {
      this.name = name;
      this.leaves = leaves;
      this.map = map;
      this.valueCount = Math.toIntExact(valueCount);
    }

    /** Number of distinct values of the field in the index version. */
    int valueCount() {
      return valueCount;
    }

    /** Segment ordinal to global ordinal for one segment, or {@code null} when they coincide. */
    LongValues toGlobal(int segment) {
      return map == null ? null : map.getGlobalOrds(segment);
    }

    /** The value of a global ordinal. */
    String value(int globalOrd) throws IOException {
      int segment = map == null ? 0 : map.getFirstSegmentNumber(globalOrd);
      long segmentOrd = map == null ? globalOrd : map.getFirstSegmentOrd(globalOrd);
      SortedSetDocValues values = DocValues.getSortedSet(leaves.get(segment).reader(), name);
      BytesRef term = values.lookupOrd(segmentOrd);
      return term.utf8ToString();
    }
  }

  private final Map<FacetField, Field> fields;

  private FacetOrdinals(Map<FacetField, Field> fields) {
    this.fields = fields;
  }

  /** Builds the ordinals of every facet field of {@code reader}. */
  static FacetOrdinals of(IndexReader reader) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    Map<FacetField, Field> fields = new EnumMap<>(FacetField.class);
    for (FacetField facet : FacetField.values()) {
      SortedSetDocValues[] perSegment = new SortedSetDocValues[leaves.size()];
      for (int i = 0; i < perSegment.length; i++) {
        perSegment[i] = DocValues.getSortedSet(leaves.get(i).reader(), facet.field());
      }
      if (perSegment.length <= 1) {
        long count = perSegment.length == 0 ? 0 : perSegment[0].getValueCount();
        fields.put(facet, new Field(facet.field(), leaves, null, count));
      } else {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        OrdinalMap map =
            OrdinalMap.build(
                helper == null ? null : helper.getKey(), perSegment, PackedInts.DEFAULT);
        fields.put(facet, new Field(facet.field(), leaves, map, map.getValueCount()));
      }
    }
    return new FacetOrdinals(fields);
  }

  /** The global ordinals of one facet field. */
  Field field(FacetField facet) {
    return fields.get(facet);
  }
}
