package io.newsarchive.ingest;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.util.Optional;

/**
 * A stream of articles read from one input file. A malformed record does not end the stream: the
 * reader reports it to its {@link IngestListener} as a {@link Rejection} and moves on to the next
 * record. Not thread-safe: one thread uses one reader.
 */
public interface ArticleReader extends AutoCloseable {

  /**
   * Reads the next well-formed article.
   *
   * @return the article, or empty at the end of the input
   * @throws IOException when the file cannot be read at all (not for a malformed record)
   */
  Optional<Article> next() throws IOException;

  /**
   * Where reading has got to, for the message about a file that breaks off: {@code line 2,485} or
   * {@code byte 10,240}; empty when the reader cannot say.
   */
  default String position() {
    return "";
  }

  /** Closes the underlying file. */
  @Override
  void close() throws IOException;
}
