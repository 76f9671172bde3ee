package io.newsarchive.story;

import java.time.Duration;
import java.util.BitSet;
import java.util.Collection;

/**
 * Decides which candidates (articles sharing a band key) are copies of an article. Two articles are
 * copies when they were published at most {@link StoryMatcher#WINDOW} apart and, counting only the
 * signature positions that are not the boilerplate of the article's source, at least {@link
 * StoryMatcher#THRESHOLD} of those positions agree, with at least {@link
 * StoryMatcher#MIN_DISTINCTIVE} such positions.
 *
 * <p>A position is boilerplate when the article's value there (the smallest hash of a word run) is
 * also held there by candidates of the same source published on at least {@link
 * StoryMatcher#BOILERPLATE_DAYS} other days: a feed's recurring blurb, newsletter text or daily
 * template, which says nothing about which story an item tells. Stateless.
 */
final class CopyRule {

  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long WINDOW = StoryMatcher.WINDOW.toMillis();

  private CopyRule() {}

  /** The story of {@code article} among {@code candidates}: the smallest story of its copies. */
  static String story(StoryCandidate article, Collection<StoryCandidate> candidates) {
    BitSet boilerplate = boilerplate(article, candidates);
    String story = null;
    for (StoryCandidate candidate : candidates) {
      if (similarity(article, candidate, boilerplate) >= StoryMatcher.THRESHOLD
          && (story == null || candidate.story().compareTo(story) < 0)) {
        story = candidate.story();
      }
    }
    return story == null ? article.id() : story;
  }

  /**
   * The share of the article's distinctive positions (not in {@code boilerplate}) on which {@code
   * candidate} agrees; 0 when they were published too far apart or too few positions are
   * distinctive.
   */
  static double similarity(StoryCandidate article, StoryCandidate candidate, BitSet boilerplate) {
    if (article.id().equals(candidate.id()) || !published(article, candidate)) {
      return 0;
    }
    int distinctive = StorySignature.HASHES - boilerplate.cardinality();
    if (distinctive < StoryMatcher.MIN_DISTINCTIVE) {
      return 0;
    }
    int equal = 0;
    for (int h = boilerplate.nextClearBit(0);
        h < StorySignature.HASHES;
        h = boilerplate.nextClearBit(h + 1)) {
      if (article.signature().value(h) == candidate.signature().value(h)) {
        equal++;
      }
    }
    return equal / (double) distinctive;
  }

  /**
   * The positions of the article's signature whose value candidates of its source hold on at least
   * {@link StoryMatcher#BOILERPLATE_DAYS} days other than the article's.
   */
  static BitSet boilerplate(StoryCandidate article, Collection<StoryCandidate> candidates) {
    int days = StoryMatcher.BOILERPLATE_DAYS;
    long[][] seen = new long[StorySignature.HASHES][days];
    int[] count = new int[StorySignature.HASHES];
    BitSet boilerplate = new BitSet(StorySignature.HASHES);
    if (article.published() == StoryCandidate.UNKNOWN) {
      return boilerplate;
    }
    long day = Math.floorDiv(article.published(), DAY);
    for (StoryCandidate candidate : candidates) {
      if (!candidate.source().equals(article.source())
          || candidate.published() == StoryCandidate.UNKNOWN
          || Math.floorDiv(candidate.published(), DAY) == day
          || candidate.id().equals(article.id())) {
        continue;
      }
      long other = Math.floorDiv(candidate.published(), DAY);
      for (int h = 0; h < StorySignature.HASHES; h++) {
        if (count[h] < days
            && article.signature().value(h) == candidate.signature().value(h)
            && !holds(seen[h], count[h], other)) {
          seen[h][count[h]++] = other;
          if (count[h] == days) {
            boilerplate.set(h);
          }
        }
      }
    }
    return boilerplate;
  }

  private static boolean holds(long[] days, int count, long day) {
    for (int i = 0; i < count; i++) {
      if (days[i] == day) {
        return true;
      }
    }
    return false;
  }

  private static boolean published(StoryCandidate article, StoryCandidate candidate) {
    return article.published() == StoryCandidate.UNKNOWN
        || candidate.published() == StoryCandidate.UNKNOWN
        || Math.abs(article.published() - candidate.published()) <= WINDOW;
  }
}
