package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Proposes a corrected query for one that matched nothing: every plain word that no headline or
 * body contains is replaced by the closest frequent word of the index (Lucene's direct spell
 * checker over the unstemmed text fields, so no side index is needed). Thread-safe.
 */
final class SpellingCorrector {

  private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");
  private static final Pattern OPERATOR = Pattern.compile("AND|OR|NOT|TO");

  private SpellingCorrector() {}

  /** The corrected query, or empty when every word is known or no correction exists. */
  static Optional<String> correct(IndexReader reader, String query) throws IOException {
    DirectSpellChecker checker = new DirectSpellChecker();
    String[] tokens = query.strip().split("\\s+");
    boolean changed = false;
    StringBuilder out = new StringBuilder(query.length());
    for (String token : tokens) {
      String replacement = token;
      if (WORD.matcher(token).matches() && !OPERATOR.matcher(token).matches()) {
        String word = token.toLowerCase(Locale.ROOT);
        Term body = new Term(ArticleFields.BODY_EXACT, word);
        if (reader.docFreq(body) == 0
            && reader.docFreq(new Term(ArticleFields.TITLE_EXACT, word)) == 0) {
          SuggestWord[] words =
              checker.suggestSimilar(body, 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
          if (words.length > 0) {
            replacement = words[0].string;
            changed = true;
          }
        }
      }
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(replacement);
    }
    return changed ? Optional.of(out.toString()) : Optional.empty();
  }
}
