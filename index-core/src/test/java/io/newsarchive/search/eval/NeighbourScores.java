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

  private NeighbourScores() {}

  /**
   * The mean scaled score of each article's {@code neighbours} most similar articles among {@code
   * top}, weighted by similarity.
   *
   * @param top the best articles, best first, with their scores
   * @param bodies each article's analyzed body
   */
  static Map<String, Double> of(
      List<ScoredDoc> top,
      Map<String, LocalContextAnalysis.Tokens> bodies,
      LocalContextAnalysis statistics,
      int neighbours)
      throws IOException {
    int n = top.size();
    List<Map<String, Double>> vectors = new ArrayList<>(n);
    for (ScoredDoc doc : top) {
      vectors.add(statistics.vector(bodies.get(doc.docId())));
    }
    double[] scaled = scaled(top);
    Map<String, Double> support = new HashMap<>();
    for (int i = 0; i < n; i++) {
      double[] sims = new double[n];
      for (int j = 0; j < n; j++) {
        sims[j] = i == j ? -1 : dot(vectors.get(i), vectors.get(j));
      }
      double weighted = 0;
      double total = 0;
      for (int k = 0; k < Math.min(neighbours, n - 1); k++) {
        int best = 0;
        for (int j = 1; j < n; j++) {
          if (sims[j] > sims[best]) {
            best = j;
          }
        }
        weighted += sims[best] * scaled[best];
        total += sims[best];
        sims[best] = -1;
      }
      support.put(top.get(i).docId(), total > 0 ? weighted / total : 0);
    }
    return support;
  }

  /**
   * Document expansion (Tao, Wang, Mei and Zhai, 2006): the BM25 of the query's {@code words} over
   * each best article with the word counts of its {@code neighbours} most similar best articles
   * added, each weighted by {@code share} times its cosine with the article.
   */
  static Map<String, Double> expanded(
      List<ScoredDoc> top,
      Map<String, LocalContextAnalysis.Tokens> bodies,
      LocalContextAnalysis statistics,
      WordPositions.QueryWords words,
      ExpansionShape shape)
      throws IOException {
    int n = top.size();
    List<Map<String, Double>> vectors = new ArrayList<>(n);
    double[][] counts = new double[n][words.words().size()];
    double[] lengths = new double[n];
    for (int i = 0; i < n; i++) {
      LocalContextAnalysis.Tokens body = bodies.get(top.get(i).docId());
      vectors.add(statistics.vector(body));
      for (int w = 0; w < words.words().size(); w++) {
        counts[i][w] = body.count(words.words().get(w));
      }
      lengths[i] = body.length();
    }
    Map<String, Double> scores = new HashMap<>();
    for (int i = 0; i < n; i++) {
      double[] sims = new double[n];
      for (int j = 0; j < n; j++) {
        sims[j] = i == j ? -1 : dot(vectors.get(i), vectors.get(j));
      }
      double[] tf = counts[i].clone();
      double length = lengths[i];
      double added = 0;
      for (int k = 0; k < Math.min(shape.neighbours(), n - 1); k++) {
        int best = 0;
        for (int j = 1; j < n; j++) {
          if (sims[j] > sims[best]) {
            best = j;
          }
        }
        double weight = shape.share() * sims[best];
        for (int w = 0; w < tf.length; w++) {
          tf[w] += weight * counts[best][w];
        }
        length += weight * lengths[best];
        added += weight;
        sims[best] = -1;
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
