package io.newsarchive.bench;

import io.newsarchive.schema.ArticleFields;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.NumericUtils;

/**
 * Builds a search page the way a Lucene user would with the library alone: the classic query parser
 * over title and body, one {@link IndexSearcher#search} collecting the top hits with an exact total
 * and the matching set, {@link StringValueFacetCounts} for the facets, a loop over the {@code
 * published} doc values of the matching set for the timeline, the stored fields of the page and one
 * {@link UnifiedHighlighter} passage of each body. It measures what the library itself costs for
 * the page that {@code /api/search} serves.
 *
 * <p>Thread-safe: the reader does not change while it is open.
 */
public final class RawLucenePage implements Closeable {

  private static final Set<String> SHOWN =
      Set.of(ArticleFields.ID, ArticleFields.TITLE, ArticleFields.SOURCE, ArticleFields.URL);

  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Analyzer analyzer = ArticleFields.queryAnalyzer();
  private final UnifiedHighlighter highlighter;
  private final Map<String, StringDocValuesReaderState> facetStates = new HashMap<>();
  private final Map<String, long[]> bucketStarts = new HashMap<>();

  private RawLucenePage(DirectoryReader reader) throws IOException {
    this.reader = reader;
    this.searcher = new IndexSearcher(reader);
    this.highlighter = UnifiedHighlighter.builder(searcher, ArticleFields.analyzer()).build();
    for (String field : RawPageRequest.ALL_FACETS) {
      facetStates.put(field, new StringDocValuesReaderState(reader, field));
    }
    byte[] min = PointValues.getMinPackedValue(reader, ArticleFields.PUBLISHED);
    byte[] max = PointValues.getMaxPackedValue(reader, ArticleFields.PUBLISHED);
    for (String interval : List.of("day", "week", "month", "year")) {
      bucketStarts.put(
          interval,
          min == null
              ? new long[0]
              : starts(
                  interval,
                  NumericUtils.sortableBytesToLong(min, 0),
                  NumericUtils.sortableBytesToLong(max, 0)));
    }
  }

  /** Opens the index in {@code dir} as it is now; later commits are not seen. */
  public static RawLucenePage open(Path dir) throws IOException {
    return new RawLucenePage(DirectoryReader.open(FSDirectory.open(dir)));
  }

  /**
   * Builds the page that {@code request} asks for.
   *
   * @throws IllegalArgumentException when the query text does not parse
   */
  public RawPage page(RawPageRequest request) throws IOException {
    Query query = query(request);
    int window = request.page() * request.size();
    CollectorManager<?, ? extends TopDocs> top =
        switch (request.sort()) {
          case "relevance" ->
              new TopScoreDocCollectorManager(Math.max(1, window), Integer.MAX_VALUE);
          case "newest", "oldest" ->
              new TopFieldCollectorManager(
                  byDate(request.sort()), Math.max(1, window), Integer.MAX_VALUE);
          default -> throw new IllegalArgumentException("unknown sort '" + request.sort() + "'");
        };
    Object[] results =
        searcher.search(query, new MultiCollectorManager(top, new FacetsCollectorManager()));
    TopDocs topDocs = (TopDocs) results[0];
    FacetsCollector matching = (FacetsCollector) results[1];
    ScoreDoc[] shown =
        Arrays.copyOfRange(
            topDocs.scoreDocs,
            Math.min(topDocs.scoreDocs.length, window - request.size()),
            Math.min(topDocs.scoreDocs.length, window));
    return new RawPage(
        topDocs.totalHits.value(),
        hits(query, new TopDocs(topDocs.totalHits, shown)),
        facets(request, matching),
        timeline(request.interval(), matching));
  }

  private Query query(RawPageRequest request) {
    Query text;
    if (request.text().isBlank()) {
      text = new MatchAllDocsQuery();
    } else {
      // Any word, as /api/search by default.
      QueryParser parser =
          new MultiFieldQueryParser(
              new String[] {ArticleFields.TITLE, ArticleFields.BODY}, analyzer);
      try {
        text = parser.parse(request.text());
      } catch (ParseException e) {
        throw new IllegalArgumentException(
            "the query parser cannot read '" + request.text() + "'", e);
      }
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder().add(text, Occur.MUST);
    boolean filtered = false;
    for (Map.Entry<String, List<String>> filter : request.filters().entrySet()) {
      if (filter.getKey().equals(ArticleFields.SOURCE)) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        filter
            .getValue()
            .forEach(v -> any.add(new TermQuery(new Term(ArticleFields.SOURCE, v)), Occur.SHOULD));
        all.add(any.build(), Occur.FILTER);
      } else {
        filter
            .getValue()
            .forEach(v -> all.add(new TermQuery(new Term(filter.getKey(), v)), Occur.FILTER));
      }
      filtered = true;
    }
    if (request.from() != Long.MIN_VALUE || request.to() != Long.MAX_VALUE) {
      all.add(
          LongField.newRangeQuery(ArticleFields.PUBLISHED, request.from(), request.to()),
          Occur.FILTER);
      filtered = true;
    }
    return filtered ? all.build() : text;
  }

  private static Sort byDate(String sort) {
    return new Sort(
        new SortedNumericSortField(
            ArticleFields.PUBLISHED, SortField.Type.LONG, sort.equals("newest")),
        new SortedSetSortField(ArticleFields.ID, false));
  }

  private List<RawPage.Hit> hits(Query query, TopDocs page) throws IOException {
    String[] snippets = highlighter.highlight(ArticleFields.BODY, query, page, 1);
    List<RawPage.Hit> hits = new ArrayList<>();
    for (int i = 0; i < page.scoreDocs.length; i++) {
      int docId = page.scoreDocs[i].doc;
      Document doc = searcher.storedFields().document(docId, SHOWN);
      LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(docId, reader.leaves()));
      SortedNumericDocValues dates =
          DocValues.getSortedNumeric(leaf.reader(), ArticleFields.PUBLISHED);
      Long published = dates.advanceExact(docId - leaf.docBase) ? dates.nextValue() : null;
      hits.add(
          new RawPage.Hit(
              doc.get(ArticleFields.ID),
              doc.get(ArticleFields.TITLE),
              doc.get(ArticleFields.SOURCE),
              doc.get(ArticleFields.URL),
              published == null ? null : Instant.ofEpochMilli(published).toString(),
              snippets[i]));
    }
    return hits;
  }

  private Map<String, List<RawPage.Count>> facets(RawPageRequest request, FacetsCollector matching)
      throws IOException {
    Map<String, List<RawPage.Count>> facets = new LinkedHashMap<>();
    for (String field : request.facets()) {
      FacetResult result =
          new StringValueFacetCounts(facetStates.get(field), matching)
              .getTopChildren(request.facetSize(), field);
      List<RawPage.Count> counts = new ArrayList<>();
      if (result != null) {
        for (LabelAndValue value : result.labelValues) {
          counts.add(new RawPage.Count(value.label, value.value.longValue()));
        }
      }
      facets.put(field, counts);
    }
    return facets;
  }

  private List<RawPage.Count> timeline(String interval, FacetsCollector matching)
      throws IOException {
    long[] starts = bucketStarts.get(interval);
    if (starts == null) {
      throw new IllegalArgumentException("unknown interval '" + interval + "'");
    }
    long[] counts = new long[starts.length];
    for (FacetsCollector.MatchingDocs docs : matching.getMatchingDocs()) {
      SortedNumericDocValues published =
          DocValues.getSortedNumeric(docs.context().reader(), ArticleFields.PUBLISHED);
      DocIdSetIterator it = docs.bits().iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (published.advanceExact(doc)) {
          int at = Arrays.binarySearch(starts, published.nextValue());
          counts[at < 0 ? -at - 2 : at]++;
        }
      }
    }
    List<RawPage.Count> timeline = new ArrayList<>();
    for (int i = 0; i < starts.length; i++) {
      if (counts[i] > 0) {
        timeline.add(new RawPage.Count(Instant.ofEpochMilli(starts[i]).toString(), counts[i]));
      }
    }
    return timeline;
  }

  /**
   * The UTC start of every bucket from the one holding {@code min} to the one holding {@code max}.
   */
  private static long[] starts(String interval, long min, long max) {
    LocalDate day = Instant.ofEpochMilli(min).atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate first =
        switch (interval) {
          case "day" -> day;
          case "week" -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          case "month" -> day.withDayOfMonth(1);
          default -> day.withDayOfYear(1);
        };
    List<Long> starts = new ArrayList<>();
    for (LocalDate start = first;
        start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() <= max;
        start =
            switch (interval) {
              case "day" -> start.plusDays(1);
              case "week" -> start.plusWeeks(1);
              case "month" -> start.plusMonths(1);
              default -> start.plusYears(1);
            }) {
      starts.add(start.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
    }
    return starts.stream().mapToLong(Long::longValue).toArray();
  }

  /** The number of articles in the index. */
  public int count() {
    return reader.numDocs();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
