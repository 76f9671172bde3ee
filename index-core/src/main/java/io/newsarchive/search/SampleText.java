package io.newsarchive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The foreground counts of the body texts of one sample, as {@link Significance} defines them: each
 * candidate word, and each two-word phrase of adjacent candidate words within a sentence, counted
 * once per article outside the runs of {@value Significance#SHINGLE} words an earlier article of
 * the sample held. Both backends feed it the sample's texts, best match first, so that they count
 * alike. Not thread-safe: one per request.
 */
public final class SampleText {

  /** Most phrases whose background is looked up, whatever the size asked. */
  public static final int MAX_PHRASE_LOOKUPS = 100;

  /** Phrases looked up per phrase returned: room for those the background rules out. */
  private static final int LOOKUPS_PER_PHRASE = 4;

  /** Share of an article's words, already seen in the sample, that makes it a copy. */
  private static final double COPY_SHARE = 0.5;

  /** What between two words ends a sentence or a paragraph. */
  private static final String SENTENCE_ENDS = ".!?;:";

  private static final Comparator<Map.Entry<String, Integer>> MOST_HELD =
      Map.Entry.<String, Integer>comparingByValue()
          .reversed()
          .thenComparing(Map.Entry.comparingByKey());

  private final Analyzer analyzer;
  private final Map<String, Integer> words = new HashMap<>();
  private final Map<String, Integer> phrases = new HashMap<>();
  private final Set<Long> seenRuns = new HashSet<>();
  private int articles;

  /** Counts with {@code analyzer}, which analyzes {@link Significance#TEXT_FIELD} as the index. */
  public SampleText(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /**
   * Counts the words and phrases of one more sampled article's body {@code text}; whether at least
   * half of its words lay in runs an earlier article held, which makes it a copy.
   */
  public boolean add(String text) throws IOException {
    articles++;
    Words held = words(text);
    List<String> tokens = held.tokens();
    boolean[] seen = new boolean[tokens.size()];
    List<Long> runs = new ArrayList<>();
    for (int start = 0; start + Significance.SHINGLE <= tokens.size(); start++) {
      long run = run(tokens, start);
      runs.add(run);
      if (seenRuns.contains(run)) {
        Arrays.fill(seen, start, start + Significance.SHINGLE, true);
      }
    }
    seenRuns.addAll(runs);
    int repeated = 0;
    for (boolean inRun : seen) {
      repeated += inRun ? 1 : 0;
    }
    count(held, seen);
    return !tokens.isEmpty() && repeated >= COPY_SHARE * tokens.size();
  }

  /** Counts once each candidate word, and phrase of two, of {@code held} outside {@code seen}. */
  private void count(Words held, boolean[] seen) {
    List<String> tokens = held.tokens();
    Set<String> freshWords = new HashSet<>();
    Set<String> freshPhrases = new HashSet<>();
    boolean previous = false;
    for (int i = 0; i < seen.length; i++) {
      boolean fresh = !seen[i] && Significance.isCandidate(tokens.get(i));
      if (fresh) {
        freshWords.add(tokens.get(i));
        if (previous && !held.breaks().get(i)) {
          freshPhrases.add(tokens.get(i - 1) + " " + tokens.get(i));
        }
      }
      previous = fresh;
    }
    freshWords.forEach(word -> words.merge(word, 1, Integer::sum));
    freshPhrases.forEach(phrase -> phrases.merge(phrase, 1, Integer::sum));
  }

  /** How many articles were counted. */
  public int articles() {
    return articles;
  }

  /** Each counted word and the number of articles holding it. */
  Map<String, Integer> words() {
    return Map.copyOf(words);
  }

  /**
   * The {@code size} most unusual phrases against the whole archive: of the phrases held by at
   * least {@link Significance#MIN_FOREGROUND} articles, the most held, at most {@value
   * #LOOKUPS_PER_PHRASE} per phrase asked and {@value #MAX_PHRASE_LOOKUPS} in all, are looked up in
   * {@code background} and scored with JLH, so that the cost stays bounded.
   */
  public List<SignificantTerm> phrases(int size, PhraseBackground background) throws IOException {
    List<Map.Entry<String, Integer>> held = new ArrayList<>();
    for (Map.Entry<String, Integer> phrase : phrases.entrySet()) {
      if (phrase.getValue() >= Significance.MIN_FOREGROUND) {
        held.add(phrase);
      }
    }
    held.sort(MOST_HELD);
    int lookups = Math.min(MAX_PHRASE_LOOKUPS, LOOKUPS_PER_PHRASE * size);
    held = held.subList(0, Math.min(lookups, held.size()));
    Background counts = background.count(held.stream().map(Map.Entry::getKey).toList());
    Significance.Sizes sizes = new Significance.Sizes(articles, counts.articles());
    List<SignificantTerm> scored = new ArrayList<>();
    for (Map.Entry<String, Integer> phrase : held) {
      long count = counts.holding().getOrDefault(phrase.getKey(), 0L);
      scored.add(sizes.scored(phrase.getKey(), phrase.getValue(), count));
    }
    return Significance.top(scored, size);
  }

  /**
   * The words of {@code text} as the index holds them in {@link Significance#TEXT_FIELD}, and
   * before which of them a sentence or paragraph ends or a word was left out.
   */
  private Words words(String text) throws IOException {
    List<String> tokens = new ArrayList<>();
    BitSet breaks = new BitSet();
    try (TokenStream stream = analyzer.tokenStream(Significance.TEXT_FIELD, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int end = 0;
      while (stream.incrementToken()) {
        if (increment.getPositionIncrement() != 1
            || endsSentence(text, end, offset.startOffset())) {
          breaks.set(tokens.size());
        }
        tokens.add(term.toString());
        end = offset.endOffset();
      }
      stream.end();
    }
    return new Words(tokens, breaks);
  }

  /** Whether the characters between two words end a sentence, or a paragraph (a blank line). */
  private static boolean endsSentence(String text, int from, int to) {
    String between = text.substring(Math.min(from, to), to);
    return between.chars().anyMatch(c -> SENTENCE_ENDS.indexOf(c) >= 0)
        || between.indexOf('\n') != between.lastIndexOf('\n');
  }

  private static long run(List<String> text, int start) {
    long hash = 1125899906842597L;
    for (int i = start; i < start + Significance.SHINGLE; i++) {
      hash = 31 * hash + text.get(i).hashCode();
      hash ^= hash >>> 29;
    }
    return hash;
  }

  /** The analyzed words of one text, and the indexes of those a break comes before. */
  private record Words(List<String> tokens, BitSet breaks) {}

  /**
   * How many articles of the whole archive hold each of a list of two-word phrases, the words
   * adjacent in the body, as the quoted phrase searches it.
   */
  @FunctionalInterface
  public interface PhraseBackground {

    /** How many archive articles hold each of {@code phrases}, words split by a space. */
    Background count(List<String> phrases) throws IOException;
  }

  /**
   * The background counts of some phrases.
   *
   * @param articles articles of the whole archive
   * @param holding how many of them hold each phrase; a phrase left out is held by none
   */
  public record Background(long articles, Map<String, Long> holding) {

    /** Copies the counts. */
    public Background {
      holding = Map.copyOf(holding);
    }
  }
}
