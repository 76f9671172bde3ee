package io.newsarchive.search;

import static io.newsarchive.search.FeedbackExpansion.FEEDBACK_DOCS;
import static io.newsarchive.search.FeedbackExpansion.FEEDBACK_TERMS;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The relevance model of RM3 over the best articles of a query: their title and body words,
 * re-analyzed from the stored text with the index analyzer, weighed by frequency over length times
 * the article's score, and the heaviest of them that are rare enough to say something about a
 * topic. Thread-safe: the analyzer is thread-safe and each call keeps its counts to itself.
 */
final class RelevanceModel {

  private static final int MIN_TERM_LENGTH = 2;
  private static final int MAX_TERM_LENGTH = 20;

  private final Analyzer analyzer;

  /** A model whose words are those {@code analyzer} indexes. */
  RelevanceModel(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * The {@value FeedbackExpansion#FEEDBACK_TERMS} heaviest topical words of the relevance model
   * over {@code top}, heaviest first and ties by word: each article's word frequencies over its
   * length, times its score. Only the heaviest words are looked up in the index, until enough of
   * them are topical.
   */
  List<Candidate> heaviest(List<FeedbackExpansion.Feedback> top, FeedbackExpansion.Rarity rarity)
      throws IOException {
    CharArrayMap<Candidate> model = new CharArrayMap<>(1024, false);
    CharArrayMap<int[]> counts = new CharArrayMap<>(1024, false);
    for (FeedbackExpansion.Feedback hit : top.subList(0, Math.min(FEEDBACK_DOCS, top.size()))) {
      counts.clear();
      int length = count(ArticleFields.TITLE, hit.title(), counts);
      length += count(ArticleFields.BODY, hit.body(), counts);
      CharArrayMap<int[]>.EntryIterator words = counts.entrySet().iterator();
      while (words.hasNext()) {
        char[] word = words.nextKey();
        // Only words can be chosen, so only words are weighed.
        if (isWord(word)) {
          Candidate candidate = model.get(word, 0, word.length);
          if (candidate == null) {
            candidate = new Candidate(word);
            model.put(word, candidate);
          }
          candidate.weight += (double) hit.score() * words.currentValue()[0] / length;
        }
      }
    }
    // Taken heaviest first from a heap: only the few looked up are ordered.
    PriorityQueue<Candidate> heaviest = new PriorityQueue<>(model.values());
    List<Candidate> best = new ArrayList<>(FEEDBACK_TERMS);
    List<Candidate> batch = new ArrayList<>(rarity.batch());
    // Checked only on the heaviest words: each is a lookup in the index.
    while (!heaviest.isEmpty() && best.size() < FEEDBACK_TERMS) {
      batch.clear();
      while (!heaviest.isEmpty() && batch.size() < rarity.batch()) {
        batch.add(heaviest.poll());
      }
      List<Boolean> rare =
          rarity.rare(batch.stream().map(candidate -> new String(candidate.word)).toList());
      for (int i = 0; i < batch.size() && best.size() < FEEDBACK_TERMS; i++) {
        if (rare.get(i)) {
          best.add(batch.get(i));
        }
      }
    }
    return best;
  }

  /** A word of the relevance model and its weight, heavier first, then by word. */
  static final class Candidate implements Comparable<Candidate> {
    private final char[] word;
    private double weight;

    Candidate(char[] word) {
      this.word = word;
    }

    /** The word as indexed. */
    String word() {
      return new String(word);
    }

    /** Its weight in the relevance model. */
    double weight() {
      return weight;
    }

    @Override
    public int compareTo(Candidate other) {
      int byWeight = Double.compare(other.weight, weight);
      return byWeight != 0 ? byWeight : Arrays.compare(word, other.word);
    }
  }

  /**
   * Adds the indexed words of {@code text} in {@code field} to {@code counts}, without a string for
   * each; their number.
   */
  private int count(String field, String text, CharArrayMap<int[]> counts) throws IOException {
    if (text == null) {
      return 0;
    }
    int length = 0;
    try (TokenStream tokens = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        int[] count = counts.get(term.buffer(), 0, term.length());
        if (count == null) {
          counts.put(Arrays.copyOf(term.buffer(), term.length()), new int[] {1});
        } else {
          count[0]++;
        }
        length++;
      }
      tokens.end();
    }
    return length;
  }

  /**
   * Whether {@code term} can be a word of a topic: letters and digits with at least one letter, of
   * sensible length.
   */
  private static boolean isWord(char[] term) {
    if (term.length < MIN_TERM_LENGTH || term.length > MAX_TERM_LENGTH) {
      return false;
    }
    boolean letter = false;
    for (char c : term) {
      if (!Character.isLetterOrDigit(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }
}
