package io.newsarchive.search.eval;

import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearcherOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

/**
 * Prints MAP, nDCG@10 and P@10 of sentence-embedding models on a judged collection: the models
 * alone, and re-ranking the default ranking's best articles (what {@code evaluate-ranking} gives)
 * by linear interpolation of the two normalised scores or by reciprocal rank fusion; and what the
 * models cost. Not part of the default test run; run it on an index built with {@code newsarchive
 * index} with {@code ./mvnw -pl index-core test -Dtest=DenseRetrievalBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dnewsarchive.evalIndex=DIR
 * -Dnewsarchive.evalSet=../shared/corpora/time-ir-1963} (a directory with {@code queries.tsv} and
 * {@code qrels.txt}; {@code -Dnewsarchive.evalSource=reuters} for the topics set written by {@code
 * ReutersTopicsSet}), optionally {@code -Dnewsarchive.denseModels=all-minilm-l6-v2-q,e5-small-v2-q}
 * and {@code -Dnewsarchive.denseWords=150}. Passage vectors are kept under {@code
 * target/dense-vectors}.
 */
class DenseRetrievalBenchmark {

  private static final int[] DEPTHS = {100, 1000};
  private static final double[] LAMBDAS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8};
  private static final int[] RRF_CONSTANTS = {10, 60};

  @Test
  void printsMetricsOfDenseAndHybridRankings() throws IOException {
    JudgedSet judged = JudgedSet.fromProperties();
    Path index = judged.index();
    Map<String, String> queries = judged.queries();
    Qrels qrels = judged.qrels();
    String source = judged.source();
    PassageVectorCache.Settings settings =
        new PassageVectorCache.Settings(
            Integer.getInteger("newsarchive.denseWords", 150),
            Integer.getInteger("newsarchive.denseThreads", 2));

    RankingEvaluation.Result base;
    SearcherOptions options = SearcherOptions.DEFAULTS.withTimeBudget(Duration.ofMinutes(1));
    try (ArticleSearcher searcher = ArticleSearcher.open(index, options)) {
      base = RankingEvaluation.run(searcher, SearchRequest.defaults(), queries, qrels);
    }
    List<PassageVectorCache.Text> texts;
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      texts = PassageVectorCache.texts(reader);
    }
    System.out.printf(Locale.ROOT, "%-46s %7s %7s %7s%n", "variant", "MAP", "nDCG@10", "P@10");
    print("default ranking", base.mean());
    String models = System.getProperty("newsarchive.denseModels", "all-minilm-l6-v2-q");
    for (String name : models.split(",")) {
      PassageEncoder.Model model = PassageEncoder.Model.named(name.strip());
      long heapBefore = usedHeap();
      try (PassageEncoder encoder = PassageEncoder.load(model)) {
        System.out.printf(
            Locale.ROOT,
            "%s: heap %d MB after loading (+%d MB), resident %s%n",
            model,
            usedHeap() >> 20,
            (usedHeap() - heapBefore) >> 20,
            resident());
        Path cache =
            Path.of(
                "target",
                "dense-vectors",
                source + "-" + model + "-" + settings.words() + "-" + texts.size() + ".bin");
        Map<String, float[][]> vectors = PassageVectorCache.of(encoder, texts, cache, settings);
        Map<String, float[]> queryVectors = encodeQueries(encoder, queries, qrels);
        System.out.printf(
            Locale.ROOT,
            "%s: heap %d MB with the vectors, resident %s%n",
            model,
            usedHeap() >> 20,
            resident());
        evaluate(model.toString(), base, vectors, queryVectors, qrels);
      }
    }
  }

  private void evaluate(
      String model,
      RankingEvaluation.Result base,
      Map<String, float[][]> vectors,
      Map<String, float[]> queryVectors,
      Qrels qrels) {
    Map<String, Map<String, Double>> maxScores = scores(vectors, queryVectors, Integer.MAX_VALUE);
    Map<String, Map<String, Double>> meanScores = new HashMap<>();
    for (Map.Entry<String, float[]> query : queryVectors.entrySet()) {
      Map<String, Double> mean = new HashMap<>();
      vectors.forEach((id, passages) -> {
        double sum = 0;
        for (float[] passage : passages) {
          sum += PassageEncoder.dot(query.getValue(), passage);
        }
        mean.put(id, sum / passages.length);
      });
      meanScores.put(query.getKey(), mean);
    }
    printRuns(model + " alone, passage max", qrels, id -> dense(maxScores.get(id)));
    printRuns(model + " alone, passage mean", qrels, id -> dense(meanScores.get(id)));
    for (int depth : DEPTHS) {
      for (double lambda : LAMBDAS) {
        printRuns(
            String.format(Locale.ROOT, "%s top %d, λ %.1f", model, depth, lambda),
            qrels,
            id -> HybridRanking.interpolate(base.runs().get(id), maxScores.get(id), depth, lambda));
      }
      for (int constant : RRF_CONSTANTS) {
        printRuns(
            String.format(Locale.ROOT, "%s top %d, RRF k %d", model, depth, constant),
            qrels,
            id -> HybridRanking.fuse(base.runs().get(id), maxScores.get(id), depth, constant));
      }
    }
    printRuns(
        model + " top 100, λ 0.5, passage mean",
        qrels,
        id -> HybridRanking.interpolate(base.runs().get(id), meanScores.get(id), 100, 0.5));
    // Fewer passages per article cost less to encode at ingest.
    for (int first : new int[] {1, 2, 3}) {
      Map<String, Map<String, Double>> firstScores = scores(vectors, queryVectors, first);
      printRuns(
          model + " alone, first " + first + " passages", qrels, id -> dense(firstScores.get(id)));
      for (double lambda : new double[] {0.3, 0.4, 0.5, 0.6}) {
        printRuns(
            String.format(
                Locale.ROOT, "%s top 100, λ %.1f, first %d passages", model, lambda, first),
            qrels,
            id -> HybridRanking.interpolate(base.runs().get(id), firstScores.get(id), 100, lambda));
      }
    }
  }

  /** Each query's score of each article: its best passage among the first {@code first}. */
  private static Map<String, Map<String, Double>> scores(
      Map<String, float[][]> vectors, Map<String, float[]> queryVectors, int first) {
    Map<String, Map<String, Double>> scores = new HashMap<>();
    for (Map.Entry<String, float[]> query : queryVectors.entrySet()) {
      Map<String, Double> max = new HashMap<>();
      vectors.forEach((id, passages) -> {
        double best = -1;
        for (int p = 0; p < Math.min(first, passages.length); p++) {
          best = Math.max(best, PassageEncoder.dot(query.getValue(), passages[p]));
        }
        max.put(id, best);
      });
      scores.put(query.getKey(), max);
    }
    return scores;
  }

  /** The best {@link RankingMetrics#DEPTH} articles by the model's score alone. */
  /** A run ranked by {@code scores} alone, to the evaluation depth. */
  static List<ScoredDoc> dense(Map<String, Double> scores) {
    List<ScoredDoc> run = new ArrayList<>();
    scores.forEach((id, score) -> run.add(new ScoredDoc(id, score)));
    run.sort(Comparator.comparingDouble(ScoredDoc::score).reversed());
    return RankingMetrics.trecOrder(run.subList(0, Math.min(RankingMetrics.DEPTH, run.size())));
  }

  private static Map<String, float[]> encodeQueries(
      PassageEncoder encoder, Map<String, String> queries, Qrels qrels) {
    Map<String, float[]> vectors = new LinkedHashMap<>();
    for (String id : qrels.queriesWithRelevant()) {
      encoder.query(queries.get(id));
    }
    long start = System.nanoTime();
    for (String id : qrels.queriesWithRelevant()) {
      vectors.put(id, encoder.query(queries.get(id)));
    }
    double ms = (System.nanoTime() - start) / 1e6 / vectors.size();
    System.out.printf(
        Locale.ROOT, "%s: %.2f ms per query encoded (%d queries)%n", encoder, ms, vectors.size());
    return vectors;
  }

  /** Prints the mean metrics of the runs {@code runs} gives for every judged query. */
  static void printRuns(String name, Qrels qrels, Function<String, List<ScoredDoc>> runs) {
    List<QueryMetrics> all = new ArrayList<>();
    for (String id : qrels.queriesWithRelevant()) {
      all.add(RankingMetrics.score(RankingMetrics.trecOrder(runs.apply(id)), qrels.judged(id)));
    }
    print(name, QueryMetrics.mean(all));
  }

  /** Prints one row: MAP, nDCG@10 and P@10. */
  static void print(String name, QueryMetrics mean) {
    System.out.printf(
        Locale.ROOT,
        "%-46s %7.4f %7.4f %7.4f%n",
        name,
        mean.averagePrecision(),
        mean.ndcgAt10(),
        mean.precisionAt10());
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static String resident() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return line.substring("VmRSS:".length()).strip();
        }
      }
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
    return "unknown";
  }
}
