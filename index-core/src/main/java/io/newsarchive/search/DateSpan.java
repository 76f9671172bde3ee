package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.PointValues;

/**
 * The publication dates of an index version, read from the points of {@code published}.
 *
 * @param oldest earliest publication time in epoch milliseconds
 * @param newest latest publication time in epoch milliseconds
 * @param any whether any article is dated; when false the other components are meaningless
 */
record DateSpan(long oldest, long newest, boolean any) {

  static DateSpan of(IndexReader reader) throws IOException {
    byte[] min = PointValues.getMinPackedValue(reader, ArticleFields.PUBLISHED);
    byte[] max = PointValues.getMaxPackedValue(reader, ArticleFields.PUBLISHED);
    if (min == null || max == null) {
      return new DateSpan(0, 0, false);
    }
    return new DateSpan(LongPoint.decodeDimension(min, 0), LongPoint.decodeDimension(max, 0), true);
  }
}
