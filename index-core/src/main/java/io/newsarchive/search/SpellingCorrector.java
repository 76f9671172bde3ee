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
 * Proposes a corrected query for one that matched nothing: every plain word that no headline or
 * body contains is replaced by the closest frequent word of the archive (Lucene's direct spell
 * checker over the unstemmed text fields, so no side index is needed). Thread-safe.
 */
public final class SpellingCorrector {

  private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
  private static final Pattern OPERATOR = Pattern.compile("AND|OR|NOT|TO");

  /** The words of an archive, as the corrector asks about them. */
  public interface Vocabulary {

    /**
     * For each of {@code words} (lower-cased) that no headline ({@link ArticleFields#TITLE_EXACT})
     * and no body ({@link ArticleFields#BODY_EXACT}) holds, the closest word of the bodies that
     * Lucene's {@link DirectSpellChecker} proposes with its defaults, when it proposes one.
     *
     * @throws IOException when the archive cannot be read
     */
    Map<String, String> corrections(Set<String> words) throws IOException;
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

  private static boolean isWord(String token) {
    return WORD.matcher(token).matches() && !OPERATOR.matcher(token).matches();
  }

  private static Map<String, String> corrections(IndexReader reader, Set<String> words)
      throws IOException {
    DirectSpellChecker checker = new DirectSpellChecker();
    Map<String, String> corrections = new HashMap<>();
    for (String word : words) {
      Term body = new Term(ArticleFields.BODY_EXACT, word);
      if (reader.docFreq(body) == 0
          && reader.docFreq(new Term(ArticleFields.TITLE_EXACT, word)) == 0) {
        SuggestWord[] similar =
            checker.suggestSimilar(body, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        if (similar.length > 0) {
          corrections.put(word, similar[0].string);
        }
      }
    }
    return corrections;
  }
}
