package io.newsarchive.story;

import java.io.IOException;
import java.util.Map;

/**
 * Finds the stored articles that may be copies of an article: those holding one of its LSH band
 * keys. A local index looks them up by term ({@link StoryMatcher#in}); another store answers from
 * what it read for a whole batch of articles at once. Implementations say whether they are
 * thread-safe.
 */
@FunctionalInterface
public interface CandidateLookup {

  /** The lookup of a store that holds no article yet. */
  CandidateLookup NONE = (keys, found) -> {};

  /**
   * Adds to {@code found}, by id, the stored articles holding one of {@code keys}, at most {@link
   * StoryMatcher#CANDIDATES_PER_BAND} per key, each with its story.
   *
   * @throws IOException when the store cannot be read
   */
  void find(long[] keys, Map<String, StoryCandidate> found) throws IOException;
}
