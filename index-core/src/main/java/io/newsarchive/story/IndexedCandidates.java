package io.newsarchive.story;

import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.internal.hppc.IntHashSet;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

/**
 * Finds the candidate copies of an article in an index: the live articles holding one of its band
 * keys in {@link ArticleFields#STORY_BAND}, at most {@link StoryMatcher#CANDIDATES_PER_BAND} per
 * key (the last in index order), so that a key a feed's boilerplate gives to thousands of articles
 * costs no more than one that two copies share. The candidates last read are kept, by segment and
 * document, since the items of one feed's template read the same few again and again; a segment's
 * documents never change, so what is kept stays right. Thread-safe.
 */
final class IndexedCandidates {

  /** Candidates kept decoded: a few megabytes. */
  private static final int KEPT = 8_192;

  /** The stored fields a candidate is read from. */
  static final Set<String> FIELDS =
      Set.of(
          ArticleFields.ID,
          ArticleFields.SOURCE,
          ArticleFields.STORY,
          ArticleFields.TITLE,
          ArticleFields.BODY);

  private record SegmentDoc(Object segment, int doc) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final Map<SegmentDoc, StoryCandidate> kept =
      new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SegmentDoc, StoryCandidate> eldest) {
          return size() > KEPT;
        }
      };

  /**
   * Adds to {@code found}, by id, the candidates in {@code index} holding one of {@code keys}, in
   * ascending order, each read once.
   */
  void find(IndexReader index, long[] keys, Map<String, StoryCandidate> found) throws IOException {
    int limit = StoryMatcher.CANDIDATES_PER_BAND;
    int[][] last = new int[keys.length][limit];
    int[] count = new int[keys.length];
    for (LeafReaderContext leaf : index.leaves()) {
      Terms terms = leaf.reader().terms(ArticleFields.STORY_BAND);
      if (terms == null) {
        continue;
      }
      TermsEnum termsEnum = terms.iterator();
      Bits live = leaf.reader().getLiveDocs();
      PostingsEnum postings = null;
      for (int k = 0; k < keys.length; k++) {
        if (!termsEnum.seekExact(StoryMatcher.bandTerm(keys[k]))) {
          continue;
        }
        postings = termsEnum.postings(postings, PostingsEnum.NONE);
        for (int doc = postings.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = postings.nextDoc()) {
          if (live == null || live.get(doc)) {
            last[k][count[k]++ % limit] = leaf.docBase + doc;
          }
        }
      }
    }
    IntHashSet read = new IntHashSet();
    List<LeafReaderContext> leaves = index.leaves();
    for (int k = 0; k < keys.length; k++) {
      for (int i = Math.max(0, count[k] - limit); i < count[k]; i++) {
        int doc = last[k][i % limit];
        if (read.add(doc)) {
          StoryCandidate candidate = candidate(leaves.get(ReaderUtil.subIndex(doc, leaves)), doc);
          found.putIfAbsent(candidate.id(), candidate);
        }
      }
    }
  }

  private StoryCandidate candidate(LeafReaderContext leaf, int doc) throws IOException {
    IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
    SegmentDoc key = helper == null ? null : new SegmentDoc(helper.getKey(), doc - leaf.docBase);
    if (key != null) {
      lock.lock();
      try {
        StoryCandidate candidate = kept.get(key);
        if (candidate != null) {
          return candidate;
        }
      } finally {
        lock.unlock();
      }
    }
    StoryCandidate candidate = candidate(leaf.reader(), doc - leaf.docBase);
    if (key != null) {
      lock.lock();
      try {
        kept.put(key, candidate);
      } finally {
        lock.unlock();
      }
    }
    return candidate;
  }

  /** The candidate indexed as document {@code doc} of {@code reader}. */
  static StoryCandidate candidate(LeafReader reader, int doc) throws IOException {
    return candidate(
        reader.storedFields().document(doc, FIELDS), ArticleDocuments.published(reader, doc));
  }

  /**
   * The candidate stored as {@code doc}, loaded with {@link #FIELDS}, published at {@code
   * published} ({@link ArticleDocuments#published}). Its signature is computed again from its
   * stored title and body rather than stored: candidates are few (copies, and the latest holders of
   * a feed's boilerplate, which stay kept), while a stored signature would cost every article 256
   * bytes that do not compress.
   */
  private static StoryCandidate candidate(Document doc, long published) {
    String id = doc.get(ArticleFields.ID);
    StorySignature signature =
        StorySignature.of(text(doc, ArticleFields.TITLE), text(doc, ArticleFields.BODY))
            .orElseThrow(() ->
                new IllegalStateException("article " + id + " has band keys but too little text"));
    return new StoryCandidate(
        id,
        doc.get(ArticleFields.SOURCE),
        published == ArticleDocuments.NOT_PUBLISHED ? StoryCandidate.UNKNOWN : published,
        ArticleDocuments.story(doc),
        signature);
  }

  private static String text(Document doc, String field) {
    String text = doc.get(field);
    return text == null ? "" : text;
  }
}
