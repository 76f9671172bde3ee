package io.newsarchive.ingest;

import java.time.Duration;

/**
 * A snapshot of an ingest run's counters.
 *
 * @param read records met in the inputs so far, whether indexed or rejected, so that once the run
 *     is done {@code read == added + updated + unchanged + rejected}
 * @param added articles added as new documents
 * @param updated articles that replaced a stored document with other content
 * @param unchanged articles already stored with the same content
 * @param rejected records and files skipped as malformed or unreadable
 * @param warnings records kept despite an oddity
 * @param filesDone input files read to the end
 * @param filesTotal input files in the run
 * @param bytesDone total size of the files read to the end
 * @param bytesTotal total size of all input files
 * @param elapsed time since the run started
 */
public record IngestProgress(
    long read,
    long added,
    long updated,
    long unchanged,
    long rejected,
    long warnings,
    int filesDone,
    int filesTotal,
    long bytesDone,
    long bytesTotal,
    Duration elapsed) {

  /** Articles written or confirmed per second of elapsed time. */
  public double articlesPerSecond() {
    double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
    return (added + updated + unchanged) / seconds;
  }

  /** Articles that reached the index: added, updated or unchanged. */
  public long indexed() {
    return added + updated + unchanged;
  }
}
