package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.semantic.PassageEmbedder;
import io.newsarchive.semantic.PassageVectors;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;

/**
 * The closeness in meaning of articles whose index holds no passage vectors (built without {@code
 * newsarchive index --semantic}): of each article, the one passage that the query's words fit best
 * (their BM25 over the passage) is encoded while the query is searched, and its cosine with the
 * query is the article's closeness. On TIME 1963 this ranks as well as the closest of all passages,
 * which such an index would have stored at about seven times an ingest's CPU; a new question costs
 * instead about a second of CPU (see the ranking note in the README). The passages encoded last are
 * remembered, so an article asked about again is not encoded again. Thread-safe.
 */
final class ChosenPassages implements Closeable {

  /** Passages whose vectors are remembered: about 20 MB of vectors and of their texts as keys. */
  static final int REMEMBERED_PASSAGES = 8192;

  // BM25 of the query's words over a passage: Lucene's defaults, lengths against a full passage.
  private static final double K1 = 1.2;
  private static final double B = 0.75;

  /** How often a search waiting for its passages checks its deadline. */
  static final long DEADLINE_CHECK_MILLIS = 20;

  /**
   * What is asked: the query's {@code text}, its unit vector {@code meaning} by {@code model},
   * which encodes the passages, and the {@code deadline} of its search, at which the encoding
   * stops.
   */
  record Question(String text, float[] meaning, PassageEmbedder model, QueryTimeout deadline) {}

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final Map<String, float[]> remembered = new LinkedHashMap<>(1024, 0.75f, true);
  private final ReentrantLock rememberedLock = new ReentrantLock();
  private final ReentrantLock poolLock = new ReentrantLock();
  private volatile ExecutorService pool;

  /**
   * The cosine of the {@code question}'s meaning with the passage of each of {@code docs} that its
   * words fit best; empty when its deadline came first.
   */
  Optional<double[]> closeness(IndexReader reader, ScoreDoc[] docs, Question question)
      throws IOException {
    Weights weights = weights(reader, question.text());
    StoredFields stored = reader.storedFields();
    Set<String> fields = Set.of(ArticleFields.TITLE, ArticleFields.BODY);
    String[] chosen = new String[docs.length];
    for (int i = 0; i < docs.length; i++) {
      Document document = stored.document(docs[i].doc, fields);
      chosen[i] =
          best(
              PassageEmbedder.passages(
                  document.get(ArticleFields.TITLE), document.get(ArticleFields.BODY)),
              weights);
    }
    Optional<Map<String, float[]>> vectors = vectors(chosen, question);
    if (vectors.isEmpty()) {
      return Optional.empty();
    }
    double[] closeness = new double[docs.length];
    for (int i = 0; i < docs.length; i++) {
      closeness[i] = PassageVectors.cosine(question.meaning(), vectors.get().get(chosen[i]));
    }
    return Optional.of(closeness);
  }

  /**
   * The distinct analyzed words of a query and their BM25 idf in the bodies of the index, looked up
   * by a passage's tokens without a string per token.
   */
  private record Weights(CharArrayMap<Integer> index, double[] idf) {}

  private Weights weights(IndexReader reader, String text) throws IOException {
    CharArrayMap<Integer> index = new CharArrayMap<>(8, false);
    List<Double> idf = new ArrayList<>();
    int articles = reader.numDocs();
    for (String word : words(text)) {
      if (!index.containsKey(word)) {
        index.put(word, idf.size());
        int df = reader.docFreq(new Term(ArticleFields.BODY, word));
        idf.add(Math.log(1 + (articles - df + 0.5) / (df + 0.5)));
      }
    }
    return new Weights(index, idf.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The passage with the highest BM25 of the weighted words; the first one on a tie. */
  private String best(List<String> passages, Weights weights) {
    String best = passages.get(0);
    double bestScore = -1;
    for (String passage : passages) {
      double score = fit(passage, weights);
      if (score > bestScore) {
        bestScore = score;
        best = passage;
      }
    }
    return best;
  }

  /** The BM25 of {@code weights}' words over {@code passage}, its length against a full one. */
  private double fit(String passage, Weights weights) {
    int[] frequencies = new int[weights.idf().length];
    int length = 0;
    try (TokenStream tokens = analyzer.tokenStream(ArticleFields.BODY, passage)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        length++;
        Integer word = weights.index().get(term.buffer(), 0, term.length());
        if (word != null) {
          frequencies[word]++;
        }
      }
      tokens.end();
    } catch (IOException e) {
      // Analysis of a string in memory reads nothing that can fail.
      throw new UncheckedIOException(e);
    }
    double norm = K1 * (1 - B + B * length / (double) PassageEmbedder.PASSAGE_WORDS);
    double score = 0;
    for (int word = 0; word < frequencies.length; word++) {
      int f = frequencies[word];
      score += f == 0 ? 0 : weights.idf()[word] * f * (K1 + 1) / (f + norm);
    }
    return score;
  }

  private List<String> words(String text) {
    List<String> words = new ArrayList<>();
    try (TokenStream tokens = analyzer.tokenStream(ArticleFields.BODY, text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (tokens.incrementToken()) {
        words.add(term.toString());
      }
      tokens.end();
    } catch (IOException e) {
      // Analysis of a string in memory reads nothing that can fail.
      throw new UncheckedIOException(e);
    }
    return words;
  }

  /**
   * The vectors of {@code passages}: remembered ones, the others encoded on all cores by the {@code
   * question}'s model; empty when its deadline came first.
   */
  private Optional<Map<String, float[]>> vectors(String[] passages, Question question)
      throws IOException {
    Map<String, float[]> vectors = new HashMap<>();
    List<String> missing = new ArrayList<>();
    rememberedLock.lock();
    try {
      for (String passage : passages) {
        float[] vector = remembered.get(passage);
        if (vector != null) {
          vectors.put(passage, vector);
        } else if (!vectors.containsKey(passage)) {
          vectors.put(passage, null);
          missing.add(passage);
        }
      }
    } finally {
      rememberedLock.unlock();
    }
    if (missing.isEmpty()) {
      return Optional.of(vectors);
    }
    PassageEmbedder model = question.model();
    List<Future<float[]>> encoded = new ArrayList<>(missing.size());
    for (String passage : missing) {
      encoded.add(pool().submit(() -> model.passage(passage)));
    }
    boolean complete = awaited(encoded, question.deadline());
    rememberedLock.lock();
    try {
      for (int i = 0; i < missing.size(); i++) {
        Future<float[]> future = encoded.get(i);
        if (future.state() == Future.State.SUCCESS) {
          vectors.put(missing.get(i), future.resultNow());
          remembered.put(missing.get(i), future.resultNow());
        }
      }
      while (remembered.size() > REMEMBERED_PASSAGES) {
        remembered.remove(remembered.keySet().iterator().next());
      }
    } finally {
      rememberedLock.unlock();
    }
    return complete ? Optional.of(vectors) : Optional.empty();
  }

  /**
   * Waits for every one of {@code encoded}; at {@code deadline} cancels those not started and
   * answers false. Those under way finish, and are remembered for the next question.
   */
  private static boolean awaited(List<Future<float[]>> encoded, QueryTimeout deadline)
      throws IOException {
    for (Future<float[]> future : encoded) {
      while (true) {
        try {
          future.get(DEADLINE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
          break;
        } catch (TimeoutException e) {
          if (deadline.shouldExit()) {
            encoded.forEach(f -> f.cancel(false));
            return false;
          }
        } catch (InterruptedException e) {
          encoded.forEach(f -> f.cancel(false));
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while encoding passages");
        } catch (ExecutionException e) {
          throw new IOException(
              "cannot encode a passage: " + e.getCause().getMessage(), e.getCause());
        }
      }
    }
    return true;
  }

  /** One encoding thread per core, started at the first passage to encode. */
  private ExecutorService pool() {
    ExecutorService started = pool;
    if (started != null) {
      return started;
    }
    poolLock.lock();
    try {
      if (pool == null) {
        pool =
            Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().daemon().name("passage-encoder-", 1).factory());
      }
      return pool;
    } finally {
      poolLock.unlock();
    }
  }

  @Override
  public void close() {
    ExecutorService started = pool;
    if (started != null) {
      started.shutdownNow();
    }
    analyzer.close();
  }
}
