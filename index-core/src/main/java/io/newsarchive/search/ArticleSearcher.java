package io.newsarchive.search;

import io.newsarchive.article.Article;
import io.newsarchive.article.EntityType;
import io.newsarchive.index.IndexSchemaCheck;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.schema.TextLanguages;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.ExitableDirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;

/**
 * The {@link SearchBackend} over a local Lucene index: answers searches, article lookups,
 * related-article, entity, suggestion and statistics requests over one index. Thread-safe: each
 * call acquires the current searcher from a {@link SearcherManager}, which a background thread
 * refreshes so that commits of a concurrent indexing run become visible without a restart. Close it
 * to release the index.
 */
public final class ArticleSearcher implements SearchBackend {

  /** How often opening is tried while commits keep superseding the newest one. */
  private static final Set<String> STORY_FIELDS = Set.of(ArticleFields.ID, ArticleFields.STORY);

  private static final int OPEN_ATTEMPTS = 3;

  private final Directory directory;
  private final SearcherManager manager;
  private final ArticleQueryParser parser = new ArticleQueryParser();
  private final Analyzer indexAnalyzer = ArticleFields.analyzer();
  private final HitReader hitReader = new HitReader(indexAnalyzer);
  private final SemanticRescore semantic = new SemanticRescore();
  private final PageSearch pages;
  private final TitleSuggester suggester = new TitleSuggester();
  private final SignificantSample significance = new SignificantSample();
  private final ScheduledExecutorService refresher;
  private final RunningSearches searches;
  private final CountingThreads counting;
  private final LongAdder refreshes = new LongAdder();

  /**
   * Opens the index in {@code dir}.
   *
   * @throws IOException when {@code dir} holds no index, an index of another schema version, or
   *     cannot be read; the message says which
   */
  public static ArticleSearcher open(Path dir, SearcherOptions options) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(
          "no index at "
              + dir
              + ": the directory does not exist; build one with newsarchive index");
    }
    return new ArticleSearcher(FSDirectory.open(dir), dir.toString(), options);
  }

  /**
   * Searches the index in {@code directory}; closing the searcher closes the directory.
   *
   * @param where how to name the index in error messages
   * @throws IOException when the directory holds no index or one of another schema version
   */
  public ArticleSearcher(Directory directory, String where, SearcherOptions options)
      throws IOException {
    this(directory, where, options, CountingThreads.forProcessors());
  }

  /**
   * Searches the index in {@code directory}, counting the matches of a page by relevance on {@code
   * countingThreads} threads beside the request thread, or in the page's own pass when zero.
   */
  ArticleSearcher(Directory directory, String where, SearcherOptions options, int countingThreads)
      throws IOException {
    this.directory = directory;
    this.searches = new RunningSearches(options);
    if (!DirectoryReader.indexExists(directory)) {
      boolean interrupted = IndexSchemaCheck.isInterruptedFirstIngest(directory);
      directory.close();
      throw new IOException(
          interrupted
              ? "no index at " + where + ": " + IndexSchemaCheck.interruptedFirstIngest()
              : "no index at "
                  + where
                  + ": the directory is empty; build one with newsarchive index");
    }
    try {
      this.manager = openManager(directory, searches);
      checkSchema(where);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    // Started once the index has opened, so that a failed opening leaves no thread behind.
    this.counting = new CountingThreads(countingThreads, searches);
    this.pages = new PageSearch(parser, hitReader, semantic, counting);
    manager.addListener(
        new ReferenceManager.RefreshListener() {
          @Override
          public void beforeRefresh() {}

          @Override
          public void afterRefresh(boolean didRefresh) {
            if (didRefresh) {
              refreshes.increment();
            }
          }
        });
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(runnable -> {
          Thread thread = new Thread(runnable, "newsarchive-index-refresh");
          thread.setDaemon(true);
          return thread;
        });
    long period = options.refreshInterval().toMillis();
    refresher.scheduleWithFixedDelay(this::refreshQuietly, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens the newest commit. A version is measured when it is opened; when a writer's next commit
   * deleted its files in between, the newer commit is opened instead (the scheduled refresh does
   * the same by retrying at its next round). Term enumeration, which wildcard, fuzzy and
   * regular-expression terms make long, checks the deadline of the search running on the thread
   * that reads.
   */
  private static SearcherManager openManager(Directory directory, RunningSearches searches)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return new SearcherManager(
            ExitableDirectoryReader.wrap(DirectoryReader.open(directory), searches),
            new ArchiveSearcher.Factory());
      } catch (NoSuchFileException e) {
        if (attempt == OPEN_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private void checkSchema(String where) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
      String version = reader.getIndexCommit().getUserData().get(ArticleFields.SCHEMA_KEY);
      if (!String.valueOf(ArticleFields.SCHEMA_VERSION).equals(version)) {
        manager.close();
        throw new IOException(
            "index at "
                + where
                + " has schema version "
                + (version == null ? "(none)" : version)
                + " but this build reads version "
                + ArticleFields.SCHEMA_VERSION
                + ": rebuild it with newsarchive index");
      }
    } finally {
      searcher.getIndexReader().decRef();
    }
  }

  /**
   * Runs one search within the time budget, in one of the search slots.
   *
   * @throws InvalidRequestException when the query does not parse or is too expensive
   * @throws SearchesBusyException when no search slot freed up in time
   */
  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    try (RunningSearches.Admitted admitted = admit(start)) {
      IndexSearcher searcher = manager.acquire();
      try {
        SearchResult result = pages.run((ArchiveSearcher) searcher, request, admitted.deadline());
        if (result.timedOut()) {
          admitted.stoppedEarly();
        }
        return result;
      } catch (IndexSearcher.TooManyClauses | TooComplexToDeterminizeException e) {
        throw tooComplex(e);
      } finally {
        manager.release(searcher);
      }
    }
  }

  private static InvalidRequestException tooComplex(RuntimeException e) {
    return new InvalidRequestException(
        "q",
        "query too complex",
        e instanceof IndexSearcher.TooManyClauses many
            ? "it expands to more than " + many.getMaxClauseCount() + " terms"
            : ExpansionLimits.tooComplex("pattern").getMessage());
  }

  /**
   * What is unusual in the best matches of {@code request}, in one of the search slots and within
   * the time budget: a search stopped early reads the matches it found by then, and one stopped
   * while its terms were being expanded reads none.
   */
  @Override
  public SignificantTerms significant(SearchRequest request, int size, int sample)
      throws IOException {
    SearchParameters.SIGNIFICANT_SIZE.check(size);
    SearchParameters.SAMPLE.check(sample);
    try (RunningSearches.Admitted admitted = admit(System.nanoTime())) {
      IndexSearcher searcher = manager.acquire();
      try {
        ArchiveSearcher archive = (ArchiveSearcher) searcher;
        IndexSearcher timed = Ranking.searcher(searcher.getIndexReader());
        timed.setTimeout(admitted.deadline());
        Query query =
            parser
                .forRequest(request, archive.languages())
                .query(request, archive.dates().newest(), archive.names());
        SignificantTerms found =
            significance.find(timed, query, new SignificantSample.Limits(size, sample), archive);
        if (timed.timedOut()) {
          admitted.stoppedEarly();
        }
        return found;
      } catch (ExitableDirectoryReader.ExitingReaderException e) {
        admitted.stoppedEarly();
        return new SignificantTerms(List.of(), List.of(), Map.of(), 0, 0);
      } catch (IndexSearcher.TooManyClauses | TooComplexToDeterminizeException e) {
        throw tooComplex(e);
      } finally {
        manager.release(searcher);
      }
    }
  }

  private RunningSearches.Admitted admit(long start) throws IOException {
    try {
      return searches.admit(start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a search slot");
    }
  }

  /**
   * Stops every running search at its next deadline check, and every search started from now on,
   * each answering what it has found, flagged as timed out. For a server that is stopping.
   */
  @Override
  public void cancelSearches() {
    searches.cancelAll();
  }

  /** The article with {@code id}, if the index holds one, its entities under canonical names. */
  @Override
  public Optional<Article> article(String id) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(ArticleFields.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      Article stored = ArticleDocuments.article(searcher.getIndexReader(), top.scoreDocs[0].doc);
      return Optional.of(((ArchiveSearcher) searcher).names().canonical(stored));
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public Optional<Story> story(String id) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(ArticleFields.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      String story =
          ArticleDocuments.story(
              searcher.storedFields().document(top.scoreDocs[0].doc, STORY_FIELDS));
      return Optional.of(new Story(story, HitReader.storyArticles(searcher, story)));
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Up to {@code size} articles most like the one with {@code id}, by shared distinctive title and
   * body terms and shared entities; never the article itself. Empty when the id is unknown.
   */
  @Override
  public Optional<List<Hit>> related(String id, int size) throws IOException {
    SearchParameters.RELATED_SIZE.check(size);
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs self = searcher.search(new TermQuery(new Term(ArticleFields.ID, id)), 1);
      if (self.scoreDocs.length == 0) {
        return Optional.empty();
      }
      int doc = self.scoreDocs[0].doc;
      Article article = ArticleDocuments.article(searcher.getIndexReader(), doc);
      String language = TextLanguages.analysisLanguage(article.language());
      // An article in another language is re-read by its own analyzer, built for this request.
      Analyzer analyzer =
          language.equals(TextLanguages.DEFAULT)
              ? indexAnalyzer
              : ArticleFields.queryAnalyzer(language);
      Query like = RelatedQuery.of(searcher.getIndexReader(), analyzer, doc, article);
      TopDocs top = searcher.search(like, size);
      return Optional.of(
          hitReader.read((ArchiveSearcher) searcher, MatchAllDocsQuery.INSTANCE, top.scoreDocs));
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * The most frequent entities of one type among the articles matching {@code request} (its query,
   * filters; page and facets are ignored), at most its {@link SearchParameters#FACET_SIZE}.
   */
  @Override
  public List<FacetCount> topEntities(EntityType type, SearchRequest request) throws IOException {
    FacetField facet = FacetField.of(type);
    SearchRequest counting =
        request
            .keeping(SearchParameters.FILTERS)
            .with(SearchParameters.SIZE, 0)
            .with(SearchParameters.FACETS, Set.of(facet))
            .with(SearchParameters.FACET_SIZE, request.get(SearchParameters.FACET_SIZE));
    return search(counting).facets().get(facet);
  }

  @Override
  public ArchiveEntityNames entityNames() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return ((ArchiveSearcher) searcher).names();
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Up to {@code size} headlines and entity names whose words start with the words typed. Empty
   * until the suggester of the index has been built in the background, which the first call, or
   * {@link #prepareSuggestions}, starts: opening the index does not, so that a server whose clients
   * never ask for suggestions spends nothing on them, and one that has just started spends its
   * first minute on searches (building them for 121,844 articles took about 6 s of CPU and the
   * compilation of Lucene's indexing code).
   */
  @Override
  public List<Suggestion> suggest(String prefix, int size) throws IOException {
    SearchParameters.SUGGEST_SIZE.check(size);
    if (prefix == null || prefix.isBlank()) {
      return List.of();
    }
    IndexSearcher searcher = manager.acquire();
    try {
      return suggester.suggest(
          (DirectoryReader) searcher.getIndexReader(),
          ((ArchiveSearcher) searcher).names(),
          prefix.strip(),
          size);
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public void prepareSuggestions() {
    try {
      IndexSearcher searcher = manager.acquire();
      try {
        suggester.prepareFor(
            (DirectoryReader) searcher.getIndexReader(), ((ArchiveSearcher) searcher).names());
      } finally {
        manager.release(searcher);
      }
    } catch (IOException | AlreadyClosedException e) {
      // Closed or unreadable: a search, or the suggestions' own request, reports it.
    }
  }

  /** Whether the suggestions were asked for, or prepared, since the index was opened. */
  boolean suggestionsRequested() {
    return suggester.requested();
  }

  /**
   * Article count, date range, sources and on-disk size of the current index version, all taken
   * from that version, so that a concurrent writer's commits never make it fail.
   */
  @Override
  public IndexStats stats() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
      DateSpan dates = ((ArchiveSearcher) searcher).dates();
      SearchRequest all =
          SearchRequest.defaults()
              .with(SearchParameters.SIZE, 0)
              .with(SearchParameters.FACETS, Set.of(FacetField.SOURCE))
              .with(SearchParameters.FACET_SIZE, SearchParameters.MAX_FACET_SIZE);
      List<FacetCount> sources = search(all).facets().get(FacetField.SOURCE);
      Optional<Instant> oldest =
          dates.any() ? Optional.of(Instant.ofEpochMilli(dates.oldest())) : Optional.empty();
      Optional<Instant> newest =
          dates.any() ? Optional.of(Instant.ofEpochMilli(dates.newest())) : Optional.empty();
      return new IndexStats(
          reader.numDocs(), oldest, newest, sources, ((ArchiveSearcher) searcher).bytes());
    } finally {
      manager.release(searcher);
    }
  }

  /** Number of searches holding a slot now, for monitoring. */
  @Override
  public int runningSearches() {
    return searches.running();
  }

  /** What this searcher has done since it was opened, for monitoring. */
  @Override
  public SearchCounts counts() {
    return searches.counts(refreshes.sum());
  }

  /** The size on disk of the current index version, as {@link IndexStats#indexBytes()}. */
  @Override
  public long indexBytes() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return ((ArchiveSearcher) searcher).bytes();
    } finally {
      manager.release(searcher);
    }
  }

  /** Number of live articles in the current index version. */
  @Override
  public long count() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      manager.release(searcher);
    }
  }

  /** Makes the latest commit visible now instead of at the next scheduled refresh. */
  @Override
  public void refresh() throws IOException {
    manager.maybeRefreshBlocking();
  }

  private void refreshQuietly() {
    try {
      manager.maybeRefresh();
    } catch (NoSuchFileException e) {
      // A newer commit deleted the files of the one being opened; the next round opens that one.
      System.getLogger(ArticleSearcher.class.getName())
          .log(System.Logger.Level.DEBUG, "index refresh overtaken by a commit: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      // The next round retries; a broken index shows up in the requests that use it.
      System.getLogger(ArticleSearcher.class.getName())
          .log(System.Logger.Level.WARNING, "index refresh failed: " + e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    searches.cancelAll();
    refresher.shutdownNow();
    counting.close();
    IOUtils.close(suggester, semantic, manager, directory);
  }
}
