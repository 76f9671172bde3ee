package io.newsarchive.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and why an input record was rejected (or, for a warning, kept despite an oddity).
 *
 * @param file the input file
 * @param line 1-based line where the record starts, or 0 when the format has no useful lines
 * @param record 1-based number of the record within the file, or 0 for a whole-file problem
 * @param reason what is wrong, in words a person can act on
 */
public record Rejection(Path file, long line, long record, String reason) {

  /** Validates that file and reason are present and positions are not negative. */
  public Rejection {
    Objects.requireNonNull(file, "file");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a rejection needs a reason");
    }
    if (line < 0 || record < 0) {
      throw new IllegalArgumentException("line and record must not be negative");
    }
  }

  /** {@code file:line (record n): reason}, the form printed to the console. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(file.toString());
    if (line > 0) {
      out.append(':').append(line);
    }
    if (record > 0) {
      out.append(" (record ").append(record).append(')');
    }
    return out.append(": ").append(reason).toString();
  }
}
