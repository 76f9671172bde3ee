package io.newsarchive.story;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.internal.hppc.LongIntHashMap;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Gives an article the story of its copies: the articles that share an LSH band key with it (in the
 * index as it was opened, found by term lookup on {@link ArticleFields#STORY_BAND}, or written
 * earlier in this run) and whose estimated similarity is at least {@link #THRESHOLD}. When its
 * copies belong to several stories it takes the smallest story id; an article without copies, or
 * too short for a signature, founds its own story, named by its id.
 *
 * <p>The story of an article therefore depends on what was stored before it: within one run of
 * several ingest workers, which of two copies that arrive at the same moment founds their story can
 * differ from run to run; a re-run over the same index changes nothing, since unchanged articles
 * are not written again. Thread-safe: the lookup and the registration of an article are one step
 * under a lock, so that of two copies written at once the second finds the first.
 */
public final class StoryMatcher {

  /**
   * Least estimated Jaccard similarity of the 5-word shingles for two articles to be copies of one
   * story. Measured on Reuters-21578 and rss-news-2023 (see README): agency copies and updates with
   * a changed paragraph score well above it, articles that only quote a shared paragraph below.
   */
  public static final double THRESHOLD = 0.5;

  private static final Set<String> CANDIDATE_FIELDS =
      Set.of(ArticleFields.ID, ArticleFields.STORY, ArticleFields.STORY_SIGNATURE);

  private final ReentrantLock lock = new ReentrantLock();
  // Band key to the first article of this run that has it; a later article with the same key is
  // not kept, as it is a copy of that one or, rarely, a chance collision.
  private final LongIntHashMap firstWithBand = new LongIntHashMap();
  private final List<String> runStories = new ArrayList<>();
  private final List<StorySignature> runSignatures = new ArrayList<>();

  /**
   * The story of the article {@code id} with {@code signature}, from its copies in {@code index}
   * (null when there is no index yet) and those written earlier in this run; the article is then
   * remembered as written.
   */
  public String story(String id, Optional<StorySignature> signature, IndexReader index)
      throws IOException {
    if (signature.isEmpty()) {
      return id;
    }
    long[] keys = signature.get().bandKeys();
    String story = index == null ? null : storyInIndex(id, signature.get(), keys, index);
    lock.lock();
    try {
      for (long key : keys) {
        int first = firstWithBand.getOrDefault(key, -1);
        if (first >= 0
            && signature.get().similarity(runSignatures.get(first)) >= THRESHOLD
            && (story == null || runStories.get(first).compareTo(story) < 0)) {
          story = runStories.get(first);
        }
      }
      if (story == null) {
        story = id;
      }
      int position = runStories.size();
      runStories.add(story);
      runSignatures.add(signature.get());
      for (long key : keys) {
        firstWithBand.putIfAbsent(key, position);
      }
      return story;
    } finally {
      lock.unlock();
    }
  }

  /** The term under which {@link ArticleFields#STORY_BAND} indexes a band key. */
  public static BytesRef bandTerm(long key) {
    byte[] bytes = new byte[Long.BYTES];
    for (int i = 0; i < Long.BYTES; i++) {
      bytes[i] = (byte) (key >>> (56 - 8 * i));
    }
    return new BytesRef(bytes);
  }

  private static String storyInIndex(
      String id, StorySignature signature, long[] keys, IndexReader index) throws IOException {
    String story = null;
    for (LeafReaderContext leaf : index.leaves()) {
      Terms terms = leaf.reader().terms(ArticleFields.STORY_BAND);
      if (terms == null) {
        continue;
      }
      TermsEnum termsEnum = terms.iterator();
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      PostingsEnum postings = null;
      for (long key : keys) {
        if (!termsEnum.seekExact(bandTerm(key))) {
          continue;
        }
        postings = termsEnum.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          String candidate = copyStory(id, signature, stored.document(doc, CANDIDATE_FIELDS));
          if (candidate != null && (story == null || candidate.compareTo(story) < 0)) {
            story = candidate;
          }
        }
      }
    }
    return story;
  }

  /** The story of {@code doc} when it is a copy of the article, else null. */
  private static String copyStory(String id, StorySignature signature, Document doc) {
    if (id.equals(doc.get(ArticleFields.ID))) {
      return null;
    }
    BytesRef bytes = doc.getBinaryValue(ArticleFields.STORY_SIGNATURE);
    StorySignature other = StorySignature.fromBytes(bytes.bytes, bytes.offset, bytes.length);
    return signature.similarity(other) >= THRESHOLD ? doc.get(ArticleFields.STORY) : null;
  }
}
