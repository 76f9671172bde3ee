package io.newsarchive.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;

/**
 * The stored fields of the articles one pass of a search reads, each decompressed once: the best
 * articles that feedback reads are mostly among the hits the page then shows, and decompressing a
 * stored article is most of what reading it costs. Used by one thread.
 */
final class StoredDocuments {

  private final IndexReader reader;
  private final Map<Integer, Document> read = new HashMap<>();
  private StoredFields stored;

  /** The stored articles of {@code reader}, read when first asked for. */
  StoredDocuments(IndexReader reader) {
    this.reader = reader;
  }

  /** Every stored field of document {@code doc}. */
  Document document(int doc) throws IOException {
    Document known = read.get(doc);
    if (known == null) {
      if (stored == null) {
        stored = reader.storedFields();
      }
      known = stored.document(doc);
      read.put(doc, known);
    }
    return known;
  }
}
