package io.newsarchive.story;

import io.newsarchive.article.Article;
import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.util.BytesRef;

/**
 * Gives an article the story of its copies. Its candidates are the articles that share an LSH band
 * key with it: in the index it is given (found by term lookup on {@link ArticleFields#STORY_BAND})
 * or given a story by this matcher since that index last held them all. A candidate is a copy when
 * it was published at most {@link #WINDOW} apart and agrees on at least {@link #THRESHOLD} of the
 * article's distinctive signature positions: those not holding its source's boilerplate, text that
 * candidates of the same source hold on {@link #BOILERPLATE_DAYS} other days. When its copies
 * belong to several stories it takes the smallest story id; an article without copies, or too short
 * for a signature, founds its own story, named by its id.
 *
 * <p>The story of an article therefore depends on what was stored before it: within one run of
 * several ingest workers, which of two copies that arrive at the same moment founds their story can
 * differ from run to run; a re-run over the same index changes nothing, since unchanged articles
 * are not written again. The articles held for the run grow until {@link #forgetRun()}, which the
 * writer calls once the index it passes holds them. Thread-safe: the lookup and the registration of
 * an article are one step under a lock, so that of two copies written at once the second finds the
 * first.
 */
public final class StoryMatcher {

  /**
   * Least share of agreeing distinctive positions (the estimated Jaccard similarity of the shingles
   * that are not boilerplate) for two articles to be copies of one story. Measured on Reuters-21578
   * and rss-news-2023 (see README): agency copies and updates with a changed paragraph score well
   * above it, articles that only quote a shared paragraph below.
   */
  public static final double THRESHOLD = 0.5;

  /** Longest time between the publication of two copies of one story. */
  public static final Duration WINDOW = Duration.ofDays(3);

  /**
   * Number of other days on which articles of a source must hold a signature value for it to be
   * that source's boilerplate.
   */
  public static final int BOILERPLATE_DAYS = 2;

  /**
   * Fewest signature positions (of {@value StorySignature#HASHES}) that must be distinctive for an
   * article to be a copy: an item that is almost all boilerplate tells no story of its own.
   */
  public static final int MIN_DISTINCTIVE = 32;

  /**
   * Most candidates read per band key: a key that more articles hold is a feed's boilerplate, whose
   * latest holders are enough to recognize it.
   */
  public static final int CANDIDATES_PER_BAND = 64;

  private final ReentrantLock lock = new ReentrantLock();
  private final RunCandidates run = new RunCandidates();
  private final BandKeyFilter filter = new BandKeyFilter();
  private final IndexedCandidates indexed = new IndexedCandidates();

  /** A matcher for articles written to an empty index, or to none. */
  public StoryMatcher() {}

  /**
   * A matcher for articles written to the index that {@code stored} reads; every index later given
   * to {@link #story} must hold only its articles and those that this matcher gave a story.
   */
  public StoryMatcher(IndexReader stored) throws IOException {
    filter.addAll(stored);
  }

  /**
   * The story of {@code article} with {@code signature}, from its copies in {@code index} (null
   * when there is no index yet) and those given a story since {@link #forgetRun()}; the article is
   * then held as one of those.
   */
  public String story(Article article, Optional<StorySignature> signature, IndexReader index)
      throws IOException {
    if (signature.isEmpty()) {
      return article.id();
    }
    long[] keys = signature.get().bandKeys();
    Map<String, StoryCandidate> stored = new HashMap<>();
    long[] held = Arrays.stream(keys).filter(filter::mayHold).sorted().toArray();
    if (index != null && held.length > 0) {
      indexed.find(index, held, stored);
    }
    StoryCandidate self = StoryCandidate.of(article, signature.get());
    lock.lock();
    try {
      Map<String, StoryCandidate> candidates = new HashMap<>();
      run.find(keys, candidates);
      stored.forEach(candidates::putIfAbsent);
      candidates.remove(article.id());
      String story = CopyRule.story(self, candidates.values());
      run.add(self.withStory(story), keys);
      for (long key : keys) {
        filter.add(key);
      }
      return story;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Forgets the articles held for this run: to be called when the index passed to {@link #story}
   * from now on holds every one of them, so that they are found there.
   */
  public void forgetRun() {
    lock.lock();
    try {
      run.clear();
    } finally {
      lock.unlock();
    }
  }

  /** The band key that {@link #bandTerm} wrote as {@code term}. */
  static long bandKey(BytesRef term) {
    long key = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      key = (key << 8) | (term.bytes[term.offset + i] & 0xFF);
    }
    return key;
  }

  /** The term under which {@link ArticleFields#STORY_BAND} indexes a band key. */
  public static BytesRef bandTerm(long key) {
    byte[] bytes = new byte[Long.BYTES];
    for (int i = 0; i < Long.BYTES; i++) {
      bytes[i] = (byte) (key >>> (56 - 8 * i));
    }
    return new BytesRef(bytes);
  }
}
