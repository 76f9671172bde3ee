package io.newsarchive.ingest;

/**
 * A record or line longer than the limit set by {@link ReadOptions#maxRecordChars()}; the reader
 * has passed over it without keeping it. Readers turn it into a {@link Rejection} and go on.
 */
public final class OversizedRecordException extends RuntimeException {

  private final long line;

  /**
   * An oversized record ending at (or reaching) {@code line}.
   *
   * @param line 1-based line number, 0 when the format has no lines
   * @param chars how many characters the record has, or had when reading stopped
   * @param limit the limit it went over
   */
  public OversizedRecordException(long line, long chars, long limit) {
    super(
        String.format(
            "record of %,d characters is over the limit of %,d (--max-record-size)", chars, limit));
    this.line = line;
  }

  /** The 1-based line the record ends on, or 0 when the format has no lines. */
  public long line() {
    return line;
  }
}
