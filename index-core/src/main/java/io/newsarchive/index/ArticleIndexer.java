package io.newsarchive.index;

import io.newsarchive.article.Article;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.semantic.PassageEmbedder;
import io.newsarchive.semantic.PassageVectors;
import io.newsarchive.story.CandidateLookup;
import io.newsarchive.story.StoryMatcher;
import io.newsarchive.story.StorySignature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * The {@link ArticleStore} of a local Lucene index: writes articles keyed by {@link Article#id()},
 * where an article whose id is new is added, one whose stored content differs is replaced, and one
 * that is already there unchanged is skipped. Re-running an ingest over the same input is therefore
 * idempotent. Each article written gets the story of its copies ({@link StoryMatcher}) and, when
 * the indexer was opened with a {@link PassageEmbedder}, the sentence embeddings of its passages;
 * an article skipped as unchanged keeps what it had. What a run wrote is looked up in memory until
 * the reader is reopened on the writer, every {@link #WRITTEN_PER_READER} writes (by default), so
 * that the memory of a run does not grow with it.
 *
 * <p>Thread-safe: {@link #upsert} may be called from several threads at once. Changes become
 * durable and visible to searchers at {@link #commit()} and {@link #close()}.
 */
public final class ArticleIndexer implements ArticleStore {

  private static final int LOCK_STRIPES = 64;

  /**
   * What holding one article this run wrote costs until the reader is reopened: its id and content
   * hash, and the story matcher's candidate (a signature of 128 shorts and 16 band keys with their
   * places in the matcher's maps). A class histogram of an ingest of rss-news-2023 holding 113,913
   * articles counted about 103 MB of them, about 0.9 KB each.
   */
  private static final long BYTES_PER_HELD_ARTICLE = 1024;

  /**
   * Articles written between two reopenings of the reader in which articles are looked up, sized so
   * that what the run holds for them takes at most an eighth of the heap: 131,072 with a gigabyte.
   * The reopening bounds that memory; each costs a segment per indexing thread, which merges then
   * rewrite, so the fewer the faster an ingest (README, {@code index}).
   */
  public static final int WRITTEN_PER_READER =
      Math.clamp(Runtime.getRuntime().maxMemory() / 8 / BYTES_PER_HELD_ARTICLE, 1_000, 4_000_000);

  private final Directory directory;
  private final IndexWriter writer;
  private final int writtenPerReader;

  // Permits to add a document at once: each thread adding at once fills a segment of its own.
  private final Semaphore adding;
  private final SmallSegmentMerges merges;
  private volatile DirectoryReader before;
  private final ConcurrentHashMap<String, Long> writtenThisRun = new ConcurrentHashMap<>();

  /**
   * The ids this run wrote, when the index was empty when it was opened (then only they can be in
   * it); empty when it held articles.
   */
  private final Optional<WrittenIds> onlyWritten;

  private final ReentrantLock[] stripes = new ReentrantLock[LOCK_STRIPES];
  private final StoryMatcher stories;
  private final Optional<PassageEmbedder> embedder;
  // Upserts read the reader and the run's maps under the read lock; a reopening swaps the reader
  // and clears the maps under the write lock, when no article is half written.
  private final ReentrantReadWriteLock reopening = new ReentrantReadWriteLock();

  /** Held by the one thread that writes the buffered articles to segments before a reopening. */
  private final ReentrantLock flushing = new ReentrantLock();

  private ArticleIndexer(
      Directory directory,
      IndexWriter writer,
      DirectoryReader before,
      Optional<PassageEmbedder> embedder,
      int writtenPerReader,
      int writers)
      throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.writtenPerReader = writtenPerReader;
    this.adding = new Semaphore(writers);
    this.merges = (SmallSegmentMerges) writer.getConfig().getMergePolicy();
    this.before = before;
    this.embedder = embedder;
    this.stories = before == null ? new StoryMatcher() : new StoryMatcher(before);
    this.onlyWritten = before == null ? Optional.of(new WrittenIds()) : Optional.empty();
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /**
   * Opens (or creates) the index in a file-system directory.
   *
   * @throws IndexVersionException when the directory holds an index of another schema version
   */
  public static ArticleIndexer open(Path location) throws IOException {
    return open(location, Optional.empty());
  }

  /**
   * Opens (or creates) the index in a file-system directory, giving each article written the
   * passage vectors of {@code embedder}, when present, which the indexer closes when it is closed.
   *
   * @throws IndexVersionException when the directory holds an index of another schema version
   */
  public static ArticleIndexer open(Path location, Optional<PassageEmbedder> embedder)
      throws IOException {
    return open(location, embedder, Integer.MAX_VALUE);
  }

  /**
   * Opens (or creates) the index in a file-system directory, as {@link #open(Path, Optional)} does,
   * letting at most {@code writers} threads add documents at once. Each thread that adds while
   * another does fills a segment of its own, which the merges then join; where adding is a small
   * part of each thread's work (beside tagging entities), fewer writers than threads leave fewer
   * segments to merge for little waiting ({@code IngestOptions#indexWriters}).
   *
   * @throws IndexVersionException when the directory holds an index of another schema version
   */
  public static ArticleIndexer open(Path location, Optional<PassageEmbedder> embedder, int writers)
      throws IOException {
    Directory directory = FSDirectory.open(location);
    try {
      return open(directory, location, embedder, WRITTEN_PER_READER, writers);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * Opens (or creates) the index in {@code directory}; {@code location} names it in messages. The
   * indexer closes the directory when it is closed.
   */
  public static ArticleIndexer open(Directory directory, Path location) throws IOException {
    return open(directory, location, Optional.empty());
  }

  /**
   * Opens (or creates) the index in {@code directory}, as {@link #open(Directory, Path)} does,
   * giving each article written the passage vectors of {@code embedder}, when present.
   */
  public static ArticleIndexer open(
      Directory directory, Path location, Optional<PassageEmbedder> embedder) throws IOException {
    return open(directory, location, embedder, WRITTEN_PER_READER, Integer.MAX_VALUE);
  }

  /**
   * Opens (or creates) the index in {@code directory}, as {@link #open(Directory, Path, Optional)}
   * does, reopening the reader in which articles are looked up after every {@code writtenPerReader}
   * writes instead of {@link #WRITTEN_PER_READER}.
   */
  public static ArticleIndexer open(
      Directory directory, Path location, Optional<PassageEmbedder> embedder, int writtenPerReader)
      throws IOException {
    return open(directory, location, embedder, writtenPerReader, Integer.MAX_VALUE);
  }

  private static ArticleIndexer open(
      Directory directory,
      Path location,
      Optional<PassageEmbedder> embedder,
      int writtenPerReader,
      int writers)
      throws IOException {
    if (writtenPerReader < 1) {
      throw new IllegalArgumentException(
          "writtenPerReader must be at least 1: " + writtenPerReader);
    }
    if (writers < 1) {
      throw new IllegalArgumentException("writers must be at least 1: " + writers);
    }
    IndexSchemaCheck.requireCompatible(directory, location);
    IndexWriter writer = new IndexWriter(directory, writerConfig());
    writer.setLiveCommitData(IndexSchemaCheck.commitUserData().entrySet());
    DirectoryReader before = null;
    try {
      before = DirectoryReader.indexExists(directory) ? DirectoryReader.open(directory) : null;
      return new ArticleIndexer(directory, writer, before, embedder, writtenPerReader, writers);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(before, writer);
      throw e;
    }
  }

  private static final Codec CODEC = ArticleCodec.codec();

  /** How the index is written: its analyzer, codec and buffer, opening or creating it. */
  static IndexWriterConfig writerConfig() {
    IndexWriterConfig config = new IndexWriterConfig(ArticleFields.analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setCodec(CODEC);
    config.setRAMBufferSizeMB(256);
    // A segment's files stay apart, as a merge of a large segment leaves them: a flush writes each
    // file once instead of copying them all into a compound file, which searches read as slices.
    config.setUseCompoundFile(false);
    config.setCommitOnClose(true);
    config.setMergePolicy(new SmallSegmentMerges());
    return config;
  }

  /**
   * Adds the article, replaces the stored one with the same id if its content differs, or does
   * nothing if it is unchanged.
   */
  public UpsertOutcome upsert(Article article) throws IOException {
    UpsertOutcome outcome;
    reopening.readLock().lock();
    try {
      outcome = write(article);
    } finally {
      reopening.readLock().unlock();
    }
    if (writtenThisRun.size() >= writtenPerReader) {
      reopen();
    }
    return outcome;
  }

  private UpsertOutcome write(Article article) throws IOException {
    Document doc = ArticleDocuments.toDocument(article);
    long hash = ArticleDocuments.contentHash(doc);
    ReentrantLock lock = stripes[Math.floorMod(article.id().hashCode(), LOCK_STRIPES)];
    lock.lock();
    try {
      Long previous = writtenThisRun.get(article.id());
      if (previous == null && mayBeStored(article.id())) {
        previous = storedHash(article.id());
      }
      if (previous != null && previous == hash) {
        return UpsertOutcome.UNCHANGED;
      }
      Optional<StorySignature> signature = StorySignature.of(article.title(), article.body());
      ArticleDocuments.addStory(
          doc,
          stories.story(
              article, signature, before == null ? CandidateLookup.NONE : stories.in(before)),
          signature);
      if (embedder.isPresent()) {
        float[][] passages = embedder.get().article(article.title(), article.body());
        doc.add(
            new BinaryDocValuesField(
                ArticleFields.PASSAGE_VECTORS, PassageVectors.encode(passages)));
      }
      adding.acquireUninterruptibly();
      try {
        if (previous == null) {
          // No document holds this id, so there is nothing to delete: adding skips the delete term
          // that Lucene would otherwise resolve against every segment.
          writer.addDocument(doc);
        } else {
          writer.updateDocument(new Term(ArticleFields.ID, article.id()), doc);
        }
      } finally {
        adding.release();
      }
      writtenThisRun.put(article.id(), hash);
      onlyWritten.ifPresent(ids -> ids.add(article.id()));
      return previous == null ? UpsertOutcome.ADDED : UpsertOutcome.UPDATED;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Upserts each article in turn, as {@link #upsert(Article)} does. An article Lucene cannot index
   * (a keyword, such as an author name, longer than its 32,766-byte term limit) is refused and the
   * others are stored; any other failure to write one ends the batch, as the store failing.
   *
   * @throws ArticlesRefusedException when Lucene refused some articles and the rest were stored
   */
  @Override
  public List<UpsertOutcome> upsert(List<Article> articles) throws IOException {
    List<UpsertOutcome> outcomes = new ArrayList<>(articles.size());
    List<ArticlesRefusedException.Refusal> refusals = new ArrayList<>();
    for (int position = 0; position < articles.size(); position++) {
      Article article = articles.get(position);
      try {
        outcomes.add(upsert(article));
      } catch (IllegalArgumentException e) {
        // Lucene drops the one document it cannot invert; the writer stays usable.
        refusals.add(new ArticlesRefusedException.Refusal(position, article.id(), e.getMessage()));
      }
    }
    if (!refusals.isEmpty()) {
      throw new ArticlesRefusedException(outcomes, refusals);
    }
    return outcomes;
  }

  /** Makes every change so far durable and visible to searchers that refresh. */
  @Override
  public void commit() throws IOException {
    writer.setLiveCommitData(IndexSchemaCheck.commitUserData().entrySet());
    writer.commit();
  }

  /**
   * Merges the index into one segment, expunging deleted documents, and commits. Searching one
   * segment costs less per query than many; the merge rewrites the whole index once.
   */
  public void optimize() throws IOException {
    writer.forceMerge(1);
    commit();
  }

  /**
   * Merges every segment smaller than {@code bytes} into one, when there are at least two, and
   * commits: a run leaves a few segments (one per indexing thread at each reopening and commit),
   * each of which every search then visits, and Lucene's tiered merges leave up to ten of a size
   * apart. Larger segments are left as they are.
   *
   * @return the number of segments merged, 0 when there were fewer than two small ones
   */
  public int mergeSmallSegments(long bytes) throws IOException {
    int before = segmentCount();
    merges.smallOnly(bytes);
    try {
      writer.forceMerge(1);
    } finally {
      merges.smallOnly(0);
    }
    commit();
    int merged = before - segmentCount();
    return merged == 0 ? 0 : merged + 1;
  }

  /**
   * Deletes every article {@code selection} matches and commits, so that searchers opened next see
   * neither the articles nor anything derived from them (canonical entity names, suggestions and
   * facet counts are read from each index version). Not to be called while other threads upsert.
   *
   * @return the number of articles deleted
   */
  public long delete(Query selection) throws IOException {
    long matched;
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      matched = new IndexSearcher(reader).count(selection);
    }
    if (matched > 0) {
      writer.deleteDocuments(selection);
      commit();
      // A later upsert of a deleted id must add it again, not find it unchanged.
      DirectoryReader previous = before;
      before = DirectoryReader.open(writer);
      writtenThisRun.clear();
      stories.forgetRun();
      if (previous != null) {
        previous.close();
      }
    }
    return matched;
  }

  /**
   * Reopens the reader in which articles are looked up on the writer, so that it holds what this
   * run wrote, and forgets the run's written articles, which it now finds there.
   */
  private void reopen() throws IOException {
    if (!flushing.tryLock()) {
      // Another thread is reopening; this one goes on indexing.
      return;
    }
    try {
      // Writing the buffered articles out takes a while: done before the write lock, it leaves the
      // other threads indexing meanwhile, and the reopening itself has little left to write.
      writer.flush();
      reopening.writeLock().lock();
      try {
        if (writtenThisRun.size() < writtenPerReader) {
          return;
        }
        DirectoryReader previous = before;
        DirectoryReader reopened =
            previous == null
                ? DirectoryReader.open(writer)
                : DirectoryReader.openIfChanged(previous, writer);
        if (reopened != null) {
          before = reopened;
          if (previous != null) {
            previous.close();
          }
        }
        writtenThisRun.clear();
        stories.forgetRun();
      } finally {
        reopening.writeLock().unlock();
      }
    } finally {
      flushing.unlock();
    }
  }

  /** Number of segments, counting changes not yet committed. */
  public int segmentCount() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      return reader.leaves().size();
    }
  }

  /** Number of live documents, counting changes not yet committed. */
  @Override
  public long documentCount() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      return reader.numDocs();
    }
  }

  /** Commits and closes the index. */
  @Override
  public void close() throws IOException {
    try (directory;
        writer;
        DirectoryReader ignored = before;
        PassageEmbedder model = embedder.orElse(null)) {
      commit();
    }
  }

  /** Whether the reader last opened may hold {@code id}: false when it certainly does not. */
  private boolean mayBeStored(String id) {
    return before != null && onlyWritten.map(ids -> ids.mayHold(id)).orElse(true);
  }

  /** The content hash stored for {@code id} in the reader last opened, or null if absent. */
  private Long storedHash(String id) throws IOException {
    if (before == null) {
      return null;
    }
    BytesRef term = new BytesRef(id);
    for (LeafReaderContext leaf : before.leaves()) {
      Terms terms = leaf.reader().terms(ArticleFields.ID);
      if (terms == null) {
        continue;
      }
      TermsEnum termsEnum = terms.iterator();
      if (!termsEnum.seekExact(term)) {
        continue;
      }
      PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = postings.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = postings.nextDoc()) {
        if (live == null || live.get(doc)) {
          NumericDocValues hashes = leaf.reader().getNumericDocValues(ArticleFields.CONTENT_HASH);
          if (hashes == null || !hashes.advanceExact(doc)) {
            throw new IllegalStateException("article " + id + " is stored without a content hash");
          }
          return hashes.longValue();
        }
      }
    }
    return null;
  }
}
