package io.newsarchive.search;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.semantic.PassageEmbedder;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ScoreDoc;

/**
 * The closeness in meaning of articles whose index holds no passage vectors (built without {@code
 * newsarchive index --semantic}): of each article, the one passage that the query's words fit best
 * (their BM25 over the passage) is encoded while the query is searched, and its cosine with the
 * query is the article's closeness. On TIME 1963 this ranks as well as the closest of all passages
 * that such an index stores, at a hundredth of an ingest's cost on an archive that is mostly never
 * asked long questions (see the ranking note in the README). The passages encoded last are
 * remembered, so an article asked about again is not encoded again. Thread-safe.
 */
final class ChosenPassages implements Closeable {

  /** Passages whose vectors are remembered: about 20 MB of vectors and of their texts as keys. */
  static final int REMEMBERED_PASSAGES = 8192;

  // BM25 of the query's words over a passage: Lucene's defaults, lengths against a full passage.
  private static final double K1 = 1.2;
  private static final double B = 0.75;

  private final Analyzer analyzer = new EnglishAnalyzer();
  private final Map<String, float[]> remembered = new LinkedHashMap<>(1024, 0.75f, true);
  private final ReentrantLock rememberedLock = new ReentrantLock();
  private final ReentrantLock poolLock = new ReentrantLock();
  private volatile ExecutorService pool;

  /**
   * The cosine of {@code meaning}, the unit vector of {@code text}, with the passage of each of
   * {@code docs} that {@code text}'s words fit best, encoded by {@code embedder}.
   */
  double[] closeness(
      IndexReader reader, ScoreDoc[] docs, String text, float[] meaning, PassageEmbedder embedder)
      throws IOException {
    Map<String, Double> weights = weights(reader, text);
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
    Map<String, float[]> vectors = vectors(chosen, embedder);
    double[] closeness = new double[docs.length];
    for (int i = 0; i < docs.length; i++) {
      closeness[i] = dot(meaning, vectors.get(chosen[i]));
    }
    return closeness;
  }

  /** Each distinct analyzed word of {@code text} with its BM25 idf in the bodies of the index. */
  private Map<String, Double> weights(IndexReader reader, String text) throws IOException {
    Map<String, Double> weights = new HashMap<>();
    int articles = reader.numDocs();
    for (String word : new LinkedHashSet<>(words(text))) {
      int df = reader.docFreq(new Term(ArticleFields.BODY, word));
      weights.put(word, Math.log(1 + (articles - df + 0.5) / (df + 0.5)));
    }
    return weights;
  }

  /** The passage with the highest BM25 of the weighted words; the first one on a tie. */
  private String best(List<String> passages, Map<String, Double> weights) {
    String best = passages.get(0);
    double bestScore = -1;
    for (String passage : passages) {
      List<String> words = words(passage);
      Map<String, Integer> frequencies = new HashMap<>();
      for (String word : words) {
        if (weights.containsKey(word)) {
          frequencies.merge(word, 1, Integer::sum);
        }
      }
      double norm = K1 * (1 - B + B * words.size() / (double) PassageEmbedder.PASSAGE_WORDS);
      double score = 0;
      for (Map.Entry<String, Integer> entry : frequencies.entrySet()) {
        int f = entry.getValue();
        score += weights.get(entry.getKey()) * f * (K1 + 1) / (f + norm);
      }
      if (score > bestScore) {
        bestScore = score;
        best = passage;
      }
    }
    return best;
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

  /** The vectors of {@code passages}: remembered ones, the others encoded on all cores. */
  private Map<String, float[]> vectors(String[] passages, PassageEmbedder embedder)
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
    List<Future<float[]>> encoded = new ArrayList<>(missing.size());
    for (String passage : missing) {
      encoded.add(pool().submit(() -> embedder.passage(passage)));
    }
    for (int i = 0; i < missing.size(); i++) {
      vectors.put(missing.get(i), done(encoded.get(i)));
    }
    rememberedLock.lock();
    try {
      for (String passage : missing) {
        remembered.put(passage, vectors.get(passage));
      }
      while (remembered.size() > REMEMBERED_PASSAGES) {
        remembered.remove(remembered.keySet().iterator().next());
      }
    } finally {
      rememberedLock.unlock();
    }
    return vectors;
  }

  private static float[] done(Future<float[]> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while encoding passages", e);
    } catch (ExecutionException e) {
      throw new IOException("cannot encode a passage: " + e.getCause().getMessage(), e.getCause());
    }
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

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
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
