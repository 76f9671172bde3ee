package io.newsarchive.search.eval;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearcherOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

/**
 * Prints MAP, nDCG@10 and P@10 of static word-piece embeddings distilled from all-MiniLM-L6-v2
 * ({@link StaticTable}) on a judged collection, as {@link DenseRetrievalBenchmark} does for the
 * model itself: the static vectors alone and re-ranking the default ranking's best 100 articles, by
 * an article's closest passage or its whole text, for several poolings, PCA sizes and weights. Not
 * part of the default test run; run it with {@code ./mvnw -pl index-core test
 * -Dtest=StaticEmbeddingBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dnewsarchive.evalIndex=DIR -Dnewsarchive.evalSet=DIR} (and {@code
 * -Dnewsarchive.evalSource=reuters} for the topics set), as for {@link DenseRetrievalBenchmark};
 * {@code -Dnewsarchive.staticVariants=mean-256-rss3,...} limits the tables measured ({@code none}
 * for none of the grid), and {@code -Dnewsarchive.staticAlign=4000} also measures the table mapped
 * by {@link StaticAlignment} fitted on that many texts. The raw distilled outputs and the
 * word-piece counts are kept under {@code target/static-vectors}.
 */
class StaticEmbeddingBenchmark {

  private static final double[] LAMBDAS = {0.2, 0.3, 0.4, 0.5, 0.6};
  private static final Path CACHE = Path.of("target", "static-vectors");
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @Test
  void printsMetricsOfStaticEmbeddings() throws IOException {
    JudgedSet judged = JudgedSet.fromProperties();
    Path index = judged.index();
    Map<String, String> queries = judged.queries();
    Qrels qrels = judged.qrels();
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
    DenseRetrievalBenchmark.print("default ranking", base.mean());
    measure(base, texts, queries, qrels);
  }

  /** Prints the metrics of each table of {@link StaticVariant#grid()} that was asked for. */
  private void measure(
      RankingEvaluation.Result base,
      List<PassageVectorCache.Text> texts,
      Map<String, String> queries,
      Qrels qrels)
      throws IOException {
    Map<StaticTable.Pooling, float[][]> raw = rawTables();
    StaticCounts counts = StaticCounts.of(CACHE.resolve("rss-counts.bin"));
    Map<StaticTable.Pooling, float[][]> rawWords = wordTables(counts);
    try (HuggingFaceTokenizer tokenizer = StaticTable.tokenizer()) {
      long start = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      WordPieces pieces = WordPieces.of(tokenizer, texts, queries, qrels, Map.of());
      System.out.printf(
          Locale.ROOT,
          "word pieces of %d articles in %.2f s, %.0f µs of CPU an article%n",
          texts.size(),
          (System.nanoTime() - start) / 1e9,
          (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / texts.size());
      WordPieces words = WordPieces.of(tokenizer, texts, queries, qrels, counts.wordRows());
      String wanted = System.getProperty("newsarchive.staticVariants", "");
      Map<String, float[][]> reduced = new HashMap<>();
      for (StaticVariant variant : StaticVariant.grid()) {
        if (!wanted.isBlank() && !List.of(wanted.split(",")).contains(variant.name())) {
          continue;
        }
        float[][] rows =
            reduced.computeIfAbsent(
                variant.pooling() + "-" + variant.dims() + "-" + variant.words(),
                key -> variant.reduced(raw, rawWords));
        float[][] table =
            variant.table(rows, variant.words() ? counts.withWords() : counts.pieces());
        WordPieces tokenized = variant.words() ? words : pieces;
        long vectorCpu = THREADS.getCurrentThreadCpuTime();
        WordPieces.Vectors vectors = tokenized.vectors(table);
        System.out.printf(
            Locale.ROOT,
            "%s: vectors of %d articles, %.0f µs of CPU an article%n",
            variant.name(),
            texts.size(),
            (THREADS.getCurrentThreadCpuTime() - vectorCpu) / 1e3 / texts.size());
        evaluate(variant.name(), base, vectors, qrels);
      }
      int align = Integer.getInteger("newsarchive.staticAlign", 0);
      if (align > 0) {
        float[][] table =
            new StaticVariant(StaticTable.Pooling.MEAN, 0, "rss3", false)
                .table(raw.get(StaticTable.Pooling.MEAN), counts.pieces());
        double[] ridges = {0.0003, 0.001, 0.003, 0.01};
        List<float[][]> aligned = StaticAlignment.aligned(table, tokenizer, align, ridges);
        for (int r = 0; r < ridges.length; r++) {
          evaluate(
              "mean-0-rss3 aligned " + align + ", ridge " + ridges[r],
              base,
              pieces.vectors(aligned.get(r)),
              qrels);
        }
      }
    }
  }

  /** The raw outputs of the word pieces, distilled once and kept in {@link #CACHE}. */
  private static Map<StaticTable.Pooling, float[][]> rawTables() throws IOException {
    return cached("raw", StaticTable::distil);
  }

  /** The raw outputs of the words of {@code counts}, distilled once and kept in {@link #CACHE}. */
  private static Map<StaticTable.Pooling, float[][]> wordTables(StaticCounts counts)
      throws IOException {
    List<long[]> pieces = new ArrayList<>();
    for (String word : counts.words().keySet()) {
      pieces.add(counts.wordPieces().get(word));
    }
    return cached("words", () -> StaticTable.distilWords(pieces));
  }

  private static Map<StaticTable.Pooling, float[][]> cached(String name, Distillation distil)
      throws IOException {
    Map<StaticTable.Pooling, float[][]> tables = new HashMap<>();
    boolean cached = true;
    for (StaticTable.Pooling pooling : StaticTable.Pooling.values()) {
      cached &= Files.exists(CACHE.resolve(name + "-" + pooling + ".bin"));
    }
    if (cached) {
      for (StaticTable.Pooling pooling : StaticTable.Pooling.values()) {
        tables.put(pooling, StaticTable.read(CACHE.resolve(name + "-" + pooling + ".bin")));
      }
      return tables;
    }
    long start = System.nanoTime();
    tables = distil.run();
    System.out.printf(
        Locale.ROOT,
        "distilled %d %s rows in %.1f s%n",
        tables.get(StaticTable.Pooling.MEAN).length,
        name,
        (System.nanoTime() - start) / 1e9);
    for (Map.Entry<StaticTable.Pooling, float[][]> entry : tables.entrySet()) {
      StaticTable.write(CACHE.resolve(name + "-" + entry.getKey() + ".bin"), entry.getValue());
    }
    return tables;
  }

  /** A distillation that may fail to read the model. */
  private interface Distillation {
    Map<StaticTable.Pooling, float[][]> run() throws IOException;
  }

  private void evaluate(
      String name, RankingEvaluation.Result base, WordPieces.Vectors v, Qrels qrels) {
    Map<String, Map<String, Double>> max = new HashMap<>();
    Map<String, Map<String, Double>> whole = new HashMap<>();
    for (Map.Entry<String, float[]> query : v.queries().entrySet()) {
      Map<String, Double> best = new HashMap<>();
      v.passages()
          .forEach((id, passages) -> {
            double score = -1;
            for (float[] passage : passages) {
              score = Math.max(score, PassageEncoder.dot(query.getValue(), passage));
            }
            best.put(id, score);
          });
      max.put(query.getKey(), best);
      Map<String, Double> article = new HashMap<>();
      v.articles()
          .forEach((id, vector) -> article.put(id, PassageEncoder.dot(query.getValue(), vector)));
      whole.put(query.getKey(), article);
    }
    DenseRetrievalBenchmark.printRuns(
        name + " alone, passage max", qrels, id -> DenseRetrievalBenchmark.dense(max.get(id)));
    DenseRetrievalBenchmark.printRuns(
        name + " alone, article", qrels, id -> DenseRetrievalBenchmark.dense(whole.get(id)));
    for (double lambda : LAMBDAS) {
      DenseRetrievalBenchmark.printRuns(
          String.format(Locale.ROOT, "%s top 100, λ %.1f, passage max", name, lambda),
          qrels,
          id -> HybridRanking.interpolate(base.runs().get(id), max.get(id), 100, lambda));
      DenseRetrievalBenchmark.printRuns(
          String.format(Locale.ROOT, "%s top 100, λ %.1f, article", name, lambda),
          qrels,
          id -> HybridRanking.interpolate(base.runs().get(id), whole.get(id), 100, lambda));
    }
  }

  /** A table to measure: pooling, PCA size (0: the raw outputs) and weights. */
  record StaticVariant(StaticTable.Pooling pooling, int dims, String weighting, boolean words) {

    static List<StaticVariant> grid() {
      List<StaticVariant> grid = new ArrayList<>();
      for (boolean words : new boolean[] {false, true}) {
        for (StaticTable.Pooling pooling : StaticTable.Pooling.values()) {
          for (int dims : new int[] {0, 256, 128}) {
            for (String weighting : new String[] {"none", "rank4", "rss3", "rss4"}) {
              grid.add(new StaticVariant(pooling, dims, weighting, words));
            }
          }
        }
      }
      return grid;
    }

    String name() {
      return pooling.toString().toLowerCase(Locale.ROOT)
          + "-"
          + dims
          + "-"
          + weighting
          + (words ? "-words" : "");
    }

    /** The raw rows of this variant's pooling (and words), reduced by its PCA. */
    float[][] reduced(
        Map<StaticTable.Pooling, float[][]> raw, Map<StaticTable.Pooling, float[][]> rawWords) {
      float[][] all = raw.get(pooling);
      if (words) {
        float[][] extra = rawWords.get(pooling);
        float[][] both = new float[all.length + extra.length][];
        System.arraycopy(all, 0, both, 0, all.length);
        System.arraycopy(extra, 0, both, all.length, extra.length);
        all = both;
      }
      return dims == 0 ? all : StaticTable.pca(all, dims);
    }

    /** The weighted table from {@code rows}, the raw or reduced outputs of {@link #pooling}. */
    float[][] table(float[][] rows, long[] counts) {
      double[] weights =
          switch (weighting) {
            case "none" -> null;
            case "rank4" -> StaticTable.rankWeights(1e-4);
            case "rss3" -> StaticTable.countWeights(counts, 1e-3);
            case "rss4" -> StaticTable.countWeights(counts, 1e-4);
            default -> throw new IllegalArgumentException(weighting);
          };
      return StaticTable.weighted(rows, weights);
    }
  }
}
