package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.LongValues;

/**
 * Counts the whole matching set of a search while it is collected: the values of the requested
 * facets and the articles of each publication day, in one pass over the matches. An entity facet
 * whose names fold into canonical names ({@link ArchiveEntityNames}) counts each article once per
 * canonical name, however many of its variants the article holds. Each segment counts by its own
 * value ordinals; only the values it saw are mapped to the index's ordinals, once each, when the
 * counts are read. The ordinals and days come from the arrays the index version keeps for each
 * segment ({@link SegmentOrdinals}), past the deadline checks of the index reader, so that a search
 * stopped by its deadline still counts exactly the hits it collected; a segment counts its matches
 * in batches ({@link SegmentOrdinals.Batch}). A new one for each search; the counts it reduces to
 * are read-only.
 */
final class MatchCounter implements CollectorManager<MatchCounter.Counting, MatchCounter.Counts> {

  private static final long DAY_MILLIS = TimeUnit.DAYS.toMillis(1);

  /**
   * The index-wide ordinals of one facet field's values in one index version, computed once when
   * the version is opened (mapping every segment's values is too costly per search).
   *
   * @param map segment to index ordinals, or null when at most one segment holds the field
   */
  record Ordinals(String field, OrdinalMap map, int valueCount) {

    /** The ordinals of {@code field} in {@code reader}. */
    static Ordinals of(IndexReader reader, String field) throws IOException {
      SortedSetDocValues all = MultiDocValues.getSortedSetValues(reader, field);
      OrdinalMap map =
          all instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
      long count = all == null ? 0 : all.getValueCount();
      if (count > Integer.MAX_VALUE) {
        throw new IllegalStateException(field + " has more values than can be counted: " + count);
      }
      return new Ordinals(field, map, (int) count);
    }

    /** The value of index ordinal {@code ord}, read through {@code lookups}' doc values. */
    private String label(List<LeafReaderContext> leaves, SortedSetDocValues[] lookups, int ord)
        throws IOException {
      int segment = map == null ? 0 : map.getFirstSegmentNumber(ord);
      long segmentOrd = map == null ? ord : map.getFirstSegmentOrd(ord);
      if (lookups[segment] == null) {
        lookups[segment] =
            DocValues.getSortedSet(FilterLeafReader.unwrap(leaves.get(segment).reader()), field);
      }
      return lookups[segment].lookupOrd(segmentOrd).utf8ToString();
    }
  }

  private final ArchiveSearcher searcher;
  private final Set<FacetField> facets;
  private final int ranked;
  private final long firstDay;
  private final int days;

  /**
   * Counts {@code facets} and the publication days over {@code searcher}'s index version, for
   * reading any number of each facet's top values.
   */
  MatchCounter(ArchiveSearcher searcher, Set<FacetField> facets) {
    this(searcher, facets, 0);
  }

  /**
   * Counts {@code facets} and the publication days over {@code searcher}'s index version, for
   * reading at most {@code ranked} top values of each facet (0 for any number): an entity facet
   * whose matches one segment holds then ranks its top values straight from that segment's counts
   * when they are reduced, instead of adding them up by the index's names first.
   */
  MatchCounter(ArchiveSearcher searcher, Set<FacetField> facets, int ranked) {
    if (ranked < 0) {
      throw new IllegalArgumentException("negative number of top values " + ranked);
    }
    this.searcher = searcher;
    this.facets = facets;
    this.ranked = ranked;
    DateSpan dates = searcher.dates();
    this.firstDay = dates.any() ? Math.floorDiv(dates.oldest(), DAY_MILLIS) : 0;
    this.days = dates.any() ? (int) (Math.floorDiv(dates.newest(), DAY_MILLIS) - firstDay + 1) : 0;
  }

  @Override
  public Counting newCollector() {
    return new Counting();
  }

  @Override
  public Counts reduce(Collection<Counting> collectors) throws IOException {
    KeyCounts perDay = new KeyCounts(days);
    for (Counting collector : collectors) {
      for (SegmentCounts segment : collector.segments) {
        segment.count();
      }
    }
    Map<FacetField, KeyCounts.Ranked> top = new EnumMap<>(FacetField.class);
    if (ranked > 0) {
      for (FacetField facet : facets) {
        rankedInOneSegment(facet, collectors).ifPresent(best -> top.put(facet, best));
      }
    }
    Map<FacetField, KeyCounts> perValue = new EnumMap<>(FacetField.class);
    for (FacetField facet : facets) {
      if (top.containsKey(facet)) {
        continue;
      }
      ArchiveSearcher.CanonicalOrdinals canonical = searcher.canonical(facet);
      perValue.put(
          facet,
          new KeyCounts(
              canonical != null
                  ? canonical.names().length
                  : searcher.ordinals(facet).valueCount()));
    }
    long total = 0;
    for (Counting collector : collectors) {
      collector.days.forEach(perDay::add);
      for (SegmentCounts segment : collector.segments) {
        total += segment.hits;
        for (FacetField facet : perValue.keySet()) {
          KeyCounts sum = perValue.get(facet);
          ArchiveSearcher.SegmentNames names = segment.names.get(facet);
          if (names != null) {
            NameCounts counted = segment.named.get(facet);
            sum.expect(counted.distinct());
            counted.forEach((name, count) -> sum.add(names.names()[name], count));
            names.spare().give(counted);
            continue;
          }
          KeyCounts counted = segment.values.get(facet);
          sum.expect(counted.distinctAtMost());
          OrdinalMap map = searcher.ordinals(facet).map();
          LongValues toIndex = map == null ? LongValues.IDENTITY : map.getGlobalOrds(segment.ord);
          counted.forEach((ord, count) -> sum.add((int) toIndex.get(ord), count));
        }
      }
    }
    int[] dayCounts = new int[days];
    perDay.forEach((day, count) -> dayCounts[day] = count);
    return new Counts(searcher, perValue, top, ranked, total, new Days(firstDay, dayCounts));
  }

  /**
   * The {@link #ranked} top canonical names of {@code facet} when one segment holds all its matches
   * (in one or more pieces, whose counts are added up): ranked from that segment's counts by name
   * number, each name read as its index-wide number only if it may enter the top. That skips adding
   * every counted name into counts as long as the index's names and reading them all again, which
   * cost more than the ranking. Empty for a facet counted by value or held by several segments,
   * which the index-wide counts rank. The segment's counts are given back once ranked.
   */
  private Optional<KeyCounts.Ranked> rankedInOneSegment(
      FacetField facet, Collection<Counting> collectors) {
    List<SegmentCounts> holding = new ArrayList<>();
    for (Counting collector : collectors) {
      for (SegmentCounts segment : collector.segments) {
        if (segment.named.get(facet) == null
            || (!holding.isEmpty() && holding.getFirst().ord != segment.ord)) {
          return Optional.empty();
        }
        holding.add(segment);
      }
    }
    if (holding.isEmpty()) {
      return Optional.empty();
    }
    NameCounts counts = holding.getFirst().named.get(facet);
    for (SegmentCounts piece : holding.subList(1, holding.size())) {
      counts.addAll(piece.named.get(facet));
    }
    ArchiveSearcher.SegmentNames names = holding.getFirst().names.get(facet);
    KeyCounts.Ranked best = counts.top(ranked, names.names());
    for (SegmentCounts piece : holding) {
      names.spare().give(piece.named.get(facet));
    }
    return Optional.of(best);
  }

  /** Counts the matches of the segments of one slice. */
  final class Counting implements Collector {
    private final KeyCounts days = new KeyCounts(MatchCounter.this.days);
    private final List<SegmentCounts> segments = new ArrayList<>();

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      // Pieces of one segment in a row (SharedCounting) count into the same counts: a
      // document's names come together, in whatever order the pieces do.
      SegmentCounts last = segments.isEmpty() ? null : segments.getLast();
      if (last != null && last.ord == context.ord) {
        return last;
      }
      SegmentCounts segment = new SegmentCounts(searcher, context.ord, facets, days, firstDay);
      segments.add(segment);
      return segment;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  /** The counts of one segment, by the segment's ordinals; the days count into the slice's. */
  private static final class SegmentCounts implements LeafCollector {
    final int ord;
    long hits;
    final Map<FacetField, KeyCounts> values = new EnumMap<>(FacetField.class);
    private final FacetField[] fields;
    private final KeyCounts[] counts;

    /**
     * Per field, the canonical name of each of the segment's values ({@link
     * SegmentOrdinals#canonicalNames}), or null.
     */
    private final int[][] canonical;

    /** The canonical names of the fields counted by canonical name. */
    final Map<FacetField, ArchiveSearcher.SegmentNames> names = new EnumMap<>(FacetField.class);

    /** The counts of the fields counted by canonical name. */
    final Map<FacetField, NameCounts> named = new EnumMap<>(FacetField.class);

    /** Per field, its counts by canonical name, or null. */
    private final NameCounts[] byName;

    private final SegmentOrdinals ordinals;
    private final KeyCounts days;
    private final long firstDay;
    private final SegmentOrdinals.Batch batch = new SegmentOrdinals.Batch();

    SegmentCounts(
        ArchiveSearcher searcher, int ord, Set<FacetField> facets, KeyCounts days, long firstDay)
        throws IOException {
      this.ord = ord;
      this.ordinals = searcher.segment(ord);
      this.fields = facets.toArray(new FacetField[0]);
      this.counts = new KeyCounts[fields.length];
      this.canonical = new int[fields.length][];
      this.byName = new NameCounts[fields.length];
      for (int i = 0; i < fields.length; i++) {
        if (searcher.canonical(fields[i]) != null) {
          ArchiveSearcher.SegmentNames segmentNames = searcher.canonicalOfSegment(fields[i], ord);
          names.put(fields[i], segmentNames);
          canonical[i] = segmentNames.ofValues();
          byName[i] = segmentNames.spare().take();
          named.put(fields[i], byName[i]);
        } else {
          counts[i] = new KeyCounts(ordinals.valueCount(fields[i]));
          values.put(fields[i], counts[i]);
        }
      }
      this.days = days;
      this.firstDay = firstDay;
    }

    @Override
    public void setScorer(Scorable scorer) {}

    @Override
    public void collect(int doc) {
      if (batch.add(doc)) {
        count();
      }
    }

    @Override
    public void finish() {
      count();
    }

    /**
     * Counts the matches collected and not yet counted: at the end of each piece of the segment,
     * and before the counts are read (a search stopped by its deadline may not finish its piece).
     */
    void count() {
      int n = batch.size();
      if (n == 0) {
        return;
      }
      hits += n;
      for (int i = 0; i < fields.length; i++) {
        if (canonical[i] == null) {
          ordinals.count(fields[i], batch, counts[i]);
        } else {
          ordinals.countCanonical(fields[i], batch, byName[i], canonical[i]);
        }
      }
      ordinals.countDays(batch, days, firstDay);
      batch.clear();
    }
  }

  /**
   * The matches of each publication day, from the first day of an index version.
   *
   * @param counts the matches of day {@code firstDay + i} at {@code i}
   */
  record Days(long firstDay, int[] counts) {

    /** The matches per {@code interval}. */
    Timeline timeline(Interval interval) {
      int any = 0;
      for (int count : counts) {
        any += count > 0 ? 1 : 0;
      }
      long[] days = new long[any];
      long[] perDay = new long[any];
      for (int i = 0, n = 0; i < counts.length; i++) {
        if (counts[i] > 0) {
          days[n] = firstDay + i;
          perDay[n++] = counts[i];
        }
      }
      return Timeline.ofDays(days, perDay, interval);
    }

    /**
     * The publication times, as a filter, of the days that hold the first {@code wanted} matches in
     * {@code order} from the day of {@code after} (from the first day in that order when null), or
     * none when those days hold fewer: undated articles come last in both orders, and no day bounds
     * them. The day of {@code after} may hold matches before it, so the filter may hold fewer than
     * {@code wanted} matches after it.
     */
    Optional<Query> holding(SortOrder order, int wanted, Long after) {
      if (order == SortOrder.RELEVANCE || counts.length == 0) {
        return Optional.empty();
      }
      int step = order == SortOrder.NEWEST ? -1 : 1;
      int day = order == SortOrder.NEWEST ? counts.length - 1 : 0;
      if (after != null) {
        long afterDay = Math.floorDiv(after, DAY_MILLIS) - firstDay;
        if (afterDay < 0 || afterDay >= counts.length) {
          return Optional.empty();
        }
        day = (int) afterDay;
      }
      long sum = 0;
      for (; day >= 0 && day < counts.length; day += step) {
        sum += counts[day];
        if (sum >= wanted) {
          long start = (firstDay + day) * DAY_MILLIS;
          return Optional.of(
              order == SortOrder.NEWEST
                  ? LongField.newRangeQuery(ArticleFields.PUBLISHED, start, Long.MAX_VALUE)
                  : LongField.newRangeQuery(
                      ArticleFields.PUBLISHED, Long.MIN_VALUE, start + DAY_MILLIS - 1));
        }
      }
      return Optional.empty();
    }
  }

  /** The counts of a whole search, by index ordinal and by day. Thread-safe: read only. */
  static final class Counts {
    private final ArchiveSearcher searcher;
    private final Map<FacetField, KeyCounts> perValue;
    private final Map<FacetField, KeyCounts.Ranked> ranked;
    private final int rankedSize;
    private final long total;
    private final Days days;

    private Counts(
        ArchiveSearcher searcher,
        Map<FacetField, KeyCounts> perValue,
        Map<FacetField, KeyCounts.Ranked> ranked,
        int rankedSize,
        long total,
        Days days) {
      this.searcher = searcher;
      this.perValue = perValue;
      this.ranked = ranked;
      this.rankedSize = rankedSize;
      this.total = total;
      this.days = days;
      // Compacted now, the counts are only read from here on, by any thread.
      perValue.values().forEach(KeyCounts::compact);
    }

    /** The number of matches counted. */
    long total() {
      return total;
    }

    /** The matches of each publication day. */
    Days days() {
      return days;
    }

    /**
     * The {@code size} most frequent values of {@code facet}, ties by value (ordinal order), as the
     * facet module's {@code StringValueFacetCounts} orders them.
     */
    List<FacetCount> top(FacetField facet, int size) throws IOException {
      ArchiveSearcher.CanonicalOrdinals canonical = searcher.canonical(facet);
      KeyCounts.Ranked known = ranked.get(facet);
      if (known != null && size > rankedSize) {
        throw new IllegalArgumentException(
            size + " top values of " + facet + " asked of counts ranked for " + rankedSize);
      }
      if (canonical != null) {
        KeyCounts.Ranked best = known != null ? known.first(size) : perValue.get(facet).top(size);
        List<FacetCount> counts = new ArrayList<>(best.keys().length);
        for (int i = 0; i < best.keys().length; i++) {
          counts.add(new FacetCount(canonical.names()[best.keys()[i]], best.counts()[i]));
        }
        return counts;
      }
      KeyCounts.Ranked best = perValue.get(facet).top(size);
      Ordinals ordinals = searcher.ordinals(facet);
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      SortedSetDocValues[] lookups = new SortedSetDocValues[leaves.size()];
      List<FacetCount> counts = new ArrayList<>(best.keys().length);
      for (int i = 0; i < best.keys().length; i++) {
        counts.add(
            new FacetCount(ordinals.label(leaves, lookups, best.keys()[i]), best.counts()[i]));
      }
      return counts;
    }

    /** The matching articles per {@code interval}. */
    Timeline timeline(Interval interval) {
      return days.timeline(interval);
    }
  }
}
