package io.newsarchive.ingest;

/**
 * What one zip or tar archive may expand to, so that a small hostile archive (a "zip bomb") cannot
 * fill the disk, the memory or the run's time. An entry past a limit is rejected with the reason,
 * and the run goes on with the next one. Immutable.
 *
 * @param maxEntryBytes the most bytes one entry may expand to
 * @param maxRatio the most times one entry may expand its compressed size, once it has expanded to
 *     {@code ratioFloorBytes}; text compresses about 3 to 10 times, a bomb a thousand
 * @param ratioFloorBytes how far an entry may expand before its ratio counts, so that small files,
 *     which compress oddly, are never refused for it
 * @param maxEntries the most entries read from one archive; the rest are rejected together
 */
public record ArchiveLimits(
    long maxEntryBytes, int maxRatio, long ratioFloorBytes, int maxEntries) {

  /**
   * 4 GiB an entry (more than any news dump in one file), 100 times its compressed size past 1 MiB,
   * a million entries.
   */
  public static final ArchiveLimits DEFAULT = new ArchiveLimits(4L << 30, 100, 1L << 20, 1_000_000);

  /** Validates that every limit is positive. */
  public ArchiveLimits {
    if (maxEntryBytes < 1 || maxRatio < 1 || ratioFloorBytes < 0 || maxEntries < 1) {
      throw new IllegalArgumentException("archive limits must be positive");
    }
  }
}
