package io.newsarchive.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes small zip and tar.gz archives for tests, entries in the map's order. */
public final class Archives {
  private Archives() {}

  /** A zip archive at {@code file} holding {@code entries} (path inside the archive → bytes). */
  public static Path zip(Path file, Map<String, byte[]> entries) throws IOException {
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        out.putNextEntry(new ZipEntry(entry.getKey()));
        out.write(entry.getValue());
        out.closeEntry();
      }
    }
    return file;
  }

  /** A gzip-compressed tar archive at {@code file} holding {@code entries}. */
  public static Path tarGz(Path file, Map<String, byte[]> entries) throws IOException {
    try (OutputStream gzip = new GZIPOutputStream(Files.newOutputStream(file));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        TarArchiveEntry header = new TarArchiveEntry(entry.getKey());
        header.setSize(entry.getValue().length);
        tar.putArchiveEntry(header);
        tar.write(entry.getValue());
        tar.closeArchiveEntry();
      }
    }
    return file;
  }

  /**
   * {@code megabytes} MiB of short text lines, which compress about a thousand times: a zip bomb in
   * small.
   */
  public static byte[] bomb(int megabytes) {
    return "all work and no play\n".repeat(megabytes * (1 << 20) / 21).getBytes();
  }
}
