package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.IOUtils;

/**
 * How free-text words are scored: the similarity every searcher of the index uses, the stop words
 * that plain query words drop, and the proximity of the words as extra score. Each was chosen on
 * judged queries (see the ranking note in the README). Immutable and thread-safe.
 */
public final class Ranking {

  /** BM25's term-frequency saturation: 1.5 ranked TIME better than Lucene's 1.2. */
  public static final float K1 = 1.5f;

  /** BM25's length normalization: 0.9 ranked TIME better than Lucene's 0.75. */
  public static final float B = 0.9f;

  /**
   * Weight of adjacent pairs of query words found in order, next to one for the words: the
   * sequential dependence model's 0.05 against 0.9 (Metzler and Croft, 2005).
   */
  public static final float ORDERED_PAIR_WEIGHT = 0.05f / 0.9f;

  /**
   * Weight of pairs of query words found near each other in any order, as {@link
   * #ORDERED_PAIR_WEIGHT}.
   */
  public static final float UNORDERED_PAIR_WEIGHT = 0.05f / 0.9f;

  /** Positions an ordered pair may be apart beyond adjacent: a stop word dropped between them. */
  public static final int ORDERED_SLOP = 1;

  /** Span slop of the unordered pairs: the two words within a window of about eight words. */
  public static final int UNORDERED_SLOP = 8;

  /**
   * Plain queries of at most this many words that any of them may match rank the articles holding
   * every word above those that lack one: measured on judged queries, two words gain (see the
   * ranking note in the README), three and four lose.
   */
  public static final int ALL_WORDS_FIRST_UP_TO = 2;

  /**
   * What holding every word of such a query adds to an article's score. A word scores at most its
   * idf in each of title and body, under 21 in an archive of a billion articles, and a word pair
   * only where both words are, so an article that lacks a word scores well under this: the bonus
   * puts every article holding all the words above every article that does not, and leaves their
   * order among themselves to the words.
   */
  public static final float ALL_WORDS_BONUS = 100f;

  /** The fields whose word pairs count. */
  private static final List<String> PROXIMITY_FIELDS =
      List.of(ArticleFields.TITLE, ArticleFields.BODY);

  /** Snowball's English stop list, in Lucene's analysis-common beside {@link SnowballFilter}. */
  private static final String STOP_LIST = "english_stop.txt";

  private static final Similarity SIMILARITY = new BM25Similarity(K1, B);

  private static final CharArraySet QUERY_STOP_WORDS = readStopWords();

  private Ranking() {}

  /** The similarity of every search: BM25 with {@link #K1} and {@link #B}. */
  public static Similarity similarity() {
    return SIMILARITY;
  }

  /** A searcher of {@code reader} that scores with {@link #similarity()}. */
  public static IndexSearcher searcher(IndexReader reader) {
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setSimilarity(SIMILARITY);
    return searcher;
  }

  /**
   * Whether a plain query word is a stop word that the query drops, unless every plain word of the
   * query is one: Snowball's English list of 174 words, which Lucene ships.
   */
  public static boolean isQueryStopWord(String word) {
    return QUERY_STOP_WORDS.contains(word.toLowerCase(Locale.ROOT));
  }

  /** The stop words of {@link #isQueryStopWord}, in no particular order. */
  static List<String> queryStopWords() {
    List<String> words = new ArrayList<>(QUERY_STOP_WORDS.size());
    for (Object word : QUERY_STOP_WORDS) {
      words.add(new String((char[]) word));
    }
    return words;
  }

  /**
   * {@code words}, the query that decides which articles match, plus the proximity of its analyzed
   * {@code terms} in title and body as optional score: adjacent pairs in order and pairs within a
   * window in any order. The matched set stays that of {@code words}.
   */
  static Query withProximity(Query words, List<String> terms) {
    return withProximity(words, terms, ORDERED_PAIR_WEIGHT, UNORDERED_PAIR_WEIGHT);
  }

  /**
   * {@link #withProximity(Query, List)} with other weights for the ordered and the unordered pairs,
   * for measuring them.
   */
  public static Query withProximity(
      Query words, List<String> terms, float orderedWeight, float unorderedWeight) {
    if (terms.size() < 2) {
      return words;
    }
    BooleanQuery.Builder scored = new BooleanQuery.Builder().add(words, Occur.MUST);
    for (String field : PROXIMITY_FIELDS) {
      BooleanQuery.Builder ordered = new BooleanQuery.Builder();
      BooleanQuery.Builder unordered = new BooleanQuery.Builder();
      for (int i = 0; i + 1 < terms.size(); i++) {
        SpanQuery[] pair = {
          new SpanTermQuery(new Term(field, terms.get(i))),
          new SpanTermQuery(new Term(field, terms.get(i + 1)))
        };
        ordered.add(new SpanNearQuery(pair, ORDERED_SLOP, true), Occur.SHOULD);
        unordered.add(new SpanNearQuery(pair, UNORDERED_SLOP, false), Occur.SHOULD);
      }
      scored.add(new BoostQuery(ordered.build(), orderedWeight), Occur.SHOULD);
      scored.add(new BoostQuery(unordered.build(), unorderedWeight), Occur.SHOULD);
    }
    return scored.build();
  }

  /**
   * {@code scored}, a query of the plain {@code words} with their pairs, plus {@link
   * #ALL_WORDS_BONUS} for the articles that hold every one of them when they are at least two and
   * at most {@link #ALL_WORDS_FIRST_UP_TO}; otherwise {@code scored} itself. The matched set stays
   * that of {@code scored}.
   */
  static Query allWordsFirst(Query scored, List<Query> words) {
    if (words.size() < 2 || words.size() > ALL_WORDS_FIRST_UP_TO) {
      return scored;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    words.forEach(word -> all.add(word, Occur.FILTER));
    return new BooleanQuery.Builder()
        .add(scored, Occur.MUST)
        .add(new BoostQuery(new ConstantScoreQuery(all.build()), ALL_WORDS_BONUS), Occur.SHOULD)
        .build();
  }

  /**
   * {@code query} without the word pairs that {@link #withProximity} added, for the highlighter:
   * the pairs' words are among the plain words, which mark every place they occur, so walking each
   * pair's positions in every highlighted article would find no mark the words do not.
   */
  public static Query withoutProximity(Query query) {
    if (query instanceof BoostQuery boosted) {
      Query inner = withoutProximity(boosted.getQuery());
      return inner == boosted.getQuery() ? query : new BoostQuery(inner, boosted.getBoost());
    }
    if (!(query instanceof BooleanQuery bool)) {
      return query;
    }
    BooleanQuery.Builder kept =
        new BooleanQuery.Builder().setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
    boolean changed = false;
    for (BooleanClause clause : bool) {
      if (clause.occur() == Occur.SHOULD && isWordPairs(clause.query())) {
        changed = true;
        continue;
      }
      Query inner = withoutProximity(clause.query());
      changed |= inner != clause.query();
      kept.add(inner, clause.occur());
    }
    return changed ? kept.build() : query;
  }

  /** Whether {@code query} holds only span clauses, which only {@link #withProximity} makes. */
  private static boolean isWordPairs(Query query) {
    if (query instanceof BoostQuery boosted) {
      return isWordPairs(boosted.getQuery());
    }
    if (query instanceof BooleanQuery bool) {
      for (BooleanClause clause : bool) {
        if (clause.occur() != Occur.SHOULD || !isWordPairs(clause.query())) {
          return false;
        }
      }
      return !bool.clauses().isEmpty();
    }
    return query instanceof SpanQuery;
  }

  private static CharArraySet readStopWords() {
    InputStream in = SnowballFilter.class.getResourceAsStream(STOP_LIST);
    if (in == null) {
      throw new IllegalStateException("no " + STOP_LIST + " beside Lucene's SnowballFilter");
    }
    try (Reader reader = IOUtils.getDecodingReader(in, StandardCharsets.UTF_8)) {
      return CharArraySet.unmodifiableSet(WordlistLoader.getSnowballWordSet(reader));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Lucene's Snowball stop list " + STOP_LIST, e);
    }
  }
}
