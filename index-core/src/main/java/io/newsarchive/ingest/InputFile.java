package io.newsarchive.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One input file found by {@link InputFiles#discover}, with the format it will be read as.
 * Immutable.
 *
 * @param path the file
 * @param format the format it was detected as, or the one the user forced
 * @param bytes its size on disk (compressed size for gzip files), for progress reporting
 */
public record InputFile(Path path, InputFormat format, long bytes) {

  /** Validates that path and format are present and the size is not negative. */
  public InputFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(format, "format");
    if (bytes < 0) {
      throw new IllegalArgumentException("file size must not be negative");
    }
  }

  /**
   * Opens the file with its format's reader.
   *
   * @throws java.io.IOException when the file cannot be opened
   */
  public ArticleReader open(ReadOptions options, IngestListener listener)
      throws java.io.IOException {
    return format.open(path, options, listener);
  }
}
