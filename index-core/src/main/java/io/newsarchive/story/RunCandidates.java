package io.newsarchive.story;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.internal.hppc.LongIntHashMap;

/**
 * The articles given a story since the index that the matcher looks up last held them all, by band
 * key: the candidates that term lookup cannot find yet. For each key it keeps the article that
 * holds it last and, per article and band, the one before it, so a key's articles are walked newest
 * first, at most {@link StoryMatcher#CANDIDATES_PER_BAND}. Not thread-safe.
 */
final class RunCandidates {

  private final List<StoryCandidate> articles = new ArrayList<>();
  private final LongIntHashMap lastWithKey = new LongIntHashMap();
  // For article a and band b, the position of the previous article with a's key of band b, or -1.
  private int[] previous = new int[StorySignature.BANDS * 1024];

  /** Number of articles held. */
  int size() {
    return articles.size();
  }

  /**
   * Adds to {@code found}, by id, the held articles with one of {@code keys}, the newest of an id.
   */
  void find(long[] keys, Map<String, StoryCandidate> found) {
    for (int band = 0; band < keys.length; band++) {
      int position = lastWithKey.getOrDefault(keys[band], -1);
      for (int walked = 0; position >= 0 && walked < StoryMatcher.CANDIDATES_PER_BAND; walked++) {
        StoryCandidate candidate = articles.get(position);
        found.putIfAbsent(candidate.id(), candidate);
        position = previous[position * StorySignature.BANDS + band];
      }
    }
  }

  /** Holds {@code article}, whose story is set, under {@code keys}. */
  void add(StoryCandidate article, long[] keys) {
    int position = articles.size();
    articles.add(article);
    if ((position + 1) * StorySignature.BANDS > previous.length) {
      previous = Arrays.copyOf(previous, previous.length * 2);
    }
    for (int band = 0; band < keys.length; band++) {
      previous[position * StorySignature.BANDS + band] = lastWithKey.getOrDefault(keys[band], -1);
      lastWithKey.put(keys[band], position);
    }
  }

  /** Forgets every article held. */
  void clear() {
    articles.clear();
    lastWithKey.clear();
    previous = new int[StorySignature.BANDS * 1024];
  }
}
