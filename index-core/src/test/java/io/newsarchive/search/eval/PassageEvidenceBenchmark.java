package io.newsarchive.search.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Prints MAP, nDCG@10 and P@10 of evidence read from the positions of the query's words in the best
 * {@value EvidenceSet#DEPTH} articles of the default ranking (what {@code evaluate-ranking} gives),
 * interpolated with its score as {@link HybridRanking} does: the BM25 of the best passage (Callan,
 * 1994), the share of the query's idf the article holds, BM25TP's proximity, and local context
 * analysis (Xu and Croft, 1996) over the best passages, the scores of the most similar articles
 * among the best (score regularization, Diaz, 2005), and sums of these; and, as the bound of any
 * reordering of those articles, the judged relevant ones first. TIME 1963 and the Reuters-21578
 * topics set side by side. Not part of the default test run; run it with {@code ./mvnw -pl
 * index-core test -Dtest=PassageEvidenceBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dnewsarchive.timeIndex=DIR -Dnewsarchive.topicsIndex=DIR -Dnewsarchive.topicsSet=DIR} (as {@link
 * ScoringVariantsBenchmark}) and, to run only some variants, {@code
 * -Dnewsarchive.evalVariants=STRING} (alternatives separated by {@code |}).
 */
class PassageEvidenceBenchmark {

  private static final int[] WINDOWS = {50, 100, 150, 250};
  private static final double[] WEIGHTS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};

  /** The second score of each of a query's best articles. */
  private interface SecondScores {
    Map<String, Double> of(EvidenceSet set, String query) throws IOException;
  }

  private record Variant(String name, SecondScores scores, double weight) {

    static Variant positional(String name, EvidenceSet.Evidence evidence, double weight) {
      return new Variant(name, (set, query) -> set.byPositions(query, evidence), weight);
    }
  }

  @Test
  void printsMetricsOfEachVariant() throws IOException {
    DevelopmentSets found = DevelopmentSets.fromProperties();
    List<EvidenceSet> sets =
        List.of(
            EvidenceSet.measure("TIME", found.timeIndex(), found.time(), "time"),
            EvidenceSet.measure("topics", found.topicsIndex(), found.topics(), "reuters"));
    String only = System.getProperty("newsarchive.evalVariants", "");
    System.out.printf(
        Locale.ROOT, "%-52s %-22s %-22s%n", "variant", "TIME MAP/nDCG/P10", "topics MAP/nDCG/P10");
    Map<Variant, List<QueryMetrics>> onTime = new LinkedHashMap<>();
    for (Variant variant : variants()) {
      if (!only.isBlank() && Arrays.stream(only.split("\\|")).noneMatch(variant.name::contains)) {
        continue;
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-52s", variant.name));
      for (EvidenceSet set : sets) {
        List<QueryMetrics> each = evaluate(set, variant);
        onTime.putIfAbsent(variant, each);
        QueryMetrics mean = QueryMetrics.mean(each);
        line.append(
            String.format(
                Locale.ROOT,
                " %.4f/%.4f/%.4f ",
                mean.averagePrecision(),
                mean.ndcgAt10(),
                mean.precisionAt10()));
      }
      System.out.println(line);
    }
    printCrossValidation(onTime);
  }

  /**
   * What choosing the variant by TIME's MAP is worth on TIME queries it was not chosen on: the
   * variant best on the queries at odd places (of those measured) is scored on those at even
   * places, and the other way round, and the two held-out halves are averaged.
   */
  private static void printCrossValidation(Map<Variant, List<QueryMetrics>> onTime) {
    List<QueryMetrics> heldOut = new ArrayList<>();
    for (int fold = 0; fold < 2; fold++) {
      Variant chosen = null;
      double best = Double.NEGATIVE_INFINITY;
      for (Map.Entry<Variant, List<QueryMetrics>> entry : onTime.entrySet()) {
        if (entry.getKey().name.startsWith("bound")) {
          continue;
        }
        double map = QueryMetrics.mean(half(entry.getValue(), 1 - fold)).averagePrecision();
        if (map > best) {
          best = map;
          chosen = entry.getKey();
        }
      }
      if (chosen == null) {
        return;
      }
      List<QueryMetrics> scored = half(onTime.get(chosen), fold);
      heldOut.addAll(scored);
      QueryMetrics mean = QueryMetrics.mean(scored);
      System.out.printf(
          Locale.ROOT,
          "TIME fold %d: chosen on the other half (MAP %.4f) %s, held out %.4f/%.4f/%.4f%n",
          fold,
          best,
          chosen.name,
          mean.averagePrecision(),
          mean.ndcgAt10(),
          mean.precisionAt10());
    }
    QueryMetrics mean = QueryMetrics.mean(heldOut);
    System.out.printf(
        Locale.ROOT,
        "TIME held out, both folds: %.4f/%.4f/%.4f%n",
        mean.averagePrecision(),
        mean.ndcgAt10(),
        mean.precisionAt10());
  }

  /** The metrics at even ({@code parity} 0) or odd places. */
  private static List<QueryMetrics> half(List<QueryMetrics> all, int parity) {
    List<QueryMetrics> half = new ArrayList<>();
    for (int i = parity; i < all.size(); i += 2) {
      half.add(all.get(i));
    }
    return half;
  }

  private static List<Variant> variants() {
    List<Variant> variants = new ArrayList<>();
    variants.add(Variant.positional("default ranking", (p, w) -> 0, 0));
    variants.add(
        new Variant("bound: the relevant among them first", PassageEvidenceBenchmark::judged, 1));
    for (int window : WINDOWS) {
      EvidenceSet.Evidence passage = (p, w) -> p.bestWindow(w, window);
      variants.add(Variant.positional("best passage of " + window + " alone", passage, 1));
      for (double weight : WEIGHTS) {
        String name = String.format(Locale.ROOT, "best passage of %d, w %.1f", window, weight);
        variants.add(Variant.positional(name, passage, weight));
      }
    }
    variants.addAll(closeWords());
    variants.addAll(localContexts());
    variants.addAll(similarArticles());
    variants.addAll(sums());
    return variants;
  }

  /** Coverage of the query's idf and BM25TP's proximity. */
  private static List<Variant> closeWords() {
    List<Variant> variants = new ArrayList<>();
    EvidenceSet.Evidence coverage = (p, w) -> p.coverage(w);
    for (double weight : WEIGHTS) {
      String name = String.format(Locale.ROOT, "idf coverage, w %.1f", weight);
      variants.add(Variant.positional(name, coverage, weight));
    }
    for (int window : new int[] {5, 10, 20}) {
      EvidenceSet.Evidence proximity = (p, w) -> p.proximity(w, window);
      for (double weight : WEIGHTS) {
        String name = String.format(Locale.ROOT, "BM25TP within %d, w %.1f", window, weight);
        variants.add(Variant.positional(name, proximity, weight));
      }
    }
    return variants;
  }

  /** Local context analysis over passages of 150 and 300 positions and over whole articles. */
  private static List<Variant> localContexts() {
    List<Variant> variants = new ArrayList<>();
    for (int size : new int[] {150, 300, 0}) {
      for (int passages : new int[] {10, 30}) {
        for (int concepts : new int[] {3, 10, 30, 70}) {
          EvidenceSet.Context context = new EvidenceSet.Context(size, passages, concepts);
          for (double weight : new double[] {0.1, 0.2, 0.3, 0.4}) {
            String name =
                String.format(
                    Locale.ROOT,
                    "LCA %s, %d passages, %d stems, w %.1f",
                    size == 0 ? "articles" : "of " + size,
                    passages,
                    concepts,
                    weight);
            variants.add(new Variant(name, (set, query) -> set.byContext(query, context), weight));
          }
        }
      }
    }
    return variants;
  }

  /** Score regularization and document expansion by the most similar best articles. */
  private static List<Variant> similarArticles() {
    List<Variant> variants = new ArrayList<>();
    for (int neighbours : new int[] {3, 5, 10, 20}) {
      for (double weight : WEIGHTS) {
        String name =
            String.format(Locale.ROOT, "%d nearest articles' scores, w %.1f", neighbours, weight);
        variants.add(new Variant(name, (set, query) -> set.neighbours(query, neighbours), weight));
      }
    }
    for (int neighbours : new int[] {3, 5, 10}) {
      for (double share : new double[] {0.5, 1}) {
        var shape = new NeighbourScores.ExpansionShape(neighbours, share);
        variants.add(
            new Variant(
                String.format(Locale.ROOT, "expanded by %d nearest ×%.1f alone", neighbours, share),
                (set, query) -> set.expanded(query, shape),
                1));
        for (double weight : WEIGHTS) {
          String name =
              String.format(
                  Locale.ROOT, "expanded by %d nearest ×%.1f, w %.1f", neighbours, share, weight);
          variants.add(new Variant(name, (set, query) -> set.expanded(query, shape), weight));
        }
      }
    }
    return variants;
  }

  /** Sums of the best passage, local context over passages and the most similar articles. */
  private static List<Variant> sums() {
    List<Variant> variants = new ArrayList<>();
    EvidenceSet.Evidence passage = (p, w) -> p.bestWindow(w, 150);
    for (EvidenceSet.Context context :
        List.of(new EvidenceSet.Context(150, 10, 10), new EvidenceSet.Context(150, 30, 70))) {
      for (double passageWeight : new double[] {0.1, 0.2, 0.3}) {
        for (double contextWeight : new double[] {0.1, 0.2}) {
          for (double neighbourWeight : new double[] {0, 0.1, 0.2, 0.3}) {
            String name =
                String.format(
                    Locale.ROOT,
                    "passage 150 %.1f + LCA %d/%d %.1f + 10 nearest %.1f",
                    passageWeight,
                    context.passages(),
                    context.concepts(),
                    contextWeight,
                    neighbourWeight);
            SecondScores combined =
                (set, query) ->
                    combined(
                        List.of(
                            set.byPositions(query, passage),
                            set.byContext(query, context),
                            set.neighbours(query, 10)),
                        new double[] {passageWeight, contextWeight, neighbourWeight});
            variants.add(
                new Variant(name, combined, passageWeight + contextWeight + neighbourWeight));
          }
        }
      }
    }
    return variants;
  }

  /** The weighted sum of {@code scores}, each scaled to [0, 1] (min-max), over the weights' sum. */
  private static Map<String, Double> combined(List<Map<String, Double>> scores, double[] weights) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    Map<String, Double> sum = new HashMap<>();
    for (int i = 0; i < weights.length; i++) {
      Map<String, Double> one = scores.get(i);
      double low = one.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
      double high = one.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
      double weight = weights[i] / total;
      one.forEach((doc, value) ->
          sum.merge(doc, weight * (high > low ? (value - low) / (high - low) : 1), Double::sum));
    }
    return sum;
  }

  /** 1 for the articles judged relevant to {@code query}, else 0. */
  private static Map<String, Double> judged(EvidenceSet set, String query) {
    Map<String, Integer> grades = set.qrels().judged(query);
    Map<String, Double> relevant = new HashMap<>();
    for (ScoredDoc doc : set.top(query)) {
      relevant.put(doc.docId(), grades.getOrDefault(doc.docId(), 0) > 0 ? 1.0 : 0.0);
    }
    return relevant;
  }

  private static List<QueryMetrics> evaluate(EvidenceSet set, Variant variant) throws IOException {
    List<QueryMetrics> all = new ArrayList<>();
    for (String id : set.qrels().queriesWithRelevant()) {
      List<ScoredDoc> run = set.runs().get(id);
      List<ScoredDoc> ranked = run;
      if (variant.weight > 0) {
        ranked =
            HybridRanking.interpolate(
                run, variant.scores.of(set, id), EvidenceSet.DEPTH, variant.weight);
      }
      all.add(RankingMetrics.score(RankingMetrics.trecOrder(ranked), set.qrels().judged(id)));
    }
    return all;
  }
}
