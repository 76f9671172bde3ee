package io.newsarchive.search.eval;

import io.newsarchive.article.Article;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.ArticleQueryParser;
import io.newsarchive.search.MinimumMatch;
import io.newsarchive.search.Ranking;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.AfterEffectB;
import org.apache.lucene.search.similarities.AfterEffectL;
import org.apache.lucene.search.similarities.AxiomaticF2EXP;
import org.apache.lucene.search.similarities.AxiomaticF2LOG;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.BasicModelG;
import org.apache.lucene.search.similarities.BasicModelIF;
import org.apache.lucene.search.similarities.BasicModelIn;
import org.apache.lucene.search.similarities.BasicModelIne;
import org.apache.lucene.search.similarities.BasicStats;
import org.apache.lucene.search.similarities.DFRSimilarity;
import org.apache.lucene.search.similarities.DistributionLL;
import org.apache.lucene.search.similarities.DistributionSPL;
import org.apache.lucene.search.similarities.IBSimilarity;
import org.apache.lucene.search.similarities.LMDirichletSimilarity;
import org.apache.lucene.search.similarities.LambdaDF;
import org.apache.lucene.search.similarities.LambdaTTF;
import org.apache.lucene.search.similarities.NormalizationH2;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.search.similarities.SimilarityBase;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.SmallFloat;
import org.junit.jupiter.api.Test;

/**
 * Prints MAP, nDCG@10 and P@10 of scoring variants on TIME 1963 and the Reuters-21578 topics set
 * side by side, each over an index built by {@code newsarchive index}, with the text of each query
 * parsed as {@code /api/search} parses it ({@link ArticleQueryParser}, any word) or rebuilt in the
 * same shape with a changed word weight, and the searcher's similarity swapped. Not part of the
 * default test run; run it with {@code ./mvnw -pl index-core test -Dtest=ScoringVariantsBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dnewsarchive.timeIndex=DIR -Dnewsarchive.topicsIndex=DIR
 * -Dnewsarchive.topicsSet=DIR} ({@code topicsSet} holds the {@code queries.tsv} and {@code
 * qrels.txt} that {@link ReutersTopicsSet} writes) and, to run only some variants, {@code
 * -Dnewsarchive.evalVariants=STRING} (alternatives separated by {@code |}).
 */
class ScoringVariantsBenchmark {

  private static final String TITLE = ArticleFields.TITLE;
  private static final String BODY = ArticleFields.BODY;

  /** One judged set over its index. */
  private record JudgedSet(
      String name, DirectoryReader reader, Map<String, String> queries, Qrels qrels) {}

  /** Ranks one query's text on one index. */
  private interface Ranker {
    List<ScoredDoc> rank(IndexReader reader, String text) throws IOException;
  }

  /** Builds the query of one text on one index (whose statistics a weighting may read). */
  private interface QueryBuilder {
    Query build(IndexReader reader, String text) throws IOException;
  }

  private record Variant(String name, Ranker ranker) {}

  /**
   * How a rebuilt query weighs its words and pairs.
   *
   * @param minWords the fewest content words a query needs for the rule to apply
   * @param idfPower each word weighs (its idf / the query's mean idf) to this power
   * @param maxDfShare words found in more than this share of the articles are dropped
   * @param pairWeight weight of each kind of word pair
   */
  private record Weighting(int minWords, double idfPower, double maxDfShare, float pairWeight) {}

  private final ArticleQueryParser parser = new ArticleQueryParser();
  private final Analyzer analyzer = parser.analyzer();

  @Test
  void printsMetricsOfEachVariant() throws IOException {
    DevelopmentSets found = DevelopmentSets.fromProperties();
    List<JudgedSet> sets = new ArrayList<>();
    sets.add(open("TIME", found.timeIndex(), found.time(), "time"));
    sets.add(open("topics", found.topicsIndex(), found.topics(), "reuters"));
    String only = System.getProperty("newsarchive.evalVariants", "");
    System.out.printf(
        Locale.ROOT, "%-60s %-22s %-22s%n", "variant", "TIME MAP/nDCG/P10", "topics MAP/nDCG/P10");
    try {
      for (Variant variant : variants()) {
        if (!only.isBlank() && Arrays.stream(only.split("\\|")).noneMatch(variant.name::contains)) {
          continue;
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-60s", variant.name));
        for (JudgedSet set : sets) {
          QueryMetrics mean = evaluate(variant.ranker, set);
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
    } finally {
      for (JudgedSet set : sets) {
        set.reader.close();
      }
    }
  }

  private static JudgedSet open(String name, Path index, Path set, String source)
      throws IOException {
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index));
    Map<String, String> queries = JudgedQueries.read(set.resolve("queries.tsv"));
    Qrels qrels = Qrels.read(set.resolve("qrels.txt"), doc -> Article.deriveId(source, doc, doc));
    return new JudgedSet(name, reader, queries, qrels);
  }

  private static QueryMetrics evaluate(Ranker ranker, JudgedSet set) throws IOException {
    List<QueryMetrics> all = new ArrayList<>();
    for (String id : set.qrels.queriesWithRelevant()) {
      String text = set.queries.get(id).toLowerCase(Locale.ROOT);
      List<ScoredDoc> run = RankingMetrics.trecOrder(ranker.rank(set.reader, text));
      all.add(RankingMetrics.score(run, set.qrels.judged(id)));
    }
    return QueryMetrics.mean(all);
  }

  private List<Variant> variants() {
    List<Variant> variants = new ArrayList<>();
    QueryBuilder served = (reader, text) -> parser.textQuery(text, MinimumMatch.ANY).query();
    Map<String, Supplier<Similarity>> similarities = similarities();
    similarities.forEach((name, similarity) ->
        variants.add(new Variant("served words, " + name, ranker(similarity, served))));
    Supplier<Similarity> kept = Ranking::similarity;
    Weighting same = new Weighting(0, 0, 1, Ranking.ORDERED_PAIR_WEIGHT);
    variants.add(new Variant("rebuilt words (as served)", ranker(kept, rebuilt(same))));
    for (int minWords : new int[] {6, 8}) {
      for (double power : new double[] {0.5, 1, 2}) {
        Weighting w = new Weighting(minWords, power, 1, Ranking.ORDERED_PAIR_WEIGHT);
        variants.add(
            new Variant("long >= " + minWords + ": idf share ^" + power, ranker(kept, rebuilt(w))));
      }
      for (double share : new double[] {0.03, 0.05, 0.1, 0.2}) {
        Weighting w = new Weighting(minWords, 0, share, Ranking.ORDERED_PAIR_WEIGHT);
        variants.add(
            new Variant("long >= " + minWords + ": drop df > " + share, ranker(kept, rebuilt(w))));
      }
      for (float pairs : new float[] {0.1f, 0.15f, 0.25f}) {
        Weighting w = new Weighting(minWords, 0, 1, pairs);
        variants.add(
            new Variant("long >= " + minWords + ": pairs x" + pairs, ranker(kept, rebuilt(w))));
      }
    }
    for (int minWords : new int[] {6, 8}) {
      for (double power : new double[] {-0.25, -0.5, -1}) {
        Weighting w = new Weighting(minWords, power, 1, Ranking.ORDERED_PAIR_WEIGHT);
        variants.add(
            new Variant("long >= " + minWords + ": idf share ^" + power, ranker(kept, rebuilt(w))));
      }
    }
    for (String name : List.of("DFR In_expB2 c 1.0", "LM Dirichlet mu 250", "DFR In_expB2 c 0.5")) {
      for (float pairs : new float[] {0f, 0.1f, 0.2f, 0.4f}) {
        Weighting w = new Weighting(0, 0, 1, pairs);
        variants.add(
            new Variant(
                "pairs x" + pairs + ", " + name, ranker(similarities.get(name), rebuilt(w))));
      }
    }
    for (double power : new double[] {-0.3, -0.2, -0.1, 0.1, 0.2, 0.3}) {
      variants.add(
          new Variant("length prior ^" + power + ", served", ranker(kept, prior(served, power))));
    }
    for (int lead : new int[] {25, 50, 100}) {
      for (float weight : new float[] {0.1f, 0.25f, 0.5f, 1f}) {
        variants.add(
            new Variant(
                "lead " + lead + " words x" + weight + ", served",
                ranker(kept, lead(served, lead, weight))));
      }
    }
    Ranker bm25 = ranker(kept, served);
    for (float mu : new float[] {250, 1000}) {
      Ranker lm = ranker(() -> new LMDirichletSimilarity(mu), served);
      for (int k : new int[] {10, 60}) {
        variants.add(new Variant("rrf k " + k + " served BM25 + LM mu " + mu, rrf(bm25, lm, k)));
      }
    }
    return variants;
  }

  private static Map<String, Supplier<Similarity>> similarities() {
    Map<String, Supplier<Similarity>> similarities = new java.util.LinkedHashMap<>();
    similarities.put("BM25 1.5/0.9 (kept)", Ranking::similarity);
    similarities.put("BM25 1.2/0.75", BM25Similarity::new);
    for (float delta : new float[] {0.5f, 1f}) {
      similarities.put("BM25+ 1.5/0.9 delta " + delta, () -> new Bm25Plus(1.5f, 0.9f, delta));
      similarities.put("BM25L 1.5/0.9 delta " + delta, () -> new Bm25L(1.5f, 0.9f, delta));
    }
    for (float mu : new float[] {100, 250, 500, 1000, 2000}) {
      similarities.put("LM Dirichlet mu " + (int) mu, () -> new LMDirichletSimilarity(mu));
    }
    for (float[] kb : new float[][] {{1.5f, 1f}, {2f, 1f}, {1.8f, 0.9f}, {2f, 0.9f}}) {
      similarities.put("BM25 " + kb[0] + "/" + kb[1], () -> new BM25Similarity(kb[0], kb[1]));
    }
    for (float c : new float[] {0.25f, 0.35f, 0.4f, 0.6f}) {
      similarities.put(
          "DFR In_expB2 c " + c,
          () -> new DFRSimilarity(new BasicModelIne(), new AfterEffectB(), new NormalizationH2(c)));
      similarities.put(
          "DFR InB2 c " + c,
          () -> new DFRSimilarity(new BasicModelIn(), new AfterEffectB(), new NormalizationH2(c)));
    }
    for (float c : new float[] {0.5f, 0.75f}) {
      similarities.put(
          "DFR InB2 c " + c,
          () -> new DFRSimilarity(new BasicModelIn(), new AfterEffectB(), new NormalizationH2(c)));
      similarities.put(
          "DFR In_expB2 c " + c,
          () -> new DFRSimilarity(new BasicModelIne(), new AfterEffectB(), new NormalizationH2(c)));
      similarities.put(
          "DFR IFB2 c " + c,
          () -> new DFRSimilarity(new BasicModelIF(), new AfterEffectB(), new NormalizationH2(c)));
    }
    for (float c : new float[] {1, 2, 4}) {
      similarities.put(
          "DFR In_expB2 c " + c,
          () -> new DFRSimilarity(new BasicModelIne(), new AfterEffectB(), new NormalizationH2(c)));
      similarities.put(
          "DFR InL2 c " + c,
          () -> new DFRSimilarity(new BasicModelIn(), new AfterEffectL(), new NormalizationH2(c)));
      similarities.put(
          "DFR In_expL2 c " + c,
          () -> new DFRSimilarity(new BasicModelIne(), new AfterEffectL(), new NormalizationH2(c)));
      similarities.put(
          "DFR IFB2 c " + c,
          () -> new DFRSimilarity(new BasicModelIF(), new AfterEffectB(), new NormalizationH2(c)));
      similarities.put(
          "DFR GL2 c " + c,
          () -> new DFRSimilarity(new BasicModelG(), new AfterEffectL(), new NormalizationH2(c)));
      similarities.put(
          "IB LL-DF-H2 c " + c,
          () -> new IBSimilarity(new DistributionLL(), new LambdaDF(), new NormalizationH2(c)));
      similarities.put(
          "IB LL-TTF-H2 c " + c,
          () -> new IBSimilarity(new DistributionLL(), new LambdaTTF(), new NormalizationH2(c)));
      similarities.put(
          "IB SPL-DF-H2 c " + c,
          () -> new IBSimilarity(new DistributionSPL(), new LambdaDF(), new NormalizationH2(c)));
    }
    for (float s : new float[] {0.1f, 0.25f, 0.5f}) {
      similarities.put("Axiomatic F2EXP s " + s, () -> new AxiomaticF2EXP(s, 0.35f));
      similarities.put("Axiomatic F2LOG s " + s, () -> new AxiomaticF2LOG(s));
    }
    return similarities;
  }

  private static Ranker ranker(Supplier<Similarity> similarity, QueryBuilder builder) {
    return (reader, text) -> {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setSimilarity(similarity.get());
      Query query = builder.build(reader, text);
      List<ScoredDoc> run = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query, RankingMetrics.DEPTH).scoreDocs) {
        run.add(
            new ScoredDoc(
                searcher.storedFields().document(hit.doc).get(ArticleFields.ID), hit.score));
      }
      return run;
    };
  }

  /**
   * The query of {@code base} plus, for each content word, its body occurrences among the first
   * {@code lead} words of the body, weighted {@code weight}: the lead of a news story names its
   * topic.
   */
  private QueryBuilder lead(QueryBuilder base, int lead, float weight) {
    return (reader, text) -> {
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      query.add(base.build(reader, text), Occur.MUST);
      for (String word : text.split("\\s+")) {
        if (word.isBlank() || Ranking.isQueryStopWord(word)) {
          continue;
        }
        for (String term : AnalysisVariantsBenchmark.terms(analyzer, BODY, word)) {
          query.add(
              new BoostQuery(
                  new org.apache.lucene.queries.spans.SpanFirstQuery(
                      new org.apache.lucene.queries.spans.SpanTermQuery(new Term(BODY, term)),
                      lead),
                  weight),
              Occur.SHOULD);
        }
      }
      return query.build();
    };
  }

  /**
   * Reciprocal rank fusion (Cormack et al., 2009) of two rankers' top {@link RankingMetrics#DEPTH}.
   */
  private static Ranker rrf(Ranker first, Ranker second, int k) {
    return (reader, text) -> {
      Map<String, Double> fused = new HashMap<>();
      for (Ranker ranker : List.of(first, second)) {
        List<ScoredDoc> run = RankingMetrics.trecOrder(ranker.rank(reader, text));
        for (int rank = 0; rank < run.size(); rank++) {
          fused.merge(run.get(rank).docId(), 1.0 / (k + rank + 1), Double::sum);
        }
      }
      List<ScoredDoc> run = new ArrayList<>();
      fused.forEach((doc, score) -> run.add(new ScoredDoc(doc, score)));
      run.sort((a, b) -> Double.compare(b.score(), a.score()));
      return run.subList(0, Math.min(RankingMetrics.DEPTH, run.size()));
    };
  }

  /**
   * The served shape of a plain any-word query (each content word in title and body, summed; word
   * pairs in title and body as extra score), with the weighting's rule applied to queries of at
   * least its number of content words.
   */
  private QueryBuilder rebuilt(Weighting weighting) {
    return (reader, text) -> {
      List<List<String>> words = new ArrayList<>();
      for (String word : text.split("\\s+")) {
        if (word.isBlank() || Ranking.isQueryStopWord(word)) {
          continue;
        }
        List<String> terms = AnalysisVariantsBenchmark.terms(analyzer, BODY, word);
        if (!terms.isEmpty()) {
          words.add(terms);
        }
      }
      boolean applies = words.size() >= weighting.minWords;
      int docs = reader.numDocs();
      List<Double> idf = new ArrayList<>();
      for (List<String> terms : words) {
        int df = reader.docFreq(new Term(BODY, terms.get(0)));
        idf.add(Math.log(1 + (docs - df + 0.5) / (df + 0.5)));
      }
      double meanIdf = idf.stream().mapToDouble(Double::doubleValue).average().orElse(1);
      BooleanQuery.Builder bag = new BooleanQuery.Builder();
      List<String> pairTerms = new ArrayList<>();
      for (int i = 0; i < words.size(); i++) {
        List<String> terms = words.get(i);
        int df = reader.docFreq(new Term(BODY, terms.get(0)));
        if (applies && df > weighting.maxDfShare * docs) {
          continue;
        }
        float weight = applies ? (float) Math.pow(idf.get(i) / meanIdf, weighting.idfPower) : 1f;
        BooleanQuery.Builder word = new BooleanQuery.Builder();
        for (String term : terms) {
          word.add(new TermQuery(new Term(TITLE, term)), Occur.SHOULD);
          word.add(new TermQuery(new Term(BODY, term)), Occur.SHOULD);
        }
        bag.add(new BoostQuery(word.build(), weight), Occur.SHOULD);
        pairTerms.addAll(terms);
      }
      float pairs = applies ? weighting.pairWeight : Ranking.ORDERED_PAIR_WEIGHT;
      return withPairs(bag.build(), pairTerms, pairs);
    };
  }

  /** {@code builder}'s query with each score times (body length / mean body length)^power. */
  private static QueryBuilder prior(QueryBuilder builder, double power) {
    return (reader, text) -> {
      double mean =
          (double) reader.getSumTotalTermFreq(BODY) / Math.max(1, reader.getDocCount(BODY));
      return FunctionScoreQuery.boostByValue(
          builder.build(reader, text), new LengthPrior(mean, power));
    };
  }

  /** (body length / {@code mean})^{@code power}, the length decoded from the body's norms. */
  private static final class LengthPrior extends DoubleValuesSource {
    private final double mean;
    private final double power;

    LengthPrior(double mean, double power) {
      this.mean = mean;
      this.power = power;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
      NumericDocValues norms = ctx.reader().getNormValues(BODY);
      return new DoubleValues() {
        private double value;

        @Override
        public double doubleValue() {
          return value;
        }

        @Override
        public boolean advanceExact(int doc) throws IOException {
          int length = 1;
          if (norms != null && norms.advanceExact(doc)) {
            length = Math.max(1, SmallFloat.byte4ToInt((byte) norms.longValue()));
          }
          value = Math.pow(length / mean, power);
          return true;
        }
      };
    }

    @Override
    public boolean needsScores() {
      return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
      return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
      return false;
    }

    @Override
    public int hashCode() {
      return Double.hashCode(mean) * 31 + Double.hashCode(power);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof LengthPrior p && p.mean == mean && p.power == power;
    }

    @Override
    public String toString() {
      return "length prior ^" + power;
    }
  }

  /** {@code Ranking.withProximity} with the weight of both kinds of pairs as a parameter. */
  private static Query withPairs(Query words, List<String> terms, float weight) {
    return Ranking.withProximity(words, terms, weight, weight);
  }

  /** BM25's idf as Lucene computes it. */
  private static double idf(BasicStats stats) {
    double docs = stats.getNumberOfDocuments();
    double df = stats.getDocFreq();
    return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
  }

  /** BM25+ (Lv and Zhai, 2011): BM25 with a floor {@code delta} for any occurrence. */
  private static final class Bm25Plus extends SimilarityBase {
    private final double k1;
    private final double b;
    private final double delta;

    Bm25Plus(double k1, double b, double delta) {
      this.k1 = k1;
      this.b = b;
      this.delta = delta;
    }

    @Override
    protected double score(BasicStats stats, double freq, double docLen) {
      double norm = k1 * (1 - b + b * docLen / stats.getAvgFieldLength());
      return stats.getBoost() * idf(stats) * ((k1 + 1) * freq / (norm + freq) + delta);
    }

    @Override
    public String toString() {
      return "BM25+";
    }
  }

  /** BM25L (Lv and Zhai, 2011): the length-normalized frequency shifted by {@code delta}. */
  private static final class Bm25L extends SimilarityBase {
    private final double k1;
    private final double b;
    private final double delta;

    Bm25L(double k1, double b, double delta) {
      this.k1 = k1;
      this.b = b;
      this.delta = delta;
    }

    @Override
    protected double score(BasicStats stats, double freq, double docLen) {
      double ctd = freq / (1 - b + b * docLen / stats.getAvgFieldLength()) + delta;
      return stats.getBoost() * idf(stats) * (k1 + 1) * ctd / (k1 + ctd);
    }

    @Override
    public String toString() {
      return "BM25L";
    }
  }
}
