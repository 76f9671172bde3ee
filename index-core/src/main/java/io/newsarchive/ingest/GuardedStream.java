package io.newsarchive.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * The bytes of one archive entry, which stop with an {@link IOException} saying why once the entry
 * expands past the {@link ArchiveLimits}: past the most bytes an entry may have, or more times its
 * compressed size than an archive of text ever does. Not thread-safe.
 */
final class GuardedStream extends FilterInputStream {

  private final ArchiveLimits limits;
  private final LongSupplier compressedBytes;
  private long expanded;

  /**
   * Guards {@code in}, whose compressed bytes read so far {@code compressedBytes} tells (the
   * entry's whole compressed size when the archive knows it).
   */
  GuardedStream(InputStream in, ArchiveLimits limits, LongSupplier compressedBytes) {
    super(in);
    this.limits = limits;
    this.compressedBytes = compressedBytes;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes are expanded all the same, so they are read and counted.
    byte[] sink = new byte[(int) Math.min(Math.max(n, 0), 8192)];
    int read = read(sink, 0, sink.length);
    return Math.max(read, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void count(int bytes) throws IOException {
    expanded += bytes;
    if (expanded > limits.maxEntryBytes()) {
      throw new IOException(
          String.format(
              "the entry expands past %,d bytes, the most one archive entry may have; the rest"
                  + " is not read",
              limits.maxEntryBytes()));
    }
    if (expanded > limits.ratioFloorBytes()) {
      long compressed = compressedBytes.getAsLong();
      if (expanded / compressed > limits.maxRatio()) {
        throw new IOException(
            String.format(
                "the entry expands more than %,d times its compressed size (%,d bytes from %,d),"
                    + " as a zip bomb does; the rest is not read",
                limits.maxRatio(), expanded, compressed));
      }
    }
  }
}
