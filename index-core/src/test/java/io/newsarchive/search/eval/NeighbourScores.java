package io.newsarchive.search.eval;

import io.newsarchive.search.Ranking;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Score regularization over the best articles (Diaz, 2005; Kurland and Lee, 2004): an article gains
 * the scores of the articles most like it among the best, by the cosine of their tf-idf vectors, so
 * that a story that tells of a subject in other words than the query is lifted by the stories about
 * the same subject that the query's words found.
 */
final class NeighbourScores {

  private final List<ScoredDoc> top;
  private final Map<String, LocalContextAnalysis.Tokens> bodies;
  private final List<Map<String, Double>> vectors;

  /**
   * The best articles {@code top}, best first with their scores, whose analyzed bodies {@code
   * bodies} holds, compared by tf-idf vectors with the idf of {@code statistics}.
   */
  NeighbourScores(
      List<ScoredDoc> top,
      Map<String, LocalContextAnalysis.Tokens> bodies,
      LocalContextAnalysis statistics)
      throws IOException {
    this.top = top;
    this.bodies = bodies;
    this.vectors = new ArrayList<>(top.size());
    for (ScoredDoc doc : top) {
      vectors.add(statistics.vector(bodies.get(doc.docId())));
    }
  }

  /**
   * The mean scaled score of each article's {@code neighbours} most similar articles, weighted by
   * similarity.
   */
  Map<String, Double> support(int neighbours) {
    double[] scaled = scaled(top);
    Map<String, Double> support = new HashMap<>();
    for (int i = 0; i < top.size(); i++) {
      double weighted = 0;
      double total = 0;
      for (Similar similar : mostSimilar(i, neighbours)) {
        weighted += similar.cosine * scaled[similar.index];
        total += similar.cosine;
      }
      support.put(top.get(i).docId(), total > 0 ? weighted / total : 0);
    }
    return support;
  }

  /**
   * Document expansion (Tao, Wang, Mei and Zhai, 2006): the BM25 of the query's {@code words} over
   * each article with the word counts of its most similar articles added, each weighted by the
   * share of {@code shape} times its cosine with the article.
   */
  Map<String, Double> expanded(WordPositions.QueryWords words, ExpansionShape shape) {
    int n = top.size();
    double[][] counts = new double[n][words.words().size()];
    double[] lengths = new double[n];
    for (int i = 0; i < n; i++) {
      LocalContextAnalysis.Tokens body = bodies.get(top.get(i).docId());
      for (int w = 0; w < words.words().size(); w++) {
        counts[i][w] = body.count(words.words().get(w));
      }
      lengths[i] = body.length();
    }
    Map<String, Double> scores = new HashMap<>();
    for (int i = 0; i < n; i++) {
      double[] tf = counts[i].clone();
      double length = lengths[i];
      double added = 0;
      for (Similar similar : mostSimilar(i, shape.neighbours())) {
        double weight = shape.share() * similar.cosine;
        for (int w = 0; w < tf.length; w++) {
          tf[w] += weight * counts[similar.index][w];
        }
        length += weight * lengths[similar.index];
        added += weight;
      }
      // The expanded article is as long as its parts: its length against the mean is theirs.
      double relative = length / (1 + added) / words.meanLength();
      double norm = Ranking.K1 * (1 - Ranking.B + Ranking.B * relative);
      double score = 0;
      for (int w = 0; w < tf.length; w++) {
        double f = tf[w] / (1 + added);
        score += words.counts()[w] * words.idf()[w] * f / (f + norm);
      }
      scores.put(top.get(i).docId(), score);
    }
    return scores;
  }

  /**
   * How far document expansion reaches.
   *
   * @param neighbours how many similar articles are added
   * @param share the weight of a neighbour of cosine 1
   */
  record ExpansionShape(int neighbours, double share) {}

  private record Similar(int index, double cosine) {}

  /** The {@code count} articles most similar to article {@code i}, most similar first. */
  private List<Similar> mostSimilar(int i, int count) {
    int n = top.size();
    double[] cosines = new double[n];
    for (int j = 0; j < n; j++) {
      cosines[j] = i == j ? -1 : dot(vectors.get(i), vectors.get(j));
    }
    List<Similar> similar = new ArrayList<>();
    for (int k = 0; k < Math.min(count, n - 1); k++) {
      int best = 0;
      for (int j = 1; j < n; j++) {
        if (cosines[j] > cosines[best]) {
          best = j;
        }
      }
      similar.add(new Similar(best, cosines[best]));
      cosines[best] = -1;
    }
    return similar;
  }

  private static double dot(Map<String, Double> a, Map<String, Double> b) {
    if (a.size() > b.size()) {
      return dot(b, a);
    }
    double sum = 0;
    for (Map.Entry<String, Double> e : a.entrySet()) {
      Double other = b.get(e.getKey());
      if (other != null) {
        sum += e.getValue() * other;
      }
    }
    return sum;
  }

  private static double[] scaled(List<ScoredDoc> top) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (ScoredDoc doc : top) {
      low = Math.min(low, doc.score());
      high = Math.max(high, doc.score());
    }
    double[] scaled = new double[top.size()];
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] = high > low ? (top.get(i).score() - low) / (high - low) : 1;
    }
    return scaled;
  }
}
