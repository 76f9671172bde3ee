package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LongValues;
import org.apache.lucene.search.LongValuesSource;

/**
 * The UTC day (days since 1970-01-01) on which each article was published, from the doc values of
 * {@link ArticleFields#PUBLISHED}; undated articles have no value. Counted per day by the facet
 * module, it gives the timeline. Immutable and thread-safe.
 */
final class DayValues extends LongValuesSource {

  /** Milliseconds in a day. */
  static final long DAY_MILLIS = 86_400_000L;

  /** The one instance. */
  static final DayValues INSTANCE = new DayValues();

  private DayValues() {}

  @Override
  public LongValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
    SortedNumericDocValues all = DocValues.getSortedNumeric(ctx.reader(), ArticleFields.PUBLISHED);
    NumericDocValues single = DocValues.unwrapSingleton(all);
    if (single != null) {
      return new LongValues() {
        @Override
        public long longValue() throws IOException {
          return Math.floorDiv(single.longValue(), DAY_MILLIS);
        }

        @Override
        public boolean advanceExact(int doc) throws IOException {
          return single.advanceExact(doc);
        }
      };
    }
    return new LongValues() {
      @Override
      public long longValue() throws IOException {
        return Math.floorDiv(all.nextValue(), DAY_MILLIS);
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        return all.advanceExact(doc);
      }
    };
  }

  @Override
  public boolean needsScores() {
    return false;
  }

  @Override
  public LongValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext ctx) {
    return DocValues.isCacheable(ctx, ArticleFields.PUBLISHED);
  }

  @Override
  public boolean equals(Object other) {
    return other == this;
  }

  @Override
  public int hashCode() {
    return DayValues.class.hashCode();
  }

  @Override
  public String toString() {
    return "day(" + ArticleFields.PUBLISHED + ")";
  }
}
