package io.newsarchive.ingest;

import java.nio.file.Path;

/**
 * Receives what readers find wrong with their input, and which format each input is read in.
 * Implementations must be thread-safe: several files are read at once.
 */
public interface IngestListener {

  /** A record or a whole file was skipped. */
  void rejected(Rejection rejection);

  /** A record was kept, but something in it was odd and was repaired or ignored. */
  void warned(Rejection warning);

  /**
   * A file or archive entry is about to be read in {@code format}, so that a run can say how many
   * it read in which format. Does nothing unless overridden.
   */
  default void opened(Path file, InputFormat format) {}
}
