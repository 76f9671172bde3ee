package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

/**
 * Pseudo-relevance feedback with relevance model 3 (RM3), with Anserini's defaults but fewer
 * feedback articles: the {@value #FEEDBACK_DOCS} best articles of the first-pass query each give a
 * word distribution of their title and body (stored text re-analyzed with the index analyzer),
 * weighted by the article's score; the {@value #FEEDBACK_TERMS} heaviest words join the query with
 * {@code 1 - }{@value #ORIGINAL_WEIGHT} of the weight. Unlike Anserini, which replaces the query by
 * a bag of words, the query as parsed is kept whole as the original part, so phrases, fields and
 * operators still count; it gets {@value #ORIGINAL_WEIGHT} of the weight, shared among its title
 * and body words as Anserini shares it among the query's terms. The original part is required and
 * the feedback words are optional: they reorder the articles the query matches and add none, which
 * keeps the counts of a search those of the query as typed and costs less than counting every
 * article with one of them, at the same nDCG@10 on judged short queries (see the ranking note in
 * the README). Feedback words search title and body only, with the parser's field boosts. Another
 * backend gives the same words from the same articles ({@link #feedback}). Thread-safe: the
 * analyzer is thread-safe and nothing else is held.
 */
public final class FeedbackExpansion {

  /**
   * Articles of the first pass whose words feed back: Anserini's fbDocs is 10, which ranked the
   * same on judged short queries at twice the cost of reading and analyzing their text.
   */
  public static final int FEEDBACK_DOCS = 5;

  /** Articles of the first pass, best first, whose score the feedback words add to. */
  public static final int RESCORED = 100;

  /** Feedback words added to the query (Anserini's fbTerms). */
  public static final int FEEDBACK_TERMS = 10;

  /** Share of the weight kept by the query as typed (Anserini's originalQueryWeight). */
  public static final float ORIGINAL_WEIGHT = 0.5f;

  /** Words in more than this share of articles say nothing about a topic (Anserini's filter). */
  public static final double MAX_DOCUMENT_SHARE = 0.1;

  private static final Set<String> TEXT_FIELDS = Set.of(ArticleFields.TITLE, ArticleFields.BODY);

  /**
   * A text query and the feedback words added to it.
   *
   * @param text the query to rank with: the original, weighed by the words' original boost, and the
   *     feedback words on the rescored articles
   * @param words the feedback words, from which {@link FeedbackScores} scores the rescored articles
   *     without searching {@code text}
   */
  record Expansion(Query text, Words words) {

    /** Feedback words not in the original query, heaviest first, as indexed (stemmed). */
    List<String> added() {
      return words.added();
    }
  }

  /**
   * The feedback words of a query, before they are tied to the rescored articles.
   *
   * @param words the feedback words, each searched in title and body with its weight
   * @param added feedback words not in the original query, heaviest first, as indexed (stemmed)
   * @param originalBoost the weight of the query as typed: {@value #ORIGINAL_WEIGHT} shared among
   *     its title and body words
   */
  public record Words(Query words, List<String> added, float originalBoost) {

    /** Copies the word list. */
    public Words {
      added = List.copyOf(added);
    }
  }

  /**
   * The title, body and first-pass score of one of the best articles of a query as typed.
   *
   * @param title the headline as stored
   * @param body the body as stored
   * @param score its score as typed
   */
  public record Feedback(String title, String body, float score) {}

  /** Which body words are rare enough to say something about a topic. */
  public interface Rarity {

    /**
     * For each of {@code words}, in order, whether at most {@value #MAX_DOCUMENT_SHARE} of the
     * articles hold it in their body.
     *
     * @throws IOException when the archive cannot be read
     */
    List<Boolean> rare(List<String> words) throws IOException;

    /**
     * How many of the heaviest words one call of {@link #rare} is given: by default twice {@value
     * #FEEDBACK_TERMS}, for an archive that answers many words in one request; one where each word
     * is a lookup of its own, so that no word is looked up once enough are found.
     */
    default int batch() {
      return 2 * FEEDBACK_TERMS;
    }
  }

  private final RelevanceModel model = new RelevanceModel(ArticleFields.analyzer());

  /** Feedback with the index analyzer of {@link ArticleFields#analyzer()}. */
  public FeedbackExpansion() {}

  /**
   * Expands {@code text} with the words of {@code first}, the best articles of {@code text} with
   * the request's filters, best first, at most {@value #RESCORED} of them: the feedback words add
   * to the score of those articles only. Empty when {@code text} matches every article, or nothing.
   */
  Optional<Expansion> expand(IndexSearcher searcher, Query text, ScoreDoc[] first)
      throws IOException {
    return expand(searcher, text, first, new StoredDocuments(searcher.getIndexReader()));
  }

  /** The same, reading the articles through {@code documents}, which the page's hits share. */
  Optional<Expansion> expand(
      IndexSearcher searcher, Query text, ScoreDoc[] first, StoredDocuments documents)
      throws IOException {
    if (text instanceof MatchAllDocsQuery || first.length == 0) {
      return Optional.empty();
    }
    if (first.length > RESCORED) {
      throw new IllegalArgumentException(
          first.length + " articles to rescore, more than " + RESCORED);
    }
    List<Feedback> top = new ArrayList<>(FEEDBACK_DOCS);
    for (ScoreDoc hit : Arrays.copyOf(first, Math.min(FEEDBACK_DOCS, first.length))) {
      Document article = documents.document(hit.doc);
      top.add(
          new Feedback(
              article.get(ArticleFields.TITLE), article.get(ArticleFields.BODY), hit.score));
    }
    BodyDocumentFrequency frequency = new BodyDocumentFrequency(searcher.getIndexReader());
    Optional<Words> words = words(text, model.heaviest(top, frequency), frequency::states);
    if (words.isEmpty()) {
      return Optional.empty();
    }
    // Only the best articles of the first pass are scored with the feedback words: scoring every
    // match with them doubled the cost of a search, and articles further down stay in the order of
    // the query as typed, below the rescored ones, whose scores only grow.
    Query rescored =
        new BooleanQuery.Builder()
            .add(words.get().words(), Occur.MUST)
            .add(new DocIdsQuery(searcher.getIndexReader(), first), Occur.FILTER)
            .build();
    // The score as typed is multiplied by the original boost, not scaled clause by clause as a
    // BoostQuery would: then a rescored article's score follows from its score as typed, and the
    // articles scored from it by FeedbackScores continue by cursor into the whole order.
    Query original =
        FunctionScoreQuery.boostByValue(
            text, DoubleValuesSource.constant(words.get().originalBoost()));
    Query expanded =
        new BooleanQuery.Builder().add(original, Occur.MUST).add(rescored, Occur.SHOULD).build();
    return Optional.of(new Expansion(expanded, words.get()));
  }

  /**
   * The feedback words of {@code text} from {@code top}, its best articles as typed (at most
   * {@value #FEEDBACK_DOCS}), best first, keeping only words that {@code rarity} finds rare; empty
   * when none is found.
   *
   * @throws IOException when {@code rarity} cannot read the archive
   */
  public Optional<Words> feedback(Query text, List<Feedback> top, Rarity rarity)
      throws IOException {
    return words(text, model.heaviest(top, rarity), word -> null);
  }

  /**
   * The feedback words of {@code text} from {@code model}, its heaviest topical words, each body
   * word searched with the term states {@code bodyStates} gives it (null when it has none).
   */
  private static Optional<Words> words(
      Query text, List<RelevanceModel.Candidate> model, Function<String, TermStates> bodyStates) {
    if (model.isEmpty()) {
      return Optional.empty();
    }
    Set<String> own = ownTerms(text);
    double sum = 0;
    for (RelevanceModel.Candidate candidate : model) {
      sum += candidate.weight();
    }
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    List<String> added = new ArrayList<>();
    for (RelevanceModel.Candidate candidate : model) {
      String word = candidate.word();
      float weight = (float) ((1 - ORIGINAL_WEIGHT) * candidate.weight() / sum);
      words.add(new BoostQuery(titleOrBody(word, bodyStates.apply(word)), weight), Occur.SHOULD);
      if (!own.contains(word)) {
        added.add(word);
      }
    }
    // Each original word weighs ORIGINAL_WEIGHT / n, as in Anserini's L1-normalized model.
    return Optional.of(new Words(words.build(), added, ORIGINAL_WEIGHT / Math.max(1, own.size())));
  }

  /** The title and body words of {@code text}, outside its negated clauses. */
  private static Set<String> ownTerms(Query text) {
    Set<String> own = new LinkedHashSet<>();
    text.visit(
        new QueryVisitor() {
          @Override
          public boolean acceptField(String field) {
            return TEXT_FIELDS.contains(field);
          }

          @Override
          public void consumeTerms(Query query, Term... terms) {
            for (Term term : terms) {
              own.add(term.text());
            }
          }

          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return occur == Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
          }
        });
    return own;
  }

  /**
   * {@code term} in title and body with the parser's field boosts, its body term states when they
   * are known (null otherwise).
   */
  private static Query titleOrBody(String term, TermStates bodyStates) {
    Term body = new Term(ArticleFields.BODY, term);
    return new BooleanQuery.Builder()
        .add(
            new BoostQuery(
                new TermQuery(new Term(ArticleFields.TITLE, term)), ArticleQueryParser.TITLE_BOOST),
            Occur.SHOULD)
        .add(
            new BoostQuery(
                bodyStates == null ? new TermQuery(body) : new TermQuery(body, bodyStates),
                ArticleQueryParser.BODY_BOOST),
            Occur.SHOULD)
        .build();
  }
}
