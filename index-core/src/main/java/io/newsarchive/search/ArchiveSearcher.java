package io.newsarchive.search;

import io.newsarchive.article.EntityType;
import io.newsarchive.entities.EntityNames;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.schema.KeptNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;

/**
 * An index searcher over one index version that carries what every search of that version needs and
 * can compute once, when the version is opened: its date span, its languages, its size on disk, per
 * facet field the index-wide ordinals of its values (mapping every segment's values is too costly
 * per query), each segment's ordinal arrays and, once first asked, the counts over all its
 * articles. Thread-safe like {@link IndexSearcher}.
 */
final class ArchiveSearcher extends IndexSearcher {

  /** The most stored fields kept for pages to read through: as many as read at once. */
  private static final int SPARE_STORED_FIELDS = 8;

  /**
   * Makes an archive searcher for every version a searcher manager opens, and keeps the ordinal
   * arrays and the pages' kept entity names of each segment for as long as the segment is open, so
   * that a new version reads only its new segments' and its pages find the names earlier pages
   * read. Thread-safe.
   */
  static final class Factory extends SearcherFactory {

    /**
     * What is kept of one open segment: its ordinal arrays, and the entity names that pages read
     * from it, which later pages read again.
     */
    private record Segment(SegmentOrdinals ordinals, KeptNames names) {}

    private final Map<IndexReader.CacheKey, Segment> segments = new ConcurrentHashMap<>();

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader)
        throws IOException {
      List<SegmentOrdinals> bySegment = new ArrayList<>();
      List<KeptNames> kept = new ArrayList<>();
      for (LeafReaderContext leaf : reader.leaves()) {
        IndexReader.CacheHelper core = leaf.reader().getCoreCacheHelper();
        Segment known = segments.get(core.getKey());
        if (known == null) {
          Segment read =
              new Segment(
                  SegmentOrdinals.of(FilterLeafReader.unwrap(leaf.reader())), new KeptNames());
          known = segments.putIfAbsent(core.getKey(), read);
          if (known == null) {
            known = read;
            core.addClosedListener(segments::remove);
          }
        }
        bySegment.add(known.ordinals());
        kept.add(known.names());
      }
      ArchiveSearcher searcher =
          new ArchiveSearcher(reader, List.copyOf(bySegment), List.copyOf(kept));
      // Read here, by whoever refreshes, rather than by the first search of the version.
      searcher.names();
      return searcher;
    }

    /** Number of open segments whose ordinals and names are kept, for tests. */
    int segmentsKept() {
      return segments.size();
    }
  }

  private final DateSpan dates;
  private final Set<String> languages;
  private final long bytes;
  private final Map<FacetField, MatchCounter.Ordinals> ordinals;
  private final List<SegmentOrdinals> segments;
  private final List<KeptNames> keptNames;
  private volatile MatchCounter.Counts everything;
  private final FilterCounts filtered = new FilterCounts();
  private volatile Canonical canonical;

  /** Stored fields that pages read through and gave back, their buffers grown; a few. */
  private final ConcurrentLinkedQueue<StoredFields> spareStored = new ConcurrentLinkedQueue<>();

  private final AtomicInteger spareStoredCount = new AtomicInteger();

  private ArchiveSearcher(
      IndexReader reader, List<SegmentOrdinals> segments, List<KeptNames> keptNames)
      throws IOException {
    super(reader);
    this.segments = segments;
    this.keptNames = keptNames;
    setSimilarity(Ranking.similarity());
    this.dates = DateSpan.of(reader);
    this.languages = languagesOf(reader);
    this.bytes = sizeOnDisk((DirectoryReader) reader);
    Map<FacetField, MatchCounter.Ordinals> byFacet = new EnumMap<>(FacetField.class);
    for (FacetField facet : FacetField.values()) {
      byFacet.put(facet, MatchCounter.Ordinals.of(reader, facet.field()));
    }
    this.ordinals = byFacet;
  }

  /**
   * Stored fields of this version for one thread to read through until it gives them back ({@link
   * #takeBack}): ones given back, or new ones.
   */
  StoredFields lendStoredFields() throws IOException {
    StoredFields spare = spareStored.poll();
    if (spare == null) {
      return getIndexReader().storedFields();
    }
    spareStoredCount.decrementAndGet();
    return spare;
  }

  /** Keeps stored fields lent by {@link #lendStoredFields}, which their reader no longer uses. */
  void takeBack(StoredFields stored) {
    if (spareStoredCount.incrementAndGet() > SPARE_STORED_FIELDS) {
      spareStoredCount.decrementAndGet();
      return;
    }
    spareStored.offer(stored);
  }

  /** The publication dates of this version. */
  DateSpan dates() {
    return dates;
  }

  /**
   * The languages of this version's articles, as {@code ArticleQueryParser#forRequest} wants them:
   * read once, so that no query reads them.
   */
  Set<String> languages() {
    return languages;
  }

  private static Set<String> languagesOf(IndexReader reader) throws IOException {
    Set<String> found = new TreeSet<>();
    Terms terms = MultiTerms.getTerms(reader, ArticleFields.LANGUAGE);
    if (terms != null) {
      TermsEnum each = terms.iterator();
      for (BytesRef term = each.next(); term != null; term = each.next()) {
        found.add(term.utf8ToString());
      }
    }
    return Set.copyOf(found);
  }

  /** The size on disk of the commit this version was opened on. */
  long bytes() {
    return bytes;
  }

  /**
   * Sums the files of the commit {@code reader} was opened on, right after it was opened. A writer
   * deletes those files at its next commit while the reader keeps them open, so they cannot be
   * measured later; a segment the reader shares with the version before it keeps the size measured
   * then.
   *
   * @throws java.nio.file.NoSuchFileException when a newer commit has already deleted one of them
   */
  private static long sizeOnDisk(DirectoryReader reader) throws IOException {
    IndexCommit commit = reader.getIndexCommit();
    long sum = commit.getDirectory().fileLength(commit.getSegmentsFileName());
    for (LeafReaderContext leaf : reader.leaves()) {
      SegmentReader segment = (SegmentReader) FilterLeafReader.unwrap(leaf.reader());
      sum += segment.getSegmentInfo().sizeInBytes();
    }
    return sum;
  }

  /**
   * The counts of every facet and of the timeline over all articles of this version, counted at the
   * first call: what every page of an empty query without filters shows. Two first calls at once
   * both count, and either's equal counts are kept.
   */
  MatchCounter.Counts everything() throws IOException {
    MatchCounter.Counts counts = everything;
    if (counts == null) {
      counts =
          search(
              MatchAllDocsQuery.INSTANCE, new MatchCounter(this, EnumSet.allOf(FacetField.class)));
      everything = counts;
    }
    return counts;
  }

  /**
   * The counts of every facet and of the timeline over the matches of {@code filters}, a query of
   * filters alone (an empty query with filters), searched by {@code timed} over this version: kept
   * for the most recently asked such queries ({@link FilterCounts}), like {@link #everything()}. A
   * count stopped by the deadline of {@code timed} is answered and not kept.
   */
  MatchCounter.Counts filtered(Query filters, IndexSearcher timed) throws IOException {
    Optional<MatchCounter.Counts> known = filtered.get(filters);
    if (known.isPresent()) {
      return known.get();
    }
    MatchCounter.Counts counts =
        timed.search(filters, new MatchCounter(this, EnumSet.allOf(FacetField.class)));
    if (!timed.timedOut()) {
      filtered.put(filters, counts);
    }
    return counts;
  }

  /**
   * The entity names that pages keep for each segment of this version, in the order of its leaves
   * ({@link ArticleDocuments#pageReading(IndexReader, List, ArticleDocuments.Renaming)}).
   */
  List<KeptNames> keptNames() {
    return keptNames;
  }

  /**
   * The canonical entity names of this version, read when the version is opened (or at the first
   * call, for a searcher made otherwise). Two first calls at once both read, and either's equal
   * tables are kept.
   */
  ArchiveEntityNames names() throws IOException {
    Canonical known = canonical;
    if (known == null) {
      known = Canonical.of(this);
      canonical = known;
    }
    return known.names();
  }

  /**
   * How the index ordinals of {@code facet} fold into canonical names, or null when the facet holds
   * no entities or no two of its values share a canonical name.
   */
  CanonicalOrdinals canonical(FacetField facet) throws IOException {
    names();
    return canonical.ordinals().get(facet);
  }

  /**
   * The canonical names of the segment at {@code leaf}'s values of {@code facet}, made at the first
   * call for that segment in this version. Call only for a facet whose {@link
   * #canonical(FacetField)} is not null.
   */
  SegmentNames canonicalOfSegment(FacetField facet, int leaf) throws IOException {
    CanonicalOrdinals folded = canonical(facet);
    SegmentNames known = folded.bySegment().get(leaf);
    if (known == null) {
      MatchCounter.Ordinals ordinals = ordinals(facet);
      LongValues toIndex =
          ordinals.map() == null ? LongValues.IDENTITY : ordinals.map().getGlobalOrds(leaf);
      int count = segment(leaf).valueCount(facet);
      int[] local = new int[count];
      int[] names = new int[count];
      int[] numbered = new int[folded.names().length];
      Arrays.fill(numbered, -1);
      int distinct = 0;
      for (int ord = 0; ord < count; ord++) {
        int name = folded.of()[(int) toIndex.get(ord)];
        if (numbered[name] < 0) {
          numbered[name] = distinct;
          names[distinct++] = name;
        }
        local[ord] = numbered[name];
      }
      int[] ofValues = segment(leaf).canonicalNames(facet, local, distinct);
      known = byFrequency(ofValues, Arrays.copyOf(names, distinct));
      folded.bySegment().compareAndSet(leaf, null, known);
      known = folded.bySegment().get(leaf);
    }
    return known;
  }

  /**
   * The names of a segment numbered again by how many of its values hold them, the most held first:
   * a search counts a match's names into an array by these numbers, and the few names that most
   * matches hold then share a few cache lines instead of being spread over an array as long as the
   * segment's names (their alphabetical order). Counts do not depend on the numbers.
   *
   * @param ofValues each value's name number, or -1; renumbered in place
   * @param names the canonical name of each number
   */
  private static SegmentNames byFrequency(int[] ofValues, int[] names) {
    int[] held = new int[names.length];
    for (int name : ofValues) {
      if (name >= 0) {
        held[name]++;
      }
    }
    // Most held first, ties by their former number: the number in the low half, so that one sort
    // of longs orders them.
    long[] order = new long[names.length];
    for (int name = 0; name < names.length; name++) {
      order[name] = ((long) (Integer.MAX_VALUE - held[name]) << 32) | name;
    }
    Arrays.sort(order);
    int[] renumbered = new int[names.length];
    int[] renamed = new int[names.length];
    for (int number = 0; number < order.length; number++) {
      int former = (int) order[number];
      renumbered[former] = number;
      renamed[number] = names[former];
    }
    for (int i = 0; i < ofValues.length; i++) {
      if (ofValues[i] >= 0) {
        ofValues[i] = renumbered[ofValues[i]];
      }
    }
    return new SegmentNames(ofValues, renamed);
  }

  /**
   * The canonical names of one segment's values of an entity facet, numbered within the segment so
   * that its counts need no more room than its values, the most held first ({@link #byFrequency}).
   *
   * @param ofValues the segment's number of each of its values' canonical name, as {@link
   *     SegmentOrdinals#canonicalNames} gives them
   * @param names the position in {@link CanonicalOrdinals#names()} of each number's name
   * @param spare counts of these names that earlier searches finished with
   */
  record SegmentNames(int[] ofValues, int[] names, NameCounts.Spare spare) {

    SegmentNames(int[] ofValues, int[] names) {
      this(ofValues, names, new NameCounts.Spare(names.length));
    }
  }

  /**
   * The canonical name of each index ordinal of one entity facet.
   *
   * @param of the position in {@code names} of each index ordinal's canonical name
   * @param names the canonical names, in their natural order, so that ties rank by name
   * @param bySegment per segment of the version, its names, once made
   */
  record CanonicalOrdinals(
      int[] of, String[] names, AtomicReferenceArray<SegmentNames> bySegment) {}

  private record Canonical(ArchiveEntityNames names, Map<FacetField, CanonicalOrdinals> ordinals) {

    static Canonical of(ArchiveSearcher searcher) throws IOException {
      ArchiveEntityNames names = ArchiveEntityNames.read(searcher.getIndexReader());
      Map<FacetField, CanonicalOrdinals> ordinals = new EnumMap<>(FacetField.class);
      for (EntityType type : EntityType.values()) {
        FacetField facet = FacetField.of(type);
        CanonicalOrdinals folded = fold(searcher.getIndexReader(), facet.field(), names.of(type));
        if (folded != null) {
          ordinals.put(facet, folded);
        }
      }
      return new Canonical(names, ordinals);
    }

    private static CanonicalOrdinals fold(IndexReader reader, String field, EntityNames names)
        throws IOException {
      SortedSetDocValues values = MultiDocValues.getSortedSetValues(reader, field);
      if (values == null) {
        return null;
      }
      int count = Math.toIntExact(values.getValueCount());
      String[] canonicalOf = new String[count];
      TreeMap<String, Integer> distinct = new TreeMap<>();
      boolean renamed = false;
      for (int ord = 0; ord < count; ord++) {
        String name = values.lookupOrd(ord).utf8ToString();
        canonicalOf[ord] = names.canonical(name);
        renamed |= !canonicalOf[ord].equals(name);
        distinct.put(canonicalOf[ord], 0);
      }
      if (!renamed) {
        return null;
      }
      String[] labels = distinct.keySet().toArray(new String[0]);
      for (int i = 0; i < labels.length; i++) {
        distinct.put(labels[i], i);
      }
      int[] of = new int[count];
      for (int ord = 0; ord < count; ord++) {
        of[ord] = distinct.get(canonicalOf[ord]);
      }
      return new CanonicalOrdinals(of, labels, new AtomicReferenceArray<>(reader.leaves().size()));
    }
  }

  /** The ordinal arrays of the segment at {@code leaf} in this version's leaves. */
  SegmentOrdinals segment(int leaf) {
    return segments.get(leaf);
  }

  /** The index-wide ordinals of one facet field's values in this version. */
  MatchCounter.Ordinals ordinals(FacetField facet) {
    return ordinals.get(facet);
  }
}
