package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.Operations;
import org.apache.lucene.util.automaton.RegExp;

/**
 * How every backend finds what is unusual in the results of a search, declared once, after
 * Elasticsearch's {@code significant_text}: the best {@link SearchParameters#SAMPLE} matches by
 * relevance are the foreground; each word's foreground count is the number of sampled articles
 * whose body holds it outside a run of {@value #SHINGLE} words an earlier sampled article already
 * held (so that the copies of one wire story count once); its background count is the number of
 * articles of the whole archive holding it, read from the index. Words are those of {@link
 * #TEXT_FIELD}: lower case and unstemmed, so that each reads as written and, clicked, searches what
 * it says. Two-word phrases are counted alike: adjacent candidate words of one sentence in the
 * foreground (see {@link SampleText}), the articles {@link #PHRASE_FIELD} holds the phrase in for
 * the background. Stateless.
 *
 * <p>The score is JLH, Elasticsearch's default: {@code (fg% - bg%) * (fg% / bg%)} when the word is
 * more frequent in the sample than in the archive, else the word is left out. Of the measures
 * Elasticsearch offers, JLH favours words that are both frequent in the sample and rare in the
 * archive, which is what a reader scanning a short list wants; chi-square and GND rank common words
 * that are merely somewhat over-represented higher, and mutual information needs the background
 * without the sample, which {@code IndexReader.docFreq} does not give.
 */
public final class Significance {

  /** Words of the sample, re-analyzed from the stored body; background counts from its index. */
  public static final String TEXT_FIELD = ArticleFields.BODY_EXACT;

  /** The stored field that {@link #TEXT_FIELD} is analyzed from. */
  public static final String SOURCE_FIELD = ArticleFields.BODY;

  /**
   * Where the background count of a two-word phrase is read: the articles whose body the quoted
   * phrase finds, as a click on it searches. {@link #TEXT_FIELD} keeps no positions.
   */
  public static final String PHRASE_FIELD = ArticleFields.BODY;

  /**
   * Fewest sampled articles that must hold a word or name (Elasticsearch's {@code min_doc_count}):
   * one or two say nothing about the results.
   */
  public static final int MIN_FOREGROUND = 3;

  /** Length of the word runs that mark a text as already seen in the sample (Elasticsearch's). */
  public static final int SHINGLE = 6;

  /**
   * The words never offered, as a Lucene regular expression (Elasticsearch's {@code exclude}): one
   * character, numbers (digits with their separators), and the stop words of {@link
   * Ranking#isQueryStopWord}; at most {@value #MAX_REGEX_LENGTH} characters, the longest expression
   * OpenSearch runs by default.
   */
  public static final String EXCLUDED = excluded();

  /** OpenSearch's default {@code index.max_regex_length}. */
  public static final int MAX_REGEX_LENGTH = 1_000;

  /** The characters with a meaning in a Lucene regular expression. */
  private static final String OPERATORS = ".?+*|{}[]()\"\\#@&<>~";

  private static final CharacterRunAutomaton EXCLUDED_WORDS =
      new CharacterRunAutomaton(
          Operations.determinize(
              new RegExp(EXCLUDED).toAutomaton(), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT));

  private static final Comparator<SignificantTerm> MOST_UNUSUAL =
      Comparator.comparingDouble(SignificantTerm::score)
          .reversed()
          .thenComparing(SignificantTerm::term);

  private Significance() {}

  /** Whether {@code word}, as indexed in {@link #TEXT_FIELD}, may be offered. */
  public static boolean isCandidate(String word) {
    return !EXCLUDED_WORDS.run(word);
  }

  /**
   * The JLH score of a term held by {@code foreground} of {@code sample} sampled articles and by
   * {@code background} of the archive's {@code articles}; 0 when it is no more frequent in the
   * sample than in the archive.
   */
  public static double jlh(long foreground, long sample, long background, long articles) {
    if (sample <= 0 || background <= 0 || articles <= 0) {
      return 0;
    }
    double inSample = (double) foreground / sample;
    double inArchive = (double) background / articles;
    return inSample <= inArchive ? 0 : (inSample - inArchive) * (inSample / inArchive);
  }

  /**
   * The sizes a foreground and a background count are shares of.
   *
   * @param sample articles of the sample
   * @param articles articles of the archive
   */
  public record Sizes(long sample, long articles) {

    /** {@code term}, held by {@code foreground} sampled and {@code background} archive articles. */
    public SignificantTerm scored(String term, long foreground, long background) {
      return new SignificantTerm(
          term, jlh(foreground, sample, background, articles), foreground, background);
    }
  }

  /** The {@code size} most unusual of {@code terms}, ties by term. */
  public static List<SignificantTerm> top(List<SignificantTerm> terms, int size) {
    List<SignificantTerm> ranked = new ArrayList<>(terms);
    ranked.removeIf(term -> term.score() <= 0);
    ranked.sort(MOST_UNUSUAL);
    return List.copyOf(ranked.subList(0, Math.min(size, ranked.size())));
  }

  private static String excluded() {
    StringBuilder regex = new StringBuilder(".|[0-9][0-9.,_]*");
    for (String word : new TreeSet<>(Ranking.queryStopWords())) {
      regex.append('|');
      for (char c : word.toCharArray()) {
        // Only the operators need a backslash: before a letter it may name a class (\d, \w).
        regex.append(OPERATORS.indexOf(c) >= 0 ? "\\" : "").append(c);
      }
    }
    return regex.toString();
  }
}
