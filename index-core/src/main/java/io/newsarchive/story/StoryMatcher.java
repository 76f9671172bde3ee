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
 * key with it: in the store it is given (a local index, looked up by term on {@link
 * ArticleFields#STORY_BAND}, or any other {@link CandidateLookup}) or given a story by this matcher
 * since that store last held them all. A candidate is a copy when it was published at most {@link
 * #WINDOW} apart and agrees on at least {@link #THRESHOLD} of the article's distinctive signature
 * positions: those not holding its source's boilerplate, text that candidates of the same source
 * hold on {@link #BOILERPLATE_DAYS} other days. When its copies belong to several stories it takes
 * the smallest story id; an article without copies, or too short for a signature, founds its own
 * story, named by its id.
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

  /** Bytes of a band key kept in its term; see {@link #bandTerm}. */
  public static final int BAND_TERM_BYTES = 3;

  private final ReentrantLock lock = new ReentrantLock();
  private final RunCandidates run = new RunCandidates();
  // Empty when the stored keys are not known in advance: then every key is looked up.
  private final Optional<BandKeyFilter> filter;
  private final IndexedCandidates indexed = new IndexedCandidates();

  /** A matcher for articles written to an empty index, or to none. */
  public StoryMatcher() {
    this.filter = Optional.of(new BandKeyFilter());
  }

  /**
   * A matcher for articles written to the index that {@code stored} reads; every index later given
   * to {@link #story} must hold only its articles and those that this matcher gave a story.
   */
  public StoryMatcher(IndexReader stored) throws IOException {
    this();
    filter.get().addAll(stored);
  }

  private StoryMatcher(Optional<BandKeyFilter> filter) {
    this.filter = filter;
  }

  /**
   * A matcher for articles written to a store whose band keys it does not read in advance (an
   * OpenSearch index): every key of an article is looked up in the store.
   */
  public static StoryMatcher lookingUpEveryKey() {
    return new StoryMatcher(Optional.empty());
  }

  /**
   * The lookup of candidates in {@code index} by term, the last {@link #CANDIDATES_PER_BAND} in
   * index order per key, kept decoded across calls while the segments they are in live.
   */
  public CandidateLookup in(IndexReader index) {
    return (keys, found) -> indexed.find(index, keys, found);
  }

  /**
   * The story of {@code article} with {@code signature}, from its copies that {@code stored} finds
   * and those given a story since {@link #forgetRun()}; the article is then held as one of those.
   */
  public String story(Article article, Optional<StorySignature> signature, CandidateLookup stored)
      throws IOException {
    if (signature.isEmpty()) {
      return article.id();
    }
    long[] keys = signature.get().bandKeys();
    Map<String, StoryCandidate> found = new HashMap<>();
    long[] held =
        filter.isEmpty()
            ? Arrays.stream(keys).sorted().toArray()
            : Arrays.stream(keys).filter(filter.get()::mayHold).sorted().toArray();
    if (held.length > 0) {
      stored.find(held, found);
    }
    StoryCandidate self = StoryCandidate.of(article, signature.get());
    lock.lock();
    try {
      Map<String, StoryCandidate> candidates = new HashMap<>();
      run.find(keys, candidates);
      found.forEach(candidates::putIfAbsent);
      candidates.remove(article.id());
      String story = CopyRule.story(self, candidates.values());
      run.add(self.withStory(story), keys);
      if (filter.isPresent()) {
        for (long key : keys) {
          filter.get().add(key);
        }
      }
      return story;
    } finally {
      lock.unlock();
    }
  }

  /** Number of articles held for this run, given a story since {@link #forgetRun()}. */
  public int runSize() {
    lock.lock();
    try {
      return run.size();
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

  /**
   * The band key that {@link #bandTerm} wrote as {@code term}, as far as the term holds it: its top
   * {@value #BAND_TERM_BYTES} bytes, the rest zero.
   */
  static long bandKey(BytesRef term) {
    long key = 0;
    for (int i = 0; i < BAND_TERM_BYTES; i++) {
      key = (key << 8) | (term.bytes[term.offset + i] & 0xFF);
    }
    return key << (Long.SIZE - Byte.SIZE * BAND_TERM_BYTES);
  }

  /**
   * The term under which {@link ArticleFields#STORY_BAND} indexes a band key: its top {@value
   * #BAND_TERM_BYTES} bytes. A key then shares its term by chance with one of a million others
   * about once in 17 (2^24 terms), and such a candidate fails the copy rule like any other article
   * that is no copy: it costs the ingest a stored read, not a wrong story.
   */
  public static BytesRef bandTerm(long key) {
    byte[] bytes = new byte[BAND_TERM_BYTES];
    for (int i = 0; i < BAND_TERM_BYTES; i++) {
      bytes[i] = (byte) (key >>> (Long.SIZE - Byte.SIZE * (i + 1)));
    }
    return new BytesRef(bytes);
  }
}
