package io.newsarchive.ingest;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The file entries of a zip or tar archive, one at a time, each a stream guarded by the {@link
 * ArchiveLimits}; nothing is extracted to disk. A zip is read through its central directory, so an
 * entry left half read costs nothing; a tar (gzip-compressed or not) is read as one stream. Not
 * thread-safe.
 */
abstract sealed class ArchiveEntries implements Closeable {

  private static final int BUFFER = 64 * 1024;

  /**
   * One file of an archive.
   *
   * @param name its path inside the archive, {@code /}-separated
   * @param size the size it declares, or -1 when unknown
   * @param stream its bytes, guarded by the limits; closing it leaves the archive open
   */
  record Entry(String name, long size, InputStream stream) {}

  /** Opens an archive, a zip when it starts with a zip signature, else a tar. */
  static ArchiveEntries open(Path file, ArchiveLimits limits) throws IOException {
    boolean zip;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] magic = in.readNBytes(2);
      zip = magic.length == 2 && magic[0] == 'P' && magic[1] == 'K';
    }
    return zip ? new Zip(file, limits) : new Tar(file, limits);
  }

  /** The next file entry (directories and links are passed over), or empty at the end. */
  abstract Optional<Entry> next() throws IOException;

  /** A zip archive read through {@link ZipFile}. */
  private static final class Zip extends ArchiveEntries {
    private final ZipFile zip;
    private final Enumeration<? extends ZipEntry> entries;
    private final ArchiveLimits limits;

    Zip(Path file, ArchiveLimits limits) throws IOException {
      this.zip = new ZipFile(file.toFile());
      this.entries = zip.entries();
      this.limits = limits;
    }

    @Override
    Optional<Entry> next() throws IOException {
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (!entry.isDirectory()) {
          // The compressed size is the central directory's: the inflater reads no more than it.
          long compressed = Math.max(entry.getCompressedSize(), 1);
          InputStream stream =
              new GuardedStream(zip.getInputStream(entry), limits, () -> compressed);
          return Optional.of(new Entry(entry.getName(), entry.getSize(), stream));
        }
      }
      return Optional.empty();
    }

    @Override
    public void close() throws IOException {
      zip.close();
    }
  }

  /** A tar archive, gzip-compressed or not, read as one stream. */
  private static final class Tar extends ArchiveEntries {
    private final AtomicLong rawBytes = new AtomicLong();
    private final TarArchiveInputStream tar;
    private final ArchiveLimits limits;
    private final boolean compressed;

    Tar(Path file, ArchiveLimits limits) throws IOException {
      InputStream raw = new CountingStream(Files.newInputStream(file), rawBytes);
      BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
      buffered.mark(2);
      boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
      buffered.reset();
      this.compressed = gzip;
      this.tar = new TarArchiveInputStream(gzip ? new GZIPInputStream(buffered, BUFFER) : buffered);
      this.limits = limits;
    }

    @Override
    Optional<Entry> next() throws IOException {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.isFile()) {
          long start = rawBytes.get();
          LongSupplier read =
              compressed ? () -> Math.max(rawBytes.get() - start, 1) : () -> Long.MAX_VALUE;
          InputStream shielded =
              new FilterInputStream(tar) {
                @Override
                public void close() {
                  // The next entry is read from the same stream.
                }
              };
          return Optional.of(
              new Entry(
                  entry.getName(), entry.getSize(), new GuardedStream(shielded, limits, read)));
        }
      }
      return Optional.empty();
    }

    @Override
    public void close() throws IOException {
      tar.close();
    }
  }

  /** Counts the bytes read from a stream. */
  private static final class CountingStream extends FilterInputStream {
    private final AtomicLong count;

    CountingStream(InputStream in, AtomicLong count) {
      super(in);
      this.count = count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count.addAndGet(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count.addAndGet(skipped);
      return skipped;
    }
  }
}
