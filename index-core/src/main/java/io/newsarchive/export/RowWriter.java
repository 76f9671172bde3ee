package io.newsarchive.export;

import io.newsarchive.search.Hit;
import java.io.IOException;

/** Writes the rows of one export in one format; not thread-safe. */
interface RowWriter {

  /** Writes what comes before the first row (a header row), if the format has anything. */
  void start() throws IOException;

  /** Writes the row of {@code hit}. */
  void row(Hit hit) throws IOException;

  /** Sends what was written so far on to the underlying stream. */
  void flush() throws IOException;
}
