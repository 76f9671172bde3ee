package io.newsarchive.search.eval;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.Ranking;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Local context analysis (Xu and Croft, 1996 and 2000): expansion words chosen by how often they
 * occur with each query word in the best passages of the best articles, weighed by rarity, and the
 * score the chosen words give an article (BM25 over its body). Words here are single stems, not the
 * noun phrases of the original.
 */
final class LocalContextAnalysis {

  /** The paper's smoothing of a query word's co-occurrence degree. */
  private static final double DELTA = 0.1;

  private final IndexReader reader;
  private final int docCount;
  private final Map<String, Integer> docFreqs = new HashMap<>();
  private final Map<Tokens, Map<String, Double>> vectors = new IdentityHashMap<>();

  /** One article's body as the index analyzed it: its stems in order with their positions. */
  record Tokens(String[] stems, int[] positions, int length) {

    /** The stems of the positions in [{@code from}, {@code to}). */
    List<String> between(int from, int to) {
      List<String> within = new ArrayList<>();
      for (int i = 0; i < stems.length; i++) {
        if (positions[i] >= from && positions[i] < to) {
          within.add(stems[i]);
        }
      }
      return within;
    }

    /** How often {@code stem} occurs in the body. */
    int count(String stem) {
      int n = 0;
      for (String s : stems) {
        n += s.equals(stem) ? 1 : 0;
      }
      return n;
    }
  }

  LocalContextAnalysis(IndexReader reader) throws IOException {
    this.reader = reader;
    this.docCount = reader.getDocCount(ArticleFields.BODY);
  }

  /** {@code body} analyzed as the index analyzes a body. */
  static Tokens tokens(String body) throws IOException {
    List<String> stems = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    int position = -1;
    try (Analyzer analyzer = new EnglishAnalyzer();
        TokenStream stream = analyzer.tokenStream(ArticleFields.BODY, body)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        stems.add(term.toString());
        positions.add(position);
      }
      stream.end();
    }
    return new Tokens(
        stems.toArray(String[]::new),
        positions.stream().mapToInt(Integer::intValue).toArray(),
        position + 1);
  }

  /**
   * The {@code count} best expansion stems of {@code words} over {@code passages} (each a list of
   * stems), best first, weighted as the paper weighs its concepts: 1 − 0.9 × rank / count.
   */
  Map<String, Double> concepts(
      List<List<String>> passages, WordPositions.QueryWords words, int count) throws IOException {
    List<String> query = words.words();
    Map<String, double[]> cooccurrence = new HashMap<>();
    for (List<String> passage : passages) {
      Map<String, Integer> tf = new HashMap<>();
      for (String stem : passage) {
        tf.merge(stem, 1, Integer::sum);
      }
      double[] queryTf = new double[query.size()];
      for (int i = 0; i < queryTf.length; i++) {
        queryTf[i] = tf.getOrDefault(query.get(i), 0);
      }
      tf.forEach((stem, n) -> {
        if (query.contains(stem) || stem.length() < 2 || Character.isDigit(stem.charAt(0))) {
          return;
        }
        double[] co = cooccurrence.computeIfAbsent(stem, s -> new double[query.size()]);
        for (int i = 0; i < co.length; i++) {
          co[i] += n * queryTf[i];
        }
      });
    }
    double logPassages = Math.log10(Math.max(2, passages.size()));
    Map<String, Double> belief = new HashMap<>();
    for (Map.Entry<String, double[]> candidate : cooccurrence.entrySet()) {
      double idfC = rarity(candidate.getKey());
      double f = 1;
      for (int i = 0; i < query.size(); i++) {
        double degree = Math.log10(candidate.getValue()[i] + 1) * idfC / logPassages;
        f *= Math.pow(DELTA + degree, rarity(query.get(i)) * words.counts()[i]);
      }
      belief.put(candidate.getKey(), f);
    }
    List<String> ranked = new ArrayList<>(belief.keySet());
    ranked.sort(Comparator.comparingDouble((String s) -> belief.get(s)).reversed());
    Map<String, Double> chosen = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(count, ranked.size()); i++) {
      chosen.put(ranked.get(i), 1 - 0.9 * i / count);
    }
    return chosen;
  }

  /** The body's unit-length tf-idf vector, (1 + ln tf) × BM25's idf, kept for later calls. */
  Map<String, Double> vector(Tokens body) throws IOException {
    Map<String, Double> known = vectors.get(body);
    if (known != null) {
      return known;
    }
    Map<String, Integer> tf = new HashMap<>();
    for (String stem : body.stems()) {
      tf.merge(stem, 1, Integer::sum);
    }
    Map<String, Double> vector = new HashMap<>();
    double norm = 0;
    for (Map.Entry<String, Integer> e : tf.entrySet()) {
      int df = Math.max(1, docFreq(e.getKey()));
      double weight =
          (1 + Math.log(e.getValue())) * Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
      vector.put(e.getKey(), weight);
      norm += weight * weight;
    }
    double length = Math.sqrt(norm);
    vector.replaceAll((stem, weight) -> length > 0 ? weight / length : 0);
    vectors.put(body, vector);
    return vector;
  }

  /** The BM25 score of {@code concepts} (weighted) over {@code body}. */
  double score(Map<String, Double> concepts, Tokens body, double meanLength) throws IOException {
    double norm = Ranking.K1 * (1 - Ranking.B + Ranking.B * body.length() / meanLength);
    double score = 0;
    for (Map.Entry<String, Double> concept : concepts.entrySet()) {
      int tf = body.count(concept.getKey());
      if (tf > 0) {
        int df = docFreq(concept.getKey());
        double idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
        score += concept.getValue() * idf * tf / (tf + norm);
      }
    }
    return score;
  }

  /**
   * The paper's idf, min(1, log10(N / df) / 5), with the collection's own log10(N) for the paper's
   * 5 (its collections held about 100,000 documents).
   */
  private double rarity(String stem) throws IOException {
    int df = Math.max(1, docFreq(stem));
    return Math.min(1, Math.log10((double) docCount / df) / Math.log10(Math.max(10, docCount)));
  }

  private int docFreq(String stem) throws IOException {
    Integer known = docFreqs.get(stem);
    if (known == null) {
      known = reader.docFreq(new Term(ArticleFields.BODY, stem));
      docFreqs.put(stem, known);
    }
    return known;
  }
}
