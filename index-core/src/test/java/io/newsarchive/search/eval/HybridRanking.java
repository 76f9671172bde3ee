package io.newsarchive.search.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-ranks the best articles of a run with a second score per article: the rest of the run keeps
 * its order below them.
 */
final class HybridRanking {

  private HybridRanking() {}

  /**
   * The best {@code depth} articles of {@code run} ordered by {@code (1 - lambda)} times their
   * score plus {@code lambda} times their {@code dense} score, each scaled to [0, 1] over those
   * articles (min-max).
   */
  static List<ScoredDoc> interpolate(
      List<ScoredDoc> run, Map<String, Double> dense, int depth, double lambda) {
    List<ScoredDoc> top = run.subList(0, Math.min(depth, run.size()));
    double[] words = scale(top.stream().mapToDouble(ScoredDoc::score).toArray());
    double[] model =
        scale(top.stream().mapToDouble(d -> dense.getOrDefault(d.docId(), 0.0)).toArray());
    Map<String, Double> fused = new HashMap<>();
    for (int i = 0; i < top.size(); i++) {
      fused.put(top.get(i).docId(), (1 - lambda) * words[i] + lambda * model[i]);
    }
    return reorder(run, top, fused);
  }

  /**
   * The best {@code depth} articles of {@code run} ordered by reciprocal rank fusion, {@code 1 /
   * (constant + rank)} summed over the run's order and the {@code dense} order of those articles.
   */
  static List<ScoredDoc> fuse(
      List<ScoredDoc> run, Map<String, Double> dense, int depth, int constant) {
    List<ScoredDoc> top = run.subList(0, Math.min(depth, run.size()));
    List<ScoredDoc> byModel = new ArrayList<>(top);
    byModel.sort(
        Comparator.comparingDouble((ScoredDoc d) -> dense.getOrDefault(d.docId(), 0.0)).reversed());
    Map<String, Double> fused = new HashMap<>();
    for (int i = 0; i < top.size(); i++) {
      fused.merge(top.get(i).docId(), 1.0 / (constant + i + 1), Double::sum);
      fused.merge(byModel.get(i).docId(), 1.0 / (constant + i + 1), Double::sum);
    }
    return reorder(run, top, fused);
  }

  /** {@code top} by {@code fused}, then the rest of {@code run}, scored by rank. */
  private static List<ScoredDoc> reorder(
      List<ScoredDoc> run, List<ScoredDoc> top, Map<String, Double> fused) {
    List<ScoredDoc> ordered = new ArrayList<>(top);
    ordered.sort(Comparator.comparingDouble((ScoredDoc d) -> fused.get(d.docId())).reversed());
    ordered.addAll(run.subList(top.size(), run.size()));
    List<ScoredDoc> ranked = new ArrayList<>(ordered.size());
    for (int i = 0; i < ordered.size(); i++) {
      ranked.add(new ScoredDoc(ordered.get(i).docId(), ordered.size() - i));
    }
    return ranked;
  }

  private static double[] scale(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    double[] scaled = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      scaled[i] = max > min ? (values[i] - min) / (max - min) : 1;
    }
    return scaled;
  }
}
