package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * The body document frequency of words in one index version, each segment's terms read through one
 * enumeration: a word is a seek in each, not a new enumeration per word and segment. A rare word
 * keeps what the seeks found, so that searching it seeks no segment again. Not thread-safe: one per
 * expansion.
 */
final class BodyDocumentFrequency implements FeedbackExpansion.Rarity {
  private final IndexReaderContext context;
  private final TermsEnum[] segments;
  private final int numDocs;
  private final Map<String, TermStates> found = new HashMap<>();

  BodyDocumentFrequency(IndexReader reader) throws IOException {
    context = reader.getContext();
    List<LeafReaderContext> leaves = reader.leaves();
    segments = new TermsEnum[leaves.size()];
    for (int i = 0; i < segments.length; i++) {
      Terms terms = leaves.get(i).reader().terms(ArticleFields.BODY);
      segments[i] = terms == null ? TermsEnum.EMPTY : terms.iterator();
    }
    numDocs = reader.numDocs();
  }

  @Override
  public List<Boolean> rare(List<String> words) throws IOException {
    List<Boolean> rare = new ArrayList<>(words.size());
    for (String word : words) {
      rare.add(isRare(word));
    }
    return rare;
  }

  /** One word at a time: each is a lookup of its own. */
  @Override
  public int batch() {
    return 1;
  }

  /** The body term states of {@code word}, when it was found rare; null otherwise. */
  TermStates states(String word) {
    return found.get(word);
  }

  /**
   * Whether {@code term} is in no more than {@value FeedbackExpansion#MAX_DOCUMENT_SHARE} of the
   * articles.
   */
  private boolean isRare(String term) throws IOException {
    BytesRef bytes = new BytesRef(term);
    TermStates states = new TermStates(context);
    long docFreq = 0;
    for (int i = 0; i < segments.length; i++) {
      TermsEnum segment = segments[i];
      if (segment.seekExact(bytes)) {
        int segmentFreq = segment.docFreq();
        docFreq += segmentFreq;
        states.register(segment.termState(), i, segmentFreq, segment.totalTermFreq());
      }
    }
    boolean rare = docFreq <= FeedbackExpansion.MAX_DOCUMENT_SHARE * numDocs;
    if (rare) {
      found.put(term, states);
    }
    return rare;
  }
}
