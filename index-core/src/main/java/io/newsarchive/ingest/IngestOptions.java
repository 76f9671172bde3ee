package io.newsarchive.ingest;

import io.newsarchive.entities.EntityExtractor;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link IngestPipeline} runs.
 *
 * @param threads worker threads for extraction and indexing, at least 1
 * @param extractor the entity extractor applied to every article
 * @param commitInterval the longest time between two commits of a run, so that searchers see
 *     progress and a crash loses little
 * @param commitArticles the most articles indexed between two commits, so that a crash loses a
 *     bounded amount of work however fast the input is read
 * @param storers threads that store the tagged articles apart from the workers, 0 when each worker
 *     stores what it tagged ({@link #storers(int, boolean, boolean)})
 */
public record IngestOptions(
    int threads,
    EntityExtractor extractor,
    Duration commitInterval,
    int commitArticles,
    int storers) {

  /** Options whose workers store what they tag. */
  public IngestOptions(
      int threads, EntityExtractor extractor, Duration commitInterval, int commitArticles) {
    this(threads, extractor, commitInterval, commitArticles, 0);
  }

  /**
   * Default time between commits, in seconds. Each commit writes what every worker has buffered as
   * a small segment that merges then rewrite, so rare commits make ingest cheaper: a commit a
   * minute instead of every 10 s or 5,000 articles cut the CPU of indexing rss-news-2023 without
   * entities by a sixth.
   */
  public static final int DEFAULT_COMMIT_SECONDS = 60;

  /**
   * Default number of articles between commits; see {@link #DEFAULT_COMMIT_SECONDS}. The minute
   * bounds what a crash loses; this bound only comes first for an ingest faster than about 16,000
   * articles a second. At 100,000, an ingest of rss-news-2023 (121,844 articles, under a minute)
   * committed once on its way, wrote a second, small segment and merged the two at the end: 8% of
   * its time and 11% of its CPU with entities (README, {@code index}).
   */
  public static final int DEFAULT_COMMIT_ARTICLES = 1_000_000;

  /** Validates the options. */
  public IngestOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    Objects.requireNonNull(extractor, "extractor");
    if (commitInterval == null || commitInterval.isNegative() || commitInterval.isZero()) {
      throw new IllegalArgumentException("commit interval must be positive");
    }
    if (commitArticles < 1) {
      throw new IllegalArgumentException(
          "articles between commits must be at least 1, got " + commitArticles);
    }
    if (storers < 0) {
      throw new IllegalArgumentException("storers must be 0 or more, got " + storers);
    }
  }

  /**
   * Default number of workers. Tagging entities is most of an ingest's work, so with entities one
   * per available processor: on an idle two-processor machine the whole ingest of Reuters-21578
   * took 15.7, 16.0 and 15.0 s with two workers against 17.5, 17.2 and 16.8 s with one (see the
   * README's {@code --threads}). Without entities into a local index one per processor but one (at
   * least one), since the rest of that ingest needs most of a processor beside them: the reader,
   * the JIT compiler, Lucene's merges and the garbage collector; there two workers took
   * rss-news-2023 19.9 and 18.7 s against one worker's 17.3 and 17.9 s (more segments to merge, and
   * each worker slower while both run). Into OpenSearch, whose node indexes and merges elsewhere
   * and whose workers wait for its answers, one per processor.
   *
   * @param localIndex whether the articles go into a local Lucene index
   * @param entities whether the workers tag entities
   */
  public static int defaultWorkers(boolean localIndex, boolean entities) {
    int processors = Runtime.getRuntime().availableProcessors();
    return localIndex && !entities ? Math.max(1, processors - 1) : processors;
  }

  /**
   * How many of {@code workers} may add documents to a local index at once. Each worker adding
   * while another does fills a segment of its own, which the merges then join, one of them after
   * the last article. Beside tagging entities adding is a small part of a worker's work (about a
   * third of the tagging), so one writer serves up to three workers; without entities adding is the
   * work, and every worker writes.
   *
   * @param workers the worker threads of the run
   * @param entities whether the workers tag entities
   */
  public static int indexWriters(int workers, boolean entities) {
    return entities ? (workers + 2) / 3 : workers;
  }

  /**
   * How many threads store the tagged articles apart from the {@code workers}: into a local index
   * that fewer writers than workers add to ({@link #indexWriters}), that many, so that no worker
   * waits for a writer while it could tag; else none, each worker storing what it tagged (into
   * OpenSearch, whose answers a worker waits for, every worker stores). With one writer for two
   * workers a worker waited for it about a fifth of the time: the steady part of an ingest of
   * rss-news-2023 with entities kept 1.7-1.8 of two processors busy, and with a storing thread of
   * its own 1.9-2.0, for 0.92 times the wall time over seven alternating runs (README, {@code
   * index}).
   *
   * @param workers the worker threads of the run
   * @param localIndex whether the articles go into a local Lucene index
   * @param entities whether the workers tag entities
   */
  public static int storers(int workers, boolean localIndex, boolean entities) {
    int writers = indexWriters(workers, entities);
    return localIndex && writers < workers ? writers : 0;
  }
}
