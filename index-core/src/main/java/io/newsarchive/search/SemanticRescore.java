package io.newsarchive.search;

import static io.newsarchive.search.FeedbackExpansion.RESCORED;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.ArticleQueryParser.TextQuery;
import io.newsarchive.semantic.PassageEmbedder;
import io.newsarchive.semantic.PassageVectors;
import java.io.Closeable;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;

/**
 * Reorders the {@value FeedbackExpansion#RESCORED} best articles of a query by meaning beside
 * words: each gets {@code (1 - }{@value #MEANING_WEIGHT}{@code )} times its score plus {@value
 * #MEANING_WEIGHT} times the cosine of the query's sentence embedding with its closest passage,
 * both scaled to [0, 1] over those articles, and the sum scaled back into the range of their
 * scores, so that they stay above the articles past them, which keep their order. The embedding
 * model is loaded at the first search that needs it. Thread-safe.
 */
final class SemanticRescore implements Closeable {

  /**
   * Share of the meaning in the new order: 0.5 ranked best on both judged sets together (see the
   * ranking note in the README).
   */
  static final double MEANING_WEIGHT = 0.5;

  /**
   * Query texts encoded lately: the pages of one query, and the queries many people ask, are
   * encoded once. Emptied when full, which keeps it small without an order to maintain.
   */
  private static final int REMEMBERED_QUERIES = 1024;

  private final Map<String, float[]> encoded = new ConcurrentHashMap<>();
  private final ChosenPassages chosen = new ChosenPassages();
  private final ReentrantLock loading = new ReentrantLock();
  private volatile PassageEmbedder embedder;

  /**
   * Whether {@code request} is reordered by meaning on {@code reader}: as {@link SemanticRanking}
   * says, by the passage vectors of an index that has them, otherwise by the passages that the
   * query's words fit best, encoded while it is searched ({@link ChosenPassages}).
   */
  boolean applies(SearchRequest request, TextQuery text, IndexReader reader) {
    return request
        .get(SearchParameters.SEMANTIC)
        .reorders(text, request.get(SearchParameters.SORT), hasVectors(reader));
  }

  /**
   * {@code query} with its {@value FeedbackExpansion#RESCORED} best articles rescored by their
   * meaning's closeness to {@code text}.
   */
  Query rescored(IndexSearcher searcher, Query query, String text) throws IOException {
    ScoreDoc[] best =
        searcher.search(query, new TopScoreDocCollectorManager(RESCORED, RESCORED)).scoreDocs;
    return among(searcher, query, best, text);
  }

  /**
   * {@code query} with {@code best}, its best articles and their scores, rescored by their
   * meaning's closeness to {@code text}.
   */
  Query among(IndexSearcher searcher, Query query, ScoreDoc[] hits, String text)
      throws IOException {
    ScoreDoc[] best = hits.clone();
    if (best.length < 2) {
      return query;
    }
    float[] meaning = encoded.get(text);
    if (meaning == null) {
      if (encoded.size() >= REMEMBERED_QUERIES) {
        encoded.clear();
      }
      meaning = embedder().query(text);
      encoded.put(text, meaning);
    }
    Arrays.sort(best, (a, b) -> Integer.compare(a.doc, b.doc));
    IndexReader reader = searcher.getIndexReader();
    double[] closeness =
        hasVectors(reader)
            ? closeness(reader, best, meaning)
            : chosen.closeness(reader, best, text, meaning, embedder());
    int[] docs = new int[best.length];
    float[] scores = new float[best.length];
    double[] words = new double[best.length];
    for (int i = 0; i < best.length; i++) {
      docs[i] = best[i].doc;
      words[i] = best[i].score;
    }
    double[] scaledWords = scaled(words);
    double[] scaledMeaning = scaled(closeness);
    double low = Arrays.stream(words).min().orElseThrow();
    double high = Arrays.stream(words).max().orElseThrow();
    // Tied scores (one word in every best article) still leave room for the meaning to order them.
    double span = high > low ? high - low : Math.max(1e-3, high * 1e-3);
    for (int i = 0; i < best.length; i++) {
      double mixed = (1 - MEANING_WEIGHT) * scaledWords[i] + MEANING_WEIGHT * scaledMeaning[i];
      scores[i] = (float) (low + span * mixed);
    }
    return new RescoredQuery(query, reader, docs, scores);
  }

  /** The best passage cosine of each of {@code docs} (ascending), -1 for an article without. */
  private static double[] closeness(IndexReader reader, ScoreDoc[] docs, float[] meaning)
      throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    double[] closeness = new double[docs.length];
    BinaryDocValues values = null;
    int leafIndex = -1;
    for (int i = 0; i < docs.length; i++) {
      int leaf = ReaderUtil.subIndex(docs[i].doc, leaves);
      if (leaf != leafIndex) {
        leafIndex = leaf;
        values = leaves.get(leaf).reader().getBinaryDocValues(ArticleFields.PASSAGE_VECTORS);
      }
      int doc = docs[i].doc - leaves.get(leaf).docBase;
      closeness[i] =
          values != null && values.advanceExact(doc)
              ? PassageVectors.bestScore(meaning, values.binaryValue())
              : -1;
    }
    return closeness;
  }

  private static double[] scaled(double[] values) {
    double low = Arrays.stream(values).min().orElseThrow();
    double high = Arrays.stream(values).max().orElseThrow();
    double[] scaled = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      scaled[i] = high > low ? (values[i] - low) / (high - low) : 1;
    }
    return scaled;
  }

  private static boolean hasVectors(IndexReader reader) {
    for (LeafReaderContext leaf : reader.leaves()) {
      if (leaf.reader().getFieldInfos().fieldInfo(ArticleFields.PASSAGE_VECTORS) != null) {
        return true;
      }
    }
    return false;
  }

  private PassageEmbedder embedder() throws IOException {
    PassageEmbedder loaded = embedder;
    if (loaded != null) {
      return loaded;
    }
    loading.lock();
    try {
      if (embedder == null) {
        embedder = PassageEmbedder.load();
      }
      return embedder;
    } finally {
      loading.unlock();
    }
  }

  @Override
  public void close() throws IOException {
    chosen.close();
    PassageEmbedder loaded = embedder;
    if (loaded != null) {
      loaded.close();
    }
  }
}
