package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

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
 * the README). Feedback words search title and body only, with the parser's field boosts.
 * Thread-safe: the analyzer is thread-safe and nothing else is held.
 */
final class FeedbackExpansion {

  /**
   * Articles of the first pass whose words feed back: Anserini's fbDocs is 10, which ranked the
   * same on judged short queries at twice the cost of reading and analyzing their text.
   */
  static final int FEEDBACK_DOCS = 5;

  /** Articles of the first pass, best first, whose score the feedback words add to. */
  static final int RESCORED = 100;

  /** Feedback words added to the query (Anserini's fbTerms). */
  static final int FEEDBACK_TERMS = 10;

  /** Share of the weight kept by the query as typed (Anserini's originalQueryWeight). */
  static final float ORIGINAL_WEIGHT = 0.5f;

  /** Words in more than this share of articles say nothing about a topic (Anserini's filter). */
  static final double MAX_DOCUMENT_SHARE = 0.1;

  private static final int MIN_TERM_LENGTH = 2;
  private static final int MAX_TERM_LENGTH = 20;
  private static final Set<String> TEXT_FIELDS = Set.of(ArticleFields.TITLE, ArticleFields.BODY);

  /**
   * A text query and the feedback words added to it.
   *
   * @param text the query to rank with: the original when nothing was added
   * @param added feedback words not in the original query, heaviest first, as indexed (stemmed)
   */
  record Expansion(Query text, List<String> added) {

    /** Copies the word list. */
    Expansion {
      added = List.copyOf(added);
    }
  }

  private final Analyzer analyzer = ArticleFields.analyzer();

  /**
   * Expands {@code text} with the words of {@code first}, the best articles of {@code text} with
   * the request's filters, best first, at most {@value #RESCORED} of them: the feedback words add
   * to the score of those articles only. Empty when {@code text} matches every article, or nothing.
   */
  Optional<Expansion> expand(IndexSearcher searcher, Query text, ScoreDoc[] first)
      throws IOException {
    if (text instanceof MatchAllDocsQuery || first.length == 0) {
      return Optional.empty();
    }
    if (first.length > RESCORED) {
      throw new IllegalArgumentException(
          first.length + " articles to rescore, more than " + RESCORED);
    }
    ScoreDoc[] top = Arrays.copyOf(first, Math.min(FEEDBACK_DOCS, first.length));
    List<Map.Entry<String, Double>> model = relevanceModel(searcher, top);
    if (model.isEmpty()) {
      return Optional.empty();
    }
    Set<String> own = ownTerms(text);
    double sum = model.stream().mapToDouble(Map.Entry::getValue).sum();
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    List<String> added = new ArrayList<>();
    for (Map.Entry<String, Double> entry : model) {
      float weight = (float) ((1 - ORIGINAL_WEIGHT) * entry.getValue() / sum);
      words.add(new BoostQuery(titleOrBody(entry.getKey()), weight), Occur.SHOULD);
      if (!own.contains(entry.getKey())) {
        added.add(entry.getKey());
      }
    }
    // Only the best articles of the first pass are scored with the feedback words: scoring every
    // match with them doubled the cost of a search, and articles further down stay in the order of
    // the query as typed, below the rescored ones, whose scores only grow.
    Query rescored =
        new BooleanQuery.Builder()
            .add(words.build(), Occur.MUST)
            .add(new DocIdsQuery(searcher.getIndexReader(), first), Occur.FILTER)
            .build();
    Query expanded =
        new BooleanQuery.Builder()
            // Each original word weighs ORIGINAL_WEIGHT / n, as in Anserini's L1-normalized model.
            .add(new BoostQuery(text, ORIGINAL_WEIGHT / Math.max(1, own.size())), Occur.MUST)
            .add(rescored, Occur.SHOULD)
            .build();
    return Optional.of(new Expansion(expanded, added));
  }

  /**
   * The {@value #FEEDBACK_TERMS} heaviest topical words of the relevance model over {@code top},
   * heaviest first and ties by word: each article's word frequencies over its length, times its
   * score. Only the heaviest words are looked up in the index, until enough of them are topical.
   */
  private List<Map.Entry<String, Double>> relevanceModel(IndexSearcher searcher, ScoreDoc[] top)
      throws IOException {
    Map<String, Double> model = new HashMap<>();
    StoredFields stored = searcher.storedFields();
    CharArrayMap<int[]> counts = new CharArrayMap<>(1024, false);
    for (ScoreDoc hit : top) {
      TitleAndBody text = new TitleAndBody();
      stored.document(hit.doc, text);
      counts.clear();
      int length = count(ArticleFields.TITLE, text.title, counts);
      length += count(ArticleFields.BODY, text.body, counts);
      CharArrayMap<int[]>.EntryIterator words = counts.entrySet().iterator();
      while (words.hasNext()) {
        char[] word = words.nextKey();
        // Only words can be chosen, so only words are weighed: no string for the others.
        if (isWord(word)) {
          model.merge(
              new String(word), (double) hit.score * words.currentValue()[0] / length, Double::sum);
        }
      }
    }
    List<Map.Entry<String, Double>> heaviest = new ArrayList<>(model.entrySet());
    heaviest.sort(
        Map.Entry.<String, Double>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    DocumentFrequency frequency = new DocumentFrequency(searcher.getIndexReader());
    List<Map.Entry<String, Double>> best = new ArrayList<>(FEEDBACK_TERMS);
    for (Map.Entry<String, Double> entry : heaviest) {
      if (best.size() == FEEDBACK_TERMS) {
        break;
      }
      // Checked only on the heaviest words: each is a lookup in every segment's terms.
      if (frequency.isRare(entry.getKey())) {
        best.add(entry);
      }
    }
    return best;
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

  /** Reads the stored title and body of an article, and no other field. */
  private static final class TitleAndBody extends StoredFieldVisitor {
    private String title;
    private String body;

    @Override
    public Status needsField(FieldInfo field) {
      if (title != null && body != null) {
        return Status.STOP;
      }
      return TEXT_FIELDS.contains(field.name) ? Status.YES : Status.NO;
    }

    @Override
    public void stringField(FieldInfo field, String value) {
      if (field.name.equals(ArticleFields.TITLE)) {
        title = title == null ? value : title;
      } else {
        body = body == null ? value : body;
      }
    }
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

  /**
   * The body document frequency of words in one index version, each segment's terms read through
   * one enumeration: a word is a seek in each, not a new enumeration per word and segment.
   */
  private static final class DocumentFrequency {
    private final TermsEnum[] segments;
    private final int numDocs;

    DocumentFrequency(IndexReader reader) throws IOException {
      List<LeafReaderContext> leaves = reader.leaves();
      segments = new TermsEnum[leaves.size()];
      for (int i = 0; i < segments.length; i++) {
        Terms terms = leaves.get(i).reader().terms(ArticleFields.BODY);
        segments[i] = terms == null ? TermsEnum.EMPTY : terms.iterator();
      }
      numDocs = reader.numDocs();
    }

    /**
     * Whether {@code term} is in no more than {@value FeedbackExpansion#MAX_DOCUMENT_SHARE} of the
     * articles.
     */
    boolean isRare(String term) throws IOException {
      BytesRef bytes = new BytesRef(term);
      long docFreq = 0;
      for (TermsEnum segment : segments) {
        if (segment.seekExact(bytes)) {
          docFreq += segment.docFreq();
        }
      }
      return docFreq <= MAX_DOCUMENT_SHARE * numDocs;
    }
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

  private static Query titleOrBody(String term) {
    return new BooleanQuery.Builder()
        .add(
            new BoostQuery(
                new TermQuery(new Term(ArticleFields.TITLE, term)), ArticleQueryParser.TITLE_BOOST),
            Occur.SHOULD)
        .add(
            new BoostQuery(
                new TermQuery(new Term(ArticleFields.BODY, term)), ArticleQueryParser.BODY_BOOST),
            Occur.SHOULD)
        .build();
  }
}
