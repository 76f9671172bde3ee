package io.newsarchive.ingest;

/**
 * Receives what readers find wrong with their input. Implementations must be thread-safe: several
 * files are read at once.
 */
public interface IngestListener {

  /** A record or a whole file was skipped. */
  void rejected(Rejection rejection);

  /** A record was kept, but something in it was odd and was repaired or ignored. */
  void warned(Rejection warning);
}
