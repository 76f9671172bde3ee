package io.newsarchive.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One input file found by {@link InputFiles#discover}, with the format it will be read as.
 * Immutable.
 *
 * @param name the file, and how it is named below the input the user named
 * @param format the format it was detected as, or the one the user forced
 * @param bytes its size on disk (compressed size for gzip files), for progress reporting
 */
public record InputFile(InputName name, InputFormat format, long bytes) {

  /** Validates that name and format are present and the size is not negative. */
  public InputFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    if (bytes < 0) {
      throw new IllegalArgumentException("file size must not be negative");
    }
  }

  /** The file. */
  public Path path() {
    return name.shown();
  }

  /**
   * Opens the file with its format's reader, telling {@code listener} which format that is.
   *
   * @throws IOException when the file cannot be opened
   */
  public ArticleReader open(ReadOptions options, IngestListener listener) throws IOException {
    listener.opened(name.shown(), format);
    return format.open(name, options, listener);
  }
}
