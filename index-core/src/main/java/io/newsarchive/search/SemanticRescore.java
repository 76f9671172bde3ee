package io.newsarchive.search;

import static io.newsarchive.search.FeedbackExpansion.RESCORED;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.ArticleQueryParser.TextQuery;
import io.newsarchive.semantic.PassageEmbedder;
import io.newsarchive.semantic.PassageVectors;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.ReaderUtil;
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

  private static final System.Logger LOG = System.getLogger(SemanticRescore.class.getName());

  /** Loads the model off the searching thread, which waits for it only until its deadline. */
  private static final Executor LOADER =
      runnable -> Thread.ofPlatform().daemon().name("sentence-model-loader").start(runnable);

  private final Map<String, float[]> encoded = new ConcurrentHashMap<>();
  private final ChosenPassages chosen = new ChosenPassages();
  private final ReentrantLock loading = new ReentrantLock();
  private volatile CompletableFuture<PassageEmbedder> embedder;

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
   * meaning's closeness to the words of {@code pass}; {@code query} itself when its deadline came
   * first.
   */
  Query rescored(PagePass pass, Query query) throws IOException {
    ScoreDoc[] best =
        pass.timed().search(query, new TopScoreDocCollectorManager(RESCORED, RESCORED)).scoreDocs;
    return among(pass, query, best);
  }

  /**
   * {@code query} with {@code best}, its best articles and their scores, rescored by their
   * meaning's closeness to the words of {@code pass}; {@code query} itself when its deadline came
   * first.
   */
  Query among(PagePass pass, Query query, ScoreDoc[] hits) throws IOException {
    if (hits.length < 2) {
      return query;
    }
    Optional<PassageEmbedder> model = embedder(pass.deadline());
    if (model.isEmpty()) {
      return query;
    }
    ScoreDoc[] best = hits.clone();
    String text = pass.request().get(SearchParameters.QUERY);
    float[] meaning = encoded.get(text);
    if (meaning == null) {
      if (encoded.size() >= REMEMBERED_QUERIES) {
        encoded.clear();
      }
      meaning = model.get().query(text);
      encoded.put(text, meaning);
    }
    Arrays.sort(best, (a, b) -> Integer.compare(a.doc, b.doc));
    IndexReader reader = pass.timed().getIndexReader();
    Optional<double[]> closeness =
        closeness(
            reader, best, new ChosenPassages.Question(text, meaning, model.get(), pass.deadline()));
    if (closeness.isEmpty()) {
      return query;
    }
    int[] docs = new int[best.length];
    float[] scores = new float[best.length];
    double[] words = new double[best.length];
    for (int i = 0; i < best.length; i++) {
      docs[i] = best[i].doc;
      words[i] = best[i].score;
    }
    double[] scaledWords = scaled(words);
    double[] scaledMeaning = scaled(closeness.get());
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

  /**
   * The closeness of each of {@code docs} (ascending) to {@code question}: by its stored passage
   * vectors, or, for an article without (an index or a segment built without them), by the passage
   * that the question's words fit best, encoded now; empty when the deadline came first.
   */
  private Optional<double[]> closeness(
      IndexReader reader, ScoreDoc[] docs, ChosenPassages.Question question) throws IOException {
    double[] closeness = stored(reader, docs, question.meaning());
    List<Integer> without = new ArrayList<>();
    for (int i = 0; i < docs.length; i++) {
      if (Double.isNaN(closeness[i])) {
        without.add(i);
      }
    }
    if (without.isEmpty()) {
      return Optional.of(closeness);
    }
    ScoreDoc[] rest = without.stream().map(i -> docs[i]).toArray(ScoreDoc[]::new);
    Optional<double[]> chosenCloseness = chosen.closeness(reader, rest, question);
    if (chosenCloseness.isEmpty()) {
      return Optional.empty();
    }
    for (int j = 0; j < rest.length; j++) {
      closeness[without.get(j)] = chosenCloseness.get()[j];
    }
    return Optional.of(closeness);
  }

  /**
   * The best stored passage cosine of each of {@code docs} (ascending), NaN for an article without
   * stored vectors.
   */
  private static double[] stored(IndexReader reader, ScoreDoc[] docs, float[] meaning)
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
              : Double.NaN;
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

  /**
   * The model, which the first search that needs it starts loading on a thread of its own (about a
   * second); empty when {@code deadline} comes first, or has already come, so that the search
   * answers within its budget by its words, and when it cannot be loaded here (its native library
   * is built for the usual 64-bit platforms), which the log says once.
   */
  private Optional<PassageEmbedder> embedder(QueryTimeout deadline) {
    if (deadline.shouldExit()) {
      return Optional.empty();
    }
    CompletableFuture<PassageEmbedder> load = embedder;
    if (load == null) {
      loading.lock();
      try {
        if (embedder == null) {
          embedder = CompletableFuture.supplyAsync(SemanticRescore::load, LOADER);
        }
        load = embedder;
      } finally {
        loading.unlock();
      }
    }
    while (true) {
      try {
        return Optional.of(load.get(ChosenPassages.DEADLINE_CHECK_MILLIS, TimeUnit.MILLISECONDS));
      } catch (TimeoutException e) {
        if (deadline.shouldExit()) {
          return Optional.empty();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      } catch (ExecutionException e) {
        return Optional.empty();
      }
    }
  }

  private static PassageEmbedder load() {
    try {
      return PassageEmbedder.load();
    } catch (IOException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "searches are ranked by their words alone: " + e.getMessage());
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    chosen.close();
    CompletableFuture<PassageEmbedder> load = embedder;
    if (load != null && load.state() == Future.State.SUCCESS) {
      load.resultNow().close();
    }
  }
}
