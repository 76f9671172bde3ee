package io.newsarchive.cli;

import io.newsarchive.ingest.IngestListener;
import io.newsarchive.ingest.InputFormat;
import io.newsarchive.ingest.Rejection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the files and archive entries read in each format, and passes rejections and warnings on.
 * Thread-safe.
 */
final class FormatTally implements IngestListener {

  private final IngestListener reports;
  private final Map<InputFormat, LongAdder> counts = new ConcurrentHashMap<>();

  FormatTally(IngestListener reports) {
    this.reports = reports;
  }

  @Override
  public void rejected(Rejection rejection) {
    reports.rejected(rejection);
  }

  @Override
  public void warned(Rejection warning) {
    reports.warned(warning);
  }

  @Override
  public void opened(Path file, InputFormat format) {
    counts.computeIfAbsent(format, f -> new LongAdder()).increment();
  }

  /** {@code Read as: text 2,225 files, jsonl 1 file, archive 1 file.}, in the formats' order. */
  String line() {
    List<String> parts = new ArrayList<>();
    for (InputFormat format : InputFormat.values()) {
      LongAdder count = counts.get(format);
      if (count != null) {
        long n = count.sum();
        parts.add(String.format("%s %,d file%s", format.userName(), n, n == 1 ? "" : "s"));
      }
    }
    return parts.isEmpty() ? "Read as: no file." : "Read as: " + String.join(", ", parts) + ".";
  }
}
