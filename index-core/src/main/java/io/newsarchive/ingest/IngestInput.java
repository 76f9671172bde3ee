package io.newsarchive.ingest;

import java.io.IOException;
import java.nio.file.Path;

/** One input file of an ingest run, with a way to open it as an {@link ArticleReader}. */
public interface IngestInput {

  /** The file, for messages. */
  Path path();

  /** Size of the file in bytes, for progress estimates. */
  long bytes();

  /** Opens the file; malformed records go to {@code listener}. */
  ArticleReader open(IngestListener listener) throws IOException;
}
