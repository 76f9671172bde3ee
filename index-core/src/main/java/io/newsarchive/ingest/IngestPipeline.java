package io.newsarchive.ingest;

import io.newsarchive.article.Article;
import io.newsarchive.entities.EntityExtractor;
import io.newsarchive.entities.ExtractorUnavailableException;
import io.newsarchive.index.ArticleStore;
import io.newsarchive.index.ArticlesRefusedException;
import io.newsarchive.index.UpsertOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Reads input files, detects languages that readers leave open, extracts entities from English
 * articles and upserts every article into an {@link ArticleStore}, using several threads: reader
 * threads parse files concurrently into a bounded queue, and worker threads run the (costly) entity
 * extraction and hand each batch to the store in one call, or, with {@link IngestOptions#storers},
 * to a queue from which that many threads of their own store the batches. A malformed record, an
 * unreadable file, an article the tagger fails on or one the store refuses is reported and counted,
 * and the run goes on; only a failure of the store itself ends it.
 *
 * <p>Rejections and warnings are counted in one place, the pipeline's {@link #listener()}: hand it
 * to {@link InputFiles#discover} as well, so that files skipped before reading are in the same
 * counts as records skipped while reading.
 *
 * <p>One instance runs one ingest; it is not meant to be shared between threads.
 */
public final class IngestPipeline {

  private static final int BATCH = 64;

  /** The articles of one file handed from a reader to the workers. */
  private record Batch(Path file, List<Article> articles) {}

  private static final Batch END = new Batch(Path.of(""), List.of());

  private final IngestOptions options;
  private final IngestListener listener;
  private final AtomicLong articlesRead = new AtomicLong();

  /** Articles read, then rejected by the tagger or refused by the store. */
  private final AtomicLong rejectedAfterReading = new AtomicLong();

  private final AtomicLong added = new AtomicLong();
  private final AtomicLong updated = new AtomicLong();
  private final AtomicLong unchanged = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong warnings = new AtomicLong();
  private final AtomicInteger filesDone = new AtomicInteger();
  private final AtomicLong bytesDone = new AtomicLong();
  private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

  /**
   * A pipeline with the given options that passes every rejection and warning on to {@code reports}
   * once it has counted it.
   */
  public IngestPipeline(IngestOptions options, IngestListener reports) {
    this.options = Objects.requireNonNull(options, "options");
    this.listener = countingListener(Objects.requireNonNull(reports, "reports"));
  }

  /**
   * The listener whose rejections and warnings are the run's {@link IngestProgress#rejected} and
   * {@link IngestProgress#warnings}; it passes each on to the pipeline's reports. Thread-safe.
   */
  public IngestListener listener() {
    return listener;
  }

  /**
   * Ingests every input into {@code store}, reporting rejections to the {@link #listener()} and
   * counters to {@code progress} about four times a second, then commits.
   *
   * @return the final counters
   * @throws IOException when the store cannot be written
   */
  public IngestProgress run(
      ArticleStore store, List<? extends IngestInput> inputs, Consumer<IngestProgress> progress)
      throws IOException {
    long started = System.nanoTime();
    long bytesTotal = inputs.stream().mapToLong(IngestInput::bytes).sum();
    BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(options.threads() * 8);
    int readerCount = Math.max(1, Math.min(options.threads(), inputs.size()));
    ExecutorService readers = Executors.newFixedThreadPool(readerCount, named("ingest-reader"));
    ExecutorService workers =
        Executors.newFixedThreadPool(options.threads(), named("ingest-worker"));
    // Tagged batches on their way to the storing threads, when the workers do not store them.
    BlockingQueue<Batch> tagged = new ArrayBlockingQueue<>(Math.max(1, options.threads() * 4));
    ExecutorService storers =
        Executors.newFixedThreadPool(Math.max(1, options.storers()), named("ingest-storer"));
    try {
      List<Future<?>> readerTasks = new ArrayList<>();
      for (IngestInput input : inputs) {
        readerTasks.add(readers.submit(() -> readFile(input, queue)));
      }
      List<Future<?>> workerTasks = new ArrayList<>();
      for (int i = 0; i < options.threads(); i++) {
        workerTasks.add(
            workers.submit(
                options.storers() > 0 ? () -> tagOnly(queue, tagged) : () -> work(store, queue)));
      }
      List<Future<?>> storerTasks = new ArrayList<>();
      for (int i = 0; i < options.storers(); i++) {
        storerTasks.add(storers.submit(() -> storeAll(store, tagged)));
      }
      CommitClock commits = new CommitClock();
      awaitWhileCommitting(
          readerTasks, store, commits, inputs.size(), bytesTotal, started, progress);
      for (int i = 0; i < options.threads(); i++) {
        putQuietly(queue, END);
      }
      awaitWhileCommitting(
          workerTasks, store, commits, inputs.size(), bytesTotal, started, progress);
      for (int i = 0; i < options.storers(); i++) {
        putQuietly(tagged, END);
      }
      awaitWhileCommitting(
          storerTasks, store, commits, inputs.size(), bytesTotal, started, progress);
      store.commit();
      IngestProgress done = snapshot(inputs.size(), bytesTotal, started);
      progress.accept(done);
      return done;
    } finally {
      readers.shutdownNow();
      workers.shutdownNow();
      storers.shutdownNow();
      awaitQuietly(readers);
      awaitQuietly(workers);
      awaitQuietly(storers);
    }
  }

  /**
   * Waits until {@code tasks} are done or one of the run's threads failed, reporting progress and
   * committing when due meanwhile; then throws the first failure, if any.
   */
  private void awaitWhileCommitting(
      List<Future<?>> tasks,
      ArticleStore store,
      CommitClock commits,
      int files,
      long bytesTotal,
      long started,
      Consumer<IngestProgress> progress)
      throws IOException {
    while (!allDone(tasks) && failures.isEmpty()) {
      progress.accept(snapshot(files, bytesTotal, started));
      commits.commitIfDue(store);
      sleepQuietly(100);
    }
    rethrowFailure();
  }

  private void readFile(IngestInput input, BlockingQueue<Batch> queue) {
    if (!failures.isEmpty()) {
      return;
    }
    List<Article> batch = new ArrayList<>(BATCH);
    try (ArticleReader reader = input.open(listener)) {
      try {
        for (Optional<Article> next = reader.next(); next.isPresent(); next = reader.next()) {
          articlesRead.incrementAndGet();
          batch.add(next.get());
          if (batch.size() == BATCH) {
            queue.put(new Batch(input.path(), batch));
            batch = new ArrayList<>(BATCH);
          }
        }
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception | Error e) {
        // Whatever broke the file, the records read before it are kept.
        flush(queue, input, batch);
        batch = List.of();
        listener.rejected(broken(input, reader.position(), e));
      }
      flush(queue, input, batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception | Error e) {
      // Opening or closing the file failed.
      listener.rejected(broken(input, "", e));
    } finally {
      filesDone.incrementAndGet();
      bytesDone.addAndGet(input.bytes());
    }
  }

  private static void flush(BlockingQueue<Batch> queue, IngestInput input, List<Article> batch)
      throws InterruptedException {
    if (!batch.isEmpty()) {
      queue.put(new Batch(input.path(), batch));
    }
  }

  /** The rejection of a file that could not be read to its end, saying where and why. */
  private static Rejection broken(IngestInput input, String position, Throwable e) {
    String where = position.isEmpty() ? "" : " at " + position;
    return new Rejection(
        input.path(), 0, 0, "could not read the file" + where + ": " + describe(e));
  }

  /** What went wrong, in words, also for exceptions without a message. */
  static String describe(Throwable e) {
    if (e instanceof OutOfMemoryError) {
      return "ran out of memory; a lower --max-record-size or a larger heap (-Xmx) avoids this";
    }
    if (e instanceof StackOverflowError) {
      return "a record is nested too deeply to read";
    }
    if (e instanceof java.io.EOFException && e.getMessage() == null) {
      return "the file ends inside a record: it is truncated";
    }
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : message + (e instanceof IOException ? "" : " (" + e.getClass().getSimpleName() + ")");
  }

  /** Tags the batches of {@code queue} until its end and hands them to {@code tagged}. */
  private void tagOnly(BlockingQueue<Batch> queue, BlockingQueue<Batch> tagged) {
    try {
      for (Batch batch = queue.take(); batch != END; batch = queue.take()) {
        List<Article> articles = tagged(batch);
        if (!articles.isEmpty()) {
          tagged.put(new Batch(batch.file(), articles));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failures.add(e);
      queue.clear();
    }
  }

  /** Stores the tagged batches of {@code tagged} until its end. */
  private void storeAll(ArticleStore store, BlockingQueue<Batch> tagged) {
    try {
      for (Batch batch = tagged.take(); batch != END; batch = tagged.take()) {
        store(store, batch.file(), batch.articles());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      failures.add(e);
      tagged.clear();
    }
  }

  /** The articles of {@code batch} that the tagger did not reject, tagged. */
  private List<Article> tagged(Batch batch) {
    List<Article> tagged = new ArrayList<>(batch.articles().size());
    for (Article article : batch.articles()) {
      tag(batch.file(), article).ifPresent(tagged::add);
    }
    return tagged;
  }

  private void work(ArticleStore store, BlockingQueue<Batch> queue) {
    try {
      for (Batch batch = queue.take(); batch != END; batch = queue.take()) {
        List<Article> tagged = tagged(batch);
        if (!tagged.isEmpty()) {
          store(store, batch.file(), tagged);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      failures.add(e);
      queue.clear();
    }
  }

  /**
   * The article with its language detected when its reader gave none and, when the tagger reads its
   * language, its entities; empty when the tagger fails on it.
   */
  private Optional<Article> tag(Path file, Article read) {
    EntityExtractor extractor = options.extractor();
    Article article = LanguageDetector.withLanguage(read);
    if (!article.tagged()) {
      return Optional.of(article);
    }
    try {
      return Optional.of(article.withEntities(extractor.extract(article.title(), article.body())));
    } catch (ExtractorUnavailableException e) {
      // Not this article's fault: no article can be tagged, so the run ends with the reason.
      throw e;
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // One article the tagger cannot handle is rejected; the run goes on.
      reject(file, "article " + article.id() + " could not be tagged: " + describe(e));
      return Optional.empty();
    }
  }

  /** Upserts one batch of tagged articles, counting what the store did and what it refused. */
  private void store(ArticleStore store, Path file, List<Article> articles) throws IOException {
    try {
      List<UpsertOutcome> outcomes = store.upsert(articles);
      if (outcomes.size() != articles.size()) {
        throw new IllegalStateException(
            "the store answered "
                + outcomes.size()
                + " outcomes for "
                + articles.size()
                + " articles");
      }
      outcomes.forEach(this::count);
    } catch (ArticlesRefusedException e) {
      // The store took the other articles of the batch; only the refused ones are rejected.
      e.stored().forEach(this::count);
      for (ArticlesRefusedException.Refusal refusal : e.refusals()) {
        reject(
            file, "article " + refusal.articleId() + " could not be stored: " + refusal.reason());
      }
    }
  }

  private void count(UpsertOutcome outcome) {
    switch (outcome) {
      case ADDED -> added.incrementAndGet();
      case UPDATED -> updated.incrementAndGet();
      case UNCHANGED -> unchanged.incrementAndGet();
    }
  }

  private void reject(Path file, String reason) {
    rejectedAfterReading.incrementAndGet();
    listener.rejected(new Rejection(file, 0, 0, reason));
  }

  /** When the run commits: after a set time or a set number of articles, whichever comes first. */
  private final class CommitClock {
    private long lastTime = System.nanoTime();
    private long lastCount;

    void commitIfDue(ArticleStore store) throws IOException {
      long count = added.get() + updated.get() + unchanged.get() + rejectedAfterReading.get();
      if (System.nanoTime() - lastTime >= options.commitInterval().toNanos()
          || count - lastCount >= options.commitArticles()) {
        store.commit();
        lastTime = System.nanoTime();
        lastCount = count;
      }
    }
  }

  private IngestListener countingListener(IngestListener listener) {
    return new IngestListener() {
      @Override
      public void rejected(Rejection rejection) {
        rejected.incrementAndGet();
        listener.rejected(rejection);
      }

      @Override
      public void warned(Rejection warning) {
        warnings.incrementAndGet();
        listener.warned(warning);
      }

      @Override
      public void opened(Path file, InputFormat format) {
        listener.opened(file, format);
      }
    };
  }

  private IngestProgress snapshot(int filesTotal, long bytesTotal, long started) {
    return new IngestProgress(
        // Every record met is read: stored, rejected by its reader, or rejected after reading.
        articlesRead.get() + rejected.get() - rejectedAfterReading.get(),
        added.get(),
        updated.get(),
        unchanged.get(),
        rejected.get(),
        warnings.get(),
        filesDone.get(),
        filesTotal,
        bytesDone.get(),
        bytesTotal,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private void rethrowFailure() throws IOException {
    Throwable failure = failures.peek();
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException runtime) {
      throw runtime;
    }
  }

  private static boolean allDone(List<Future<?>> tasks) {
    return tasks.stream().allMatch(Future::isDone);
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void putQuietly(BlockingQueue<Batch> queue, Batch item) {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(ExecutorService executor) {
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
