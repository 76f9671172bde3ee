package io.newsarchive.search;

import io.newsarchive.article.EntityType;
import io.newsarchive.entities.EntityNames;
import io.newsarchive.schema.ArticleFields;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.ThreadInterruptedException;

/**
 * Autocomplete over headlines and entity names with Lucene's infix suggester: every word of the
 * input must start a word of the suggestion. Entity names, canonical ({@link ArchiveEntityNames}),
 * rank ahead of headlines, each by how many articles carry them (a name by the articles of all its
 * variants). The suggester's index is memory-mapped from temporary files ({@link SuggestionFiles})
 * and built in the background for each new version of the index that suggestions are asked of (tens
 * of seconds for a hundred thousand articles), paced so that rebuilding takes about a tenth of a
 * processor at most ({@link RebuildPacing}); until the first build finishes there are no
 * suggestions, and afterwards the previous build answers while the next one runs, so a lookup never
 * waits. Thread-safe.
 */
final class TitleSuggester implements Closeable {

  /** Entity weights start here, so that names rank ahead of headlines. */
  private static final long ENTITY_BASE_WEIGHT = 1L << 40;

  private static final System.Logger LOG = System.getLogger(TitleSuggester.class.getName());

  private record Built(long version, AnalyzingInfixSuggester lookup, SuggestionFiles files) {

    /** Closes the suggester, then deletes its files. */
    void close() throws IOException {
      try {
        lookup.close();
      } finally {
        files.close();
      }
    }
  }

  private final AtomicReference<Built> current = new AtomicReference<>();
  private final RebuildPacing pacing = new RebuildPacing();
  private final LongSupplier clock = System::nanoTime;
  private final AtomicBoolean building = new AtomicBoolean();
  private volatile boolean requested;
  private final ExecutorService builder =
      Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "newsarchive-suggest-build");
        thread.setDaemon(true);
        return thread;
      });

  /**
   * Up to {@code size} suggestions for {@code prefix}, from the latest build; starts a build for
   * {@code reader}'s version when the latest is older.
   */
  List<Suggestion> suggest(
      DirectoryReader reader, ArchiveEntityNames names, String prefix, int size)
      throws IOException {
    Built built = keepUp(reader, names);
    if (built == null) {
      return List.of();
    }
    try {
      return lookup(built.lookup(), prefix, size);
    } catch (AlreadyClosedException e) {
      // A newer build replaced this one mid-lookup; the newer one answers.
      return lookup(current.get().lookup(), prefix, size);
    }
  }

  /**
   * The latest build, after starting one for {@code reader}'s version, whose canonical entity names
   * are {@code names}, when there is none yet or the latest is older and the pacing allows another.
   */
  private Built keepUp(DirectoryReader reader, ArchiveEntityNames names) {
    requested = true;
    Built built = current.get();
    if (built == null
        || built.version() != reader.getVersion() && pacing.mayStart(clock.getAsLong())) {
      prepare(reader, names);
    }
    return built;
  }

  /**
   * Starts building the suggester of {@code reader}'s version when {@link #suggest} would: when
   * there is none yet, or the latest is older and the pacing allows another.
   */
  void prepareFor(DirectoryReader reader, ArchiveEntityNames names) {
    keepUp(reader, names);
  }

  /** Whether suggestions were asked for or prepared since this suggester was made. */
  boolean requested() {
    return requested;
  }

  /**
   * Starts building the suggester of {@code reader}'s version, whose canonical entity names are
   * {@code names}, unless a build is running.
   */
  private void prepare(DirectoryReader reader, ArchiveEntityNames names) {
    if (!building.compareAndSet(false, true)) {
      return;
    }
    reader.incRef();
    try {
      builder.execute(() -> buildAndSwap(reader, names));
    } catch (RejectedExecutionException e) {
      building.set(false);
      decRef(reader);
    }
  }

  private void buildAndSwap(DirectoryReader reader, ArchiveEntityNames names) {
    try {
      long started = clock.getAsLong();
      Built fresh = build(reader, names);
      pacing.built(started, clock.getAsLong());
      Built old = current.getAndSet(fresh);
      if (old != null) {
        old.close();
      }
    } catch (InterruptedIOException | ThreadInterruptedException e) {
      // Closing: the build was stopped on purpose.
    } catch (IOException | RuntimeException e) {
      // A build that close() stopped may fail in whatever it was reading: only a live one warns.
      if (!builder.isShutdown()) {
        LOG.log(System.Logger.Level.WARNING, "building suggestions failed: " + e.getMessage());
      }
    } finally {
      decRef(reader);
      building.set(false);
    }
  }

  private static void decRef(DirectoryReader reader) {
    try {
      reader.decRef();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "releasing an index version failed: " + e.getMessage());
    }
  }

  private static List<Suggestion> lookup(AnalyzingInfixSuggester lookup, String prefix, int size)
      throws IOException {
    List<Suggestion> out = new ArrayList<>();
    for (Lookup.LookupResult result : lookup.lookup(prefix, size, true, false)) {
      Suggestion.Kind kind = Suggestion.Kind.valueOf(result.payload.utf8ToString());
      out.add(new Suggestion(result.key.toString(), kind));
    }
    return out;
  }

  private static Built build(DirectoryReader reader, ArchiveEntityNames names) throws IOException {
    Analyzer analyzer = new StandardAnalyzer(CharArraySet.EMPTY_SET);
    SuggestionFiles files = SuggestionFiles.create();
    AnalyzingInfixSuggester lookup = null;
    try {
      lookup =
          new AnalyzingInfixSuggester(
              files.directory(), analyzer, analyzer, 3, false, true, false, true);
      lookup.build(new Entries(entries(reader, names)));
      files.unlinkMapped();
      return new Built(reader.getVersion(), lookup, files);
    } catch (IOException | RuntimeException e) {
      try (files) {
        if (lookup != null) {
          lookup.close();
        }
      }
      throw e;
    }
  }

  /** One suggestion to index: its text, weight and kind (the payload a lookup returns). */
  record Entry(String text, long weight, Suggestion.Kind kind) {}

  private static List<Entry> entries(DirectoryReader reader, ArchiveEntityNames canonical)
      throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (EntityType type : EntityType.values()) {
      Terms terms = MultiTerms.getTerms(reader, ArticleFields.entityField(type));
      if (terms == null) {
        continue;
      }
      Suggestion.Kind kind = Suggestion.Kind.valueOf(FacetField.of(type).name());
      EntityNames names = canonical.of(type);
      Map<String, long[]> articles = new TreeMap<>();
      TermsEnum each = terms.iterator();
      for (BytesRef name = each.next(); name != null; name = each.next()) {
        String held = name.utf8ToString();
        articles.computeIfAbsent(names.canonical(held), n -> new long[1])[0] +=
            names.articles(held);
      }
      articles.forEach((name, count) -> {
        if (count[0] > 0) {
          entries.add(new Entry(name, ENTITY_BASE_WEIGHT + count[0], kind));
        }
      });
    }
    Map<String, long[]> titles = new HashMap<>();
    Set<String> fields = Set.of(ArticleFields.TITLE);
    for (LeafReaderContext leaf : reader.leaves()) {
      StoredFields stored = leaf.reader().storedFields();
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if (doc % 1024 == 0) {
          stopWhenInterrupted();
        }
        if (live == null || live.get(doc)) {
          String title = stored.document(doc, fields).get(ArticleFields.TITLE);
          if (title != null && !title.isBlank()) {
            titles.computeIfAbsent(title, t -> new long[1])[0]++;
          }
        }
      }
    }
    titles.forEach(
        (title, count) -> entries.add(new Entry(title, count[0], Suggestion.Kind.TITLE)));
    return entries;
  }

  /**
   * Ends a build when {@link #close()} interrupts it, so that a stopping server need not wait for a
   * build of tens of seconds.
   */
  private static void stopWhenInterrupted() throws InterruptedIOException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("suggestion build stopped: the suggester is closing");
    }
  }

  @Override
  public void close() throws IOException {
    builder.shutdownNow();
    try {
      builder.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Built built = current.getAndSet(null);
    if (built != null) {
      built.close();
    }
  }

  /** Feeds entries to the suggester, with the kind as payload. */
  static final class Entries implements InputIterator {
    private final Iterator<Entry> entries;
    private Entry entry;

    Entries(List<Entry> entries) {
      this.entries = entries.iterator();
    }

    @Override
    public BytesRef next() throws IOException {
      stopWhenInterrupted();
      if (!entries.hasNext()) {
        return null;
      }
      entry = entries.next();
      return new BytesRef(entry.text());
    }

    @Override
    public long weight() {
      return entry.weight();
    }

    @Override
    public BytesRef payload() {
      return new BytesRef(entry.kind().name().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean hasPayloads() {
      return true;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }
}
