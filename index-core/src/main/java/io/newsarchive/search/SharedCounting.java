package io.newsarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSearcher.LeafReaderContextPartition;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * The counting of every match of a page's query in pieces that any thread may take: the counting
 * thread that starts it and, once its own share of the page is done, the thread of the request,
 * which would otherwise wait. Over a large archive the counting of a common word is most of a
 * page's work, so both processors then count it. A piece is a segment, or a range of at most
 * {@value #PIECE_DOCS} of its documents, taken largest first so that the last ones to finish are
 * small. Each thread counts its pieces into collectors of its own; the counts are added up once
 * every piece is counted. Thread-safe.
 */
final class SharedCounting {

  /** The most documents of one piece. */
  static final int PIECE_DOCS = 1 << 16;

  private final Query query;
  private final MatchCounter counter;
  private final List<LeafReaderContextPartition> pieces;
  private final AtomicInteger next = new AtomicInteger();
  private final CountDownLatch counted;
  private final Queue<MatchCounter.Counting> collectors = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean timedOut = new AtomicBoolean();
  private Weight weight;
  private volatile Throwable failure;

  /** The counting of the matches of {@code query} in {@code reader} by {@code counter}. */
  SharedCounting(Query query, MatchCounter counter, IndexReader reader) {
    this(query, counter, reader, PIECE_DOCS);
  }

  /** The same, in pieces of at most {@code pieceDocs} documents. */
  SharedCounting(Query query, MatchCounter counter, IndexReader reader, int pieceDocs) {
    this.query = query;
    this.counter = counter;
    this.pieces = pieces(reader.leaves(), pieceDocs);
    this.counted = new CountDownLatch(pieces.size());
  }

  /** The segments of {@code leaves} in pieces of at most {@code pieceDocs}, largest first. */
  static List<LeafReaderContextPartition> pieces(List<LeafReaderContext> leaves, int pieceDocs) {
    List<LeafReaderContextPartition> pieces = new ArrayList<>();
    for (LeafReaderContext leaf : leaves) {
      int maxDoc = leaf.reader().maxDoc();
      int parts = Math.max(1, (maxDoc + pieceDocs - 1) / pieceDocs);
      for (int part = 0; part < parts; part++) {
        int from = (int) ((long) maxDoc * part / parts);
        int to = (int) ((long) maxDoc * (part + 1) / parts);
        pieces.add(LeafReaderContextPartition.createFromAndTo(leaf, from, to));
      }
    }
    pieces.sort(
        Comparator.comparingInt(
                (LeafReaderContextPartition piece) -> piece.maxDocId - piece.minDocId)
            .reversed());
    return List.copyOf(pieces);
  }

  /**
   * Counts the pieces no thread has taken yet, on this thread, with {@code timed}, whose timeout
   * stops it; a failure is kept for {@link #counts}.
   */
  void help(IndexSearcher timed) {
    int piece = next.getAndIncrement();
    if (piece >= pieces.size()) {
      return;
    }
    PieceSearcher searcher = new PieceSearcher(timed);
    MatchCounter.Counting collector = counter.newCollector();
    collectors.add(collector);
    try {
      Weight shared = weight(timed);
      while (piece < pieces.size()) {
        searcher.count(pieces.get(piece), shared, collector);
        counted.countDown();
        piece = next.getAndIncrement();
      }
    } catch (IOException | RuntimeException | Error e) {
      failure = e;
      counted.countDown();
      // Nobody counts the rest: the counts fail as a whole.
      while (next.getAndIncrement() < pieces.size()) {
        counted.countDown();
      }
    } finally {
      if (searcher.timedOut()) {
        timedOut.set(true);
      }
    }
  }

  /**
   * Helps with {@code timed}, waits for the pieces other threads took, and adds up the counts.
   *
   * @throws IOException as a piece's counting did, and its unchecked exceptions as they were thrown
   */
  MatchCounter.Counts counts(IndexSearcher timed) throws IOException {
    help(timed);
    // Each piece's counting is bounded by the search's deadline.
    CountingThreads.awaitUninterruptibly(counted);
    Throwable failed = failure;
    switch (failed) {
      case null -> {}
      case IOException e -> throw e;
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      default -> throw new IllegalStateException(failed);
    }
    return counter.reduce(List.copyOf(collectors));
  }

  /** The number of pieces. */
  int pieces() {
    return pieces.size();
  }

  /** Whether a deadline stopped the counting of a piece. */
  boolean timedOut() {
    return timedOut.get();
  }

  private synchronized Weight weight(IndexSearcher timed) throws IOException {
    if (weight == null) {
      weight = timed.createWeight(timed.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }
    return weight;
  }

  /** A searcher of one piece at a time, with the timeout of the searcher it stands for. */
  private static final class PieceSearcher extends IndexSearcher {
    PieceSearcher(IndexSearcher timed) {
      super(timed.getIndexReader());
      setTimeout(timed.getTimeout());
      setQueryCache(timed.getQueryCache());
      setQueryCachingPolicy(timed.getQueryCachingPolicy());
    }

    void count(LeafReaderContextPartition piece, Weight weight, Collector collector)
        throws IOException {
      search(new LeafReaderContextPartition[] {piece}, weight, collector);
    }
  }
}
