package io.newsarchive.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.ingest.IngestListener;
import io.newsarchive.ingest.IngestProgress;
import io.newsarchive.ingest.Rejection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reports rejected records and warnings: the first few on the console as they happen, every one as
 * a JSON line in an optional file. It counts only what it printed; how many rejections and warnings
 * a run had is counted by the {@link io.newsarchive.ingest.IngestPipeline}. Thread-safe.
 */
final class RejectionLog implements IngestListener, AutoCloseable {

  private static final int CONSOLE_LIMIT = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintWriter console;
  private final Optional<Path> path;
  private final BufferedWriter file;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicLong shownRejections = new AtomicLong();
  private final AtomicLong shownWarnings = new AtomicLong();

  private RejectionLog(PrintWriter console, Optional<Path> path, BufferedWriter file) {
    this.console = console;
    this.path = path;
    this.file = file;
  }

  /** A log that prints to {@code console} and, when {@code path} is given, writes JSON lines. */
  static RejectionLog open(PrintWriter console, Optional<Path> path) throws IOException {
    BufferedWriter file =
        path.isPresent() ? Files.newBufferedWriter(path.get(), StandardCharsets.UTF_8) : null;
    return new RejectionLog(console, path, file);
  }

  @Override
  public void rejected(Rejection rejection) {
    report(rejection, "rejected", shownRejections);
  }

  @Override
  public void warned(Rejection warning) {
    report(warning, "warning", shownWarnings);
  }

  /**
   * Prints how many of a run's reports the console did not show, and where to find them.
   *
   * @param run the run's final counters, which hold how many rejections and warnings it had
   */
  void printSummary(IngestProgress run) {
    long hidden = run.rejected() + run.warnings() - shownRejections.get() - shownWarnings.get();
    if (hidden > 0) {
      console.printf(
          "%,d more rejections and warnings not shown%s%n",
          hidden, path.map(p -> "; all are in " + p).orElse("; use --rejects FILE to list them"));
    }
    console.flush();
  }

  @Override
  public void close() throws IOException {
    if (file != null) {
      file.close();
    }
  }

  private void report(Rejection rejection, String kind, AtomicLong shown) {
    lock.lock();
    try {
      if (shown.get() < CONSOLE_LIMIT) {
        shown.incrementAndGet();
        console.println(kind + ": " + rejection);
        console.flush();
      }
      if (file != null) {
        file.write(JSON.writeValueAsString(RejectLine.of(kind, rejection)));
        file.newLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the rejects file " + path.orElseThrow(), e);
    } finally {
      lock.unlock();
    }
  }

  /** One line of the rejects file. */
  record RejectLine(String kind, String file, long line, long record, String reason) {
    static RejectLine of(String kind, Rejection rejection) {
      return new RejectLine(
          kind,
          rejection.file().toString(),
          rejection.line(),
          rejection.record(),
          rejection.reason());
    }
  }
}
