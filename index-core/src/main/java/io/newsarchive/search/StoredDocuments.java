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
 * stored article is most of what reading it costs. Those of a page's pass are read through stored
 * fields that the index version lends ({@link ArchiveSearcher#lendStoredFields}), whose buffers
 * earlier pages grew: made per pass, they were grown again for every page, a twentieth of what a
 * page allocated. Used by one thread.
 */
final class StoredDocuments implements AutoCloseable {

  private final IndexReader reader;
  private final ArchiveSearcher lender;
  private final Map<Integer, Document> read = new HashMap<>();
  private StoredFields stored;

  /** The stored articles of {@code reader}, read when first asked for. */
  StoredDocuments(IndexReader reader) {
    this.reader = reader;
    this.lender = null;
  }

  private StoredDocuments(ArchiveSearcher lender) {
    this.reader = lender.getIndexReader();
    this.lender = lender;
  }

  /**
   * The stored articles of {@code searcher}'s version, read through stored fields it lends until
   * {@link #close}.
   */
  static StoredDocuments lentBy(ArchiveSearcher searcher) {
    return new StoredDocuments(searcher);
  }

  /** Every stored field of document {@code doc}. */
  Document document(int doc) throws IOException {
    Document known = read.get(doc);
    if (known == null) {
      if (stored == null) {
        stored = lender != null ? lender.lendStoredFields() : reader.storedFields();
      }
      known = stored.document(doc);
      read.put(doc, known);
    }
    return known;
  }

  /** Gives lent stored fields back; the articles already read stay readable. */
  @Override
  public void close() {
    if (lender != null && stored != null) {
      lender.takeBack(stored);
    }
    stored = null;
  }
}
