package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Proposes a corrected query: every plain word that no headline or body contains, or that is much
 * rarer than a close spelling of it ({@link #worthSuggesting}), is replaced by the closest such
 * word of the archive (Lucene's direct spell checker over the unstemmed text fields, so no side
 * index is needed): at most two edits away for a word no article holds, one for a word that some
 * articles hold (a slip printed often enough to be found is most often one letter off, and a
 * dictionary walk one edit wide costs a fraction of one two edits wide, which every rare but right
 * word of a query would pay). Each word is corrected on its own, so one misspelt word of several is
 * enough. Thread-safe.
 */
public final class SpellingCorrector {

  private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
  private static final Pattern OPERATOR = Pattern.compile("AND|OR|NOT|TO");

  /** How many times more articles a close spelling must have than a known word to replace it. */
  public static final int RARER = 20;

  /** How many articles a close spelling must have to replace a known word. */
  public static final int COMMON = 100;

  /** Close spellings weighed per word, best first. */
  public static final int CANDIDATES = 5;

  /** The words of an archive, as the corrector asks about them. */
  public interface Vocabulary {

    /**
     * For each of {@code words} (lower-cased), the closest word of the bodies that Lucene's {@link
     * DirectSpellChecker} proposes with its defaults and that {@link #worthSuggesting} accepts
     * against the number of articles whose headline ({@link ArticleFields#TITLE_EXACT}) or body
     * ({@link ArticleFields#BODY_EXACT}) holds the word, when there is one.
     *
     * @throws IOException when the archive cannot be read
     */
    Map<String, String> corrections(Set<String> words) throws IOException;
  }

  /** Walks the words up to two edits from a word no article holds ({@link #maxEdits}). */
  private static final DirectSpellChecker UNKNOWN_WORD = new DirectSpellChecker();

  /** Walks the words one edit from a word that articles hold. */
  private static final DirectSpellChecker KNOWN_WORD = new DirectSpellChecker();

  static {
    KNOWN_WORD.setMaxEdits(maxEdits(1));
  }

  private SpellingCorrector() {}

  /** The corrected query, or empty when every word is known or no correction exists. */
  static Optional<String> correct(IndexReader reader, String query) throws IOException {
    return correct(words -> corrections(reader, words), query);
  }

  /**
   * The corrected query of {@code query} by the words of {@code vocabulary}, or empty when every
   * word is known or no correction exists.
   *
   * @throws IOException when the archive cannot be read
   */
  public static Optional<String> correct(Vocabulary vocabulary, String query) throws IOException {
    String[] tokens = query.strip().split("\\s+");
    Set<String> words = new LinkedHashSet<>();
    for (String token : tokens) {
      if (isWord(token)) {
        words.add(token.toLowerCase(Locale.ROOT));
      }
    }
    Map<String, String> corrections = words.isEmpty() ? Map.of() : vocabulary.corrections(words);
    boolean changed = false;
    List<String> out = new ArrayList<>(tokens.length);
    for (String token : tokens) {
      String replacement = isWord(token) ? corrections.get(token.toLowerCase(Locale.ROOT)) : null;
      changed |= replacement != null;
      out.add(replacement == null ? token : replacement);
    }
    return changed ? Optional.of(String.join(" ", out)) : Optional.empty();
  }

  /**
   * Whether a word found in {@code wordArticles} articles should be replaced by a close spelling
   * found in {@code candidateArticles}: always for a word no article holds; for a known word, when
   * the word is rare (under {@value #COMMON} articles, see {@link #mayBeMisspelt}), the spelling is
   * common (at least {@value #COMMON} articles) and the word is more than {@value #RARER} times
   * rarer, as a misspelling of a common word is.
   */
  public static boolean worthSuggesting(long wordArticles, long candidateArticles) {
    if (wordArticles == 0) {
      return candidateArticles > 0;
    }
    return mayBeMisspelt(wordArticles)
        && candidateArticles >= COMMON
        && wordArticles * RARER < candidateArticles;
  }

  /**
   * Whether {@code word}, found in {@code wordArticles} articles, should be replaced by {@code
   * candidate}, a close spelling found in {@code candidateArticles}: within {@link #maxEdits} of
   * the word, never a stop word, which the corrected query would drop ("western hits" is not
   * "western his", which searches "western" alone), and by the counts ({@link
   * #worthSuggesting(long, long)}). Every vocabulary applies this rule, however wide its dictionary
   * walk.
   */
  public static boolean worthSuggesting(
      String word, long wordArticles, String candidate, long candidateArticles) {
    return (maxEdits(wordArticles) == 2 || oneEditApart(word, candidate))
        && !Ranking.isQueryStopWord(candidate)
        && worthSuggesting(wordArticles, candidateArticles);
  }

  /**
   * The most edits (insertions, deletions, substitutions, swaps of neighbours) a spelling may be
   * from a word found in {@code wordArticles} articles: two for a word no article holds, one for a
   * word that some hold.
   */
  public static int maxEdits(long wordArticles) {
    return wordArticles == 0 ? 2 : 1;
  }

  /**
   * Whether {@code a} and {@code b} are at most one edit apart, as Lucene's spell checker counts
   * edits: one letter inserted, deleted or replaced, or two neighbours swapped.
   */
  public static boolean oneEditApart(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int start = 0;
    while (start < a.length() && start < b.length() && a.charAt(start) == b.charAt(start)) {
      start++;
    }
    int endA = a.length();
    int endB = b.length();
    while (endA > start && endB > start && a.charAt(endA - 1) == b.charAt(endB - 1)) {
      endA--;
      endB--;
    }
    int restA = endA - start;
    int restB = endB - start;
    boolean swapped =
        restA == 2
            && restB == 2
            && a.charAt(start) == b.charAt(start + 1)
            && a.charAt(start + 1) == b.charAt(start);
    return swapped || Math.max(restA, restB) <= 1;
  }

  /**
   * Whether a word found in {@code wordArticles} articles may be a misspelling worth a look in the
   * dictionary: a word that {@value #COMMON} articles or more hold is taken as meant, so the common
   * words of a query cost no dictionary walk.
   */
  public static boolean mayBeMisspelt(long wordArticles) {
    return wordArticles < COMMON;
  }

  private static boolean isWord(String token) {
    return WORD.matcher(token).matches() && !OPERATOR.matcher(token).matches();
  }

  private static Map<String, String> corrections(IndexReader reader, Set<String> words)
      throws IOException {
    Map<String, String> corrections = new HashMap<>();
    for (String word : words) {
      Term body = new Term(ArticleFields.BODY_EXACT, word);
      long articles =
          Math.max(reader.docFreq(body), reader.docFreq(new Term(ArticleFields.TITLE_EXACT, word)));
      if (!mayBeMisspelt(articles) || articles * RARER >= reader.maxDoc()) {
        // Taken as meant, or no spelling can be that many times more common: no dictionary walk.
        continue;
      }
      // Only spellings found in more articles than the word are weighed.
      DirectSpellChecker checker = maxEdits(articles) == 2 ? UNKNOWN_WORD : KNOWN_WORD;
      for (SuggestWord similar :
          checker.suggestSimilar(body, CANDIDATES, reader, SuggestMode.SUGGEST_MORE_POPULAR)) {
        if (worthSuggesting(word, articles, similar.string, similar.freq)) {
          corrections.put(word, similar.string);
          break;
        }
      }
    }
    return corrections;
  }
}
