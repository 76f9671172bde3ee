package io.newsarchive.bench;

import java.io.IOException;

/** Fetches one search page; shared by every client thread of a {@link ClosedLoop}. */
@FunctionalInterface
public interface PageClient {

  /**
   * Fetches the page of {@code query}, an {@code /api/search} query string, and reads it whole.
   *
   * @throws RequestFailedException when the page could not be built
   */
  void fetch(String query) throws IOException;
}
