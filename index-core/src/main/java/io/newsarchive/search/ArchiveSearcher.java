package io.newsarchive.search;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * An index searcher over one index version that carries what every search of that version needs and
 * can compute once, when the version is opened: its date span and its facet ordinals. Thread-safe
 * like {@link IndexSearcher}.
 */
final class ArchiveSearcher extends IndexSearcher {

  /** Makes an archive searcher for every version the searcher manager opens. */
  static final SearcherFactory FACTORY =
      new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader)
            throws IOException {
          return new ArchiveSearcher(reader);
        }
      };

  private final DateSpan dates;
  private final FacetOrdinals ordinals;

  private ArchiveSearcher(IndexReader reader) throws IOException {
    super(reader);
    this.dates = DateSpan.of(reader);
    this.ordinals = FacetOrdinals.of(reader);
  }

  /** The publication dates of this version. */
  DateSpan dates() {
    return dates;
  }

  /** The global facet ordinals of this version. */
  FacetOrdinals ordinals() {
    return ordinals;
  }
}
