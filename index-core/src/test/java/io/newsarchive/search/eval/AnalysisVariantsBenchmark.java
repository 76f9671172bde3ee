package io.newsarchive.search.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsarchive.article.Article;
import io.newsarchive.ingest.IngestListener;
import io.newsarchive.ingest.Rejection;
import io.newsarchive.ingest.SmartCollectionReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.AfterEffectB;
import org.apache.lucene.search.similarities.AfterEffectL;
import org.apache.lucene.search.similarities.AxiomaticF2EXP;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.BasicModelG;
import org.apache.lucene.search.similarities.BasicModelIF;
import org.apache.lucene.search.similarities.BasicModelIn;
import org.apache.lucene.search.similarities.BasicModelIne;
import org.apache.lucene.search.similarities.DFRSimilarity;
import org.apache.lucene.search.similarities.DistributionLL;
import org.apache.lucene.search.similarities.DistributionSPL;
import org.apache.lucene.search.similarities.IBSimilarity;
import org.apache.lucene.search.similarities.LMDirichletSimilarity;
import org.apache.lucene.search.similarities.LambdaDF;
import org.apache.lucene.search.similarities.NormalizationH2;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * Prints MAP, nDCG@10, P@10, R@1000, zero-hit queries and milliseconds per query of analysis,
 * similarity, proximity and feedback variants on a SMART test collection, each indexed into memory
 * from the collection's own file (no titles: one body field). Not part of the default test run; run
 * it with {@code ./mvnw -pl index-core test -Dtest=AnalysisVariantsBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dnewsarchive.evalSet=../shared/corpora/time-ir-1963}
 * and, to run only the variants whose name contains a string, {@code
 * -Dnewsarchive.evalVariants=STRING} (alternatives separated by {@code |}).
 */
class AnalysisVariantsBenchmark {

  private static final String BODY = "body";
  private static final String ID = "id";

  /** How words become index terms: the stemmer, after standard tokens and lower case. */
  enum Stemming {
    PORTER,
    PORTER_NO_POSSESSIVE,
    SNOWBALL_ENGLISH,
    KSTEM,
    MINIMAL,
    NONE
  }

  /** Which words a query drops before it is analyzed. */
  enum StopList {
    /** Lucene's {@link EnglishAnalyzer#ENGLISH_STOP_WORDS_SET}, 33 words (today's query list). */
    LUCENE_33,
    /** Snowball's English list shipped in Lucene's analysis-common, 174 words. */
    SNOWBALL_174,
    /** The collection's own list ({@code TIME.STP}, 680 words, SMART-style). */
    COLLECTION
  }

  /** Sequential dependence: weights of the words, ordered pairs (#1) and unordered pairs (#uw8). */
  record Dependence(float unigram, float ordered, float unordered) {
    static final Dependence NONE = new Dependence(1, 0, 0);
  }

  /** RM3 feedback: documents, expansion terms, weight of the original query. */
  record Feedback(int docs, int terms, float original) {}

  /** One complete ranking setup. */
  record Setup(
      String name,
      Stemming stemming,
      StopList stop,
      Supplier<Similarity> similarity,
      Dependence dependence,
      Optional<Feedback> feedback) {}

  private Map<String, String> queries;
  private Qrels qrels;
  private CharArraySet collectionStop;
  private final Map<Stemming, Directory> indexes = new HashMap<>();

  @Test
  void printsMetricsOfEachSetup() throws IOException {
    String setDir = System.getProperty("newsarchive.evalSet", "");
    assumeTrue(!setDir.isBlank(), "needs -Dnewsarchive.evalSet");
    Path set = Path.of(setDir);
    queries = JudgedQueries.read(set.resolve("queries.tsv"));
    qrels = Qrels.read(set.resolve("qrels.txt"), doc -> doc.contains("-") ? doc : "time-" + doc);
    collectionStop = readStop(set.resolve("TIME.STP"));
    List<Article> articles = read(set.resolve("TIME.ALL"));

    String only = System.getProperty("newsarchive.evalVariants", "");
    System.out.printf(
        Locale.ROOT,
        "%-78s %7s %7s %7s %7s %4s %6s%n",
        "setup",
        "MAP",
        "nDCG@10",
        "P@10",
        "R@1000",
        "zero",
        "ms/q");
    boolean warmed = false;
    for (Setup setup : setups()) {
      if (!only.isBlank() && Arrays.stream(only.split("\\|")).noneMatch(setup.name::contains)) {
        continue;
      }
      Directory index = indexes.computeIfAbsent(setup.stemming, s -> build(articles, s));
      try (DirectoryReader reader = DirectoryReader.open(index)) {
        if (!warmed) {
          run(setup, reader);
          warmed = true;
        }
        run(setup, reader);
      }
    }
  }

  private List<Setup> setups() {
    List<Setup> setups = new ArrayList<>();
    Supplier<Similarity> bm25 = BM25Similarity::new;
    for (Stemming stemming : Stemming.values()) {
      for (StopList stop : StopList.values()) {
        setups.add(
            plain(
                "analysis " + stemming + ", query stop " + stop + ", BM25 1.2/0.75",
                stemming,
                stop,
                bm25));
      }
    }
    Map<String, Supplier<Similarity>> similarities = new LinkedHashMap<>();
    for (float k1 : new float[] {0.9f, 1.2f, 1.5f, 2.0f}) {
      for (float b : new float[] {0.4f, 0.6f, 0.75f, 0.9f}) {
        similarities.put("BM25 " + k1 + "/" + b, () -> new BM25Similarity(k1, b));
      }
    }
    for (float mu : new float[] {100, 250, 500, 1000, 1500, 2500}) {
      similarities.put("QL Dirichlet mu " + (int) mu, () -> new LMDirichletSimilarity(mu));
    }
    similarities.put(
        "DFR In_expB2",
        () -> new DFRSimilarity(new BasicModelIne(), new AfterEffectB(), new NormalizationH2()));
    similarities.put(
        "DFR InB2",
        () -> new DFRSimilarity(new BasicModelIn(), new AfterEffectB(), new NormalizationH2()));
    similarities.put(
        "DFR GL2",
        () -> new DFRSimilarity(new BasicModelG(), new AfterEffectL(), new NormalizationH2()));
    similarities.put(
        "DFR IFB2",
        () -> new DFRSimilarity(new BasicModelIF(), new AfterEffectB(), new NormalizationH2()));
    similarities.put(
        "IB LL-DF-H2",
        () -> new IBSimilarity(new DistributionLL(), new LambdaDF(), new NormalizationH2()));
    similarities.put(
        "IB SPL-DF-H2",
        () -> new IBSimilarity(new DistributionSPL(), new LambdaDF(), new NormalizationH2()));
    for (float s : new float[] {0.2f, 0.5f}) {
      similarities.put("Axiomatic F2EXP s " + s, () -> new AxiomaticF2EXP(s, 0.35f));
    }
    for (Stemming stemming : List.of(Stemming.PORTER, Stemming.KSTEM)) {
      for (StopList stop : List.of(StopList.LUCENE_33, StopList.SNOWBALL_174)) {
        similarities.forEach((name, similarity) ->
            setups.add(
                plain(
                    "similarity " + name + ", " + stemming + ", " + stop,
                    stemming,
                    stop,
                    similarity)));
      }
    }
    for (float[] w :
        new float[][] {
          {0.85f, 0.1f, 0.05f},
          {0.9f, 0.05f, 0.05f},
          {0.8f, 0.1f, 0.1f},
          {0.7f, 0.2f, 0.1f},
          {0.85f, 0.15f, 0f},
          {0.85f, 0f, 0.15f}
        }) {
      Dependence sdm = new Dependence(w[0], w[1], w[2]);
      bases()
          .forEach((name, similarity) ->
              setups.add(
                  new Setup(
                      "sdm " + w[0] + "/" + w[1] + "/" + w[2] + ", PORTER, SNOWBALL_174, " + name,
                      Stemming.PORTER,
                      StopList.SNOWBALL_174,
                      similarity,
                      sdm,
                      Optional.empty())));
    }
    for (int docs : new int[] {3, 5, 10}) {
      for (int terms : new int[] {10, 20, 40}) {
        for (float original : new float[] {0.3f, 0.5f, 0.7f}) {
          setups.add(
              new Setup(
                  "rm3 "
                      + docs
                      + "/"
                      + terms
                      + "/"
                      + original
                      + ", PORTER, SNOWBALL_174, BM25 1.5/0.9",
                  Stemming.PORTER,
                  StopList.SNOWBALL_174,
                  () -> new BM25Similarity(1.5f, 0.9f),
                  Dependence.NONE,
                  Optional.of(new Feedback(docs, terms, original))));
        }
      }
    }
    for (StopList stop : List.of(StopList.SNOWBALL_174, StopList.COLLECTION)) {
      for (float[] w : new float[][] {{1f, 0f, 0f}, {0.9f, 0.05f, 0.05f}, {0.85f, 0.1f, 0.05f}}) {
        for (float[] kb : new float[][] {{1.2f, 0.9f}, {1.5f, 0.9f}, {1.8f, 0.9f}, {1.5f, 1f}}) {
          setups.add(
              new Setup(
                  "final sdm "
                      + w[0]
                      + "/"
                      + w[1]
                      + "/"
                      + w[2]
                      + ", PORTER, "
                      + stop
                      + ", BM25 "
                      + kb[0]
                      + "/"
                      + kb[1],
                  Stemming.PORTER,
                  stop,
                  () -> new BM25Similarity(kb[0], kb[1]),
                  new Dependence(w[0], w[1], w[2]),
                  Optional.empty()));
        }
      }
    }
    Dependence sdm = new Dependence(0.9f, 0.05f, 0.05f);
    for (StopList stop : List.of(StopList.SNOWBALL_174, StopList.COLLECTION)) {
      for (int docs : new int[] {3, 5}) {
        for (int terms : new int[] {20, 40, 60}) {
          for (float original : new float[] {0.6f, 0.7f, 0.8f}) {
            setups.add(
                new Setup(
                    "combo sdm 0.9/0.05/0.05 + rm3 "
                        + docs
                        + "/"
                        + terms
                        + "/"
                        + original
                        + ", PORTER, "
                        + stop
                        + ", BM25 1.5/0.9",
                    Stemming.PORTER,
                    stop,
                    () -> new BM25Similarity(1.5f, 0.9f),
                    sdm,
                    Optional.of(new Feedback(docs, terms, original))));
          }
        }
      }
    }
    return setups;
  }

  /** The base similarities that feedback and proximity are tried on. */
  private static Map<String, Supplier<Similarity>> bases() {
    Map<String, Supplier<Similarity>> bases = new LinkedHashMap<>();
    bases.put("BM25 1.2/0.75", BM25Similarity::new);
    bases.put("BM25 1.5/0.9", () -> new BM25Similarity(1.5f, 0.9f));
    bases.put(
        "DFR In_expB2",
        () -> new DFRSimilarity(new BasicModelIne(), new AfterEffectB(), new NormalizationH2()));
    bases.put("QL Dirichlet mu 250", () -> new LMDirichletSimilarity(250));
    return bases;
  }

  private static Setup plain(
      String name, Stemming stemming, StopList stop, Supplier<Similarity> similarity) {
    return new Setup(name, stemming, stop, similarity, Dependence.NONE, Optional.empty());
  }

  private void run(Setup setup, DirectoryReader reader) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setSimilarity(setup.similarity.get());
    Analyzer analyzer = analyzer(setup.stemming, stop(setup.stop));
    List<QueryMetrics> all = new ArrayList<>();
    int zero = 0;
    long nanos = 0;
    for (String id : qrels.queriesWithRelevant()) {
      long start = System.nanoTime();
      List<String> terms = terms(analyzer, queries.get(id).toLowerCase(Locale.ROOT));
      Query query = query(words(terms), terms, setup.dependence);
      if (setup.feedback.isPresent()) {
        Query expanded = rm3(searcher, analyzer, terms, query, setup.feedback.get());
        query = query(expanded, terms, setup.dependence);
      }
      ScoreDoc[] hits = searcher.search(query, RankingMetrics.DEPTH).scoreDocs;
      nanos += System.nanoTime() - start;
      List<ScoredDoc> run = new ArrayList<>();
      for (ScoreDoc hit : hits) {
        run.add(new ScoredDoc(searcher.storedFields().document(hit.doc).get(ID), hit.score));
      }
      zero += run.isEmpty() ? 1 : 0;
      all.add(RankingMetrics.score(run, qrels.judged(id)));
    }
    QueryMetrics mean = QueryMetrics.mean(all);
    System.out.printf(
        Locale.ROOT,
        "%-78s %7.4f %7.4f %7.4f %7.4f %4d %6.2f%n",
        setup.name,
        mean.averagePrecision(),
        mean.ndcgAt10(),
        mean.precisionAt10(),
        mean.recallAt1000(),
        zero,
        nanos / 1e6 / all.size());
  }

  /** The words OR'ed; a word twice in the query counts twice. */
  private static Query words(List<String> terms) {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    for (String term : terms) {
      words.add(new TermQuery(new Term(BODY, term)), Occur.SHOULD);
    }
    return words.build();
  }

  /** A bag of words (the query's own or expanded) plus the query's sequential-dependence pairs. */
  private static Query query(Query words, List<String> terms, Dependence dependence) {
    if (dependence.ordered == 0 && dependence.unordered == 0 || terms.size() < 2) {
      return words;
    }
    BooleanQuery.Builder ordered = new BooleanQuery.Builder();
    BooleanQuery.Builder unordered = new BooleanQuery.Builder();
    for (int i = 0; i + 1 < terms.size(); i++) {
      SpanQuery[] pair = {
        new SpanTermQuery(new Term(BODY, terms.get(i))),
        new SpanTermQuery(new Term(BODY, terms.get(i + 1)))
      };
      // Slop 1 lets an index-time stop word sit between the two (as Anserini's SDM does).
      ordered.add(new SpanNearQuery(pair, 1, true), Occur.SHOULD);
      unordered.add(new SpanNearQuery(pair, 8, false), Occur.SHOULD);
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    all.add(new BoostQuery(words, dependence.unigram), Occur.SHOULD);
    if (dependence.ordered > 0) {
      all.add(new BoostQuery(ordered.build(), dependence.ordered), Occur.SHOULD);
    }
    if (dependence.unordered > 0) {
      all.add(new BoostQuery(unordered.build(), dependence.unordered), Occur.SHOULD);
    }
    return all.build();
  }

  /**
   * RM3 as Anserini builds it: each top document's term distribution weighted by the document's
   * share of the top scores, the best terms (no stop words, no numbers) L1-normalized and mixed
   * with the L1-normalized original terms at {@code original}.
   */
  private static Query rm3(
      IndexSearcher searcher, Analyzer analyzer, List<String> own, Query first, Feedback feedback)
      throws IOException {
    ScoreDoc[] top = searcher.search(first, feedback.docs).scoreDocs;
    double total = 0;
    for (ScoreDoc hit : top) {
      total += hit.score;
    }
    Map<String, Double> model = new HashMap<>();
    for (ScoreDoc hit : top) {
      String body = searcher.storedFields().document(hit.doc).get(BODY);
      List<String> terms = terms(analyzer, body.toLowerCase(Locale.ROOT));
      double share = hit.score / total;
      for (String term : terms) {
        if (term.length() > 1 && !term.chars().allMatch(Character::isDigit)) {
          model.merge(term, share / terms.size(), Double::sum);
        }
      }
    }
    List<Map.Entry<String, Double>> best = new ArrayList<>(model.entrySet());
    best.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    best = best.subList(0, Math.min(feedback.terms, best.size()));
    double sum = best.stream().mapToDouble(Map.Entry::getValue).sum();
    Map<String, Double> weights = new HashMap<>();
    for (String term : own) {
      weights.merge(term, (double) feedback.original / own.size(), Double::sum);
    }
    for (Map.Entry<String, Double> e : best) {
      weights.merge(e.getKey(), (1 - feedback.original) * e.getValue() / sum, Double::sum);
    }
    BooleanQuery.Builder expanded = new BooleanQuery.Builder();
    weights.forEach((term, weight) ->
        expanded.add(
            new BoostQuery(new TermQuery(new Term(BODY, term)), weight.floatValue()),
            Occur.SHOULD));
    return expanded.build();
  }

  private CharArraySet stop(StopList list) {
    return switch (list) {
      case LUCENE_33 -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
      case SNOWBALL_174 -> snowballStop();
      case COLLECTION -> collectionStop;
    };
  }

  private static CharArraySet snowballStop() {
    try (Reader in =
        new InputStreamReader(
            SnowballFilter.class.getResourceAsStream("english_stop.txt"), StandardCharsets.UTF_8)) {
      return WordlistLoader.getSnowballWordSet(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Standard tokens, lower case, stop words, then the stemmer (the order of EnglishAnalyzer). */
  static Analyzer analyzer(Stemming stemming, CharArraySet stop) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = source;
        if (stemming != Stemming.PORTER_NO_POSSESSIVE) {
          stream = new EnglishPossessiveFilter(stream);
        }
        stream = new StopFilter(new LowerCaseFilter(stream), stop);
        stream =
            switch (stemming) {
              case PORTER, PORTER_NO_POSSESSIVE -> new PorterStemFilter(stream);
              case SNOWBALL_ENGLISH -> new SnowballFilter(stream, "English");
              case KSTEM -> new KStemFilter(stream);
              case MINIMAL -> new EnglishMinimalStemFilter(stream);
              case NONE -> stream;
            };
        return new TokenStreamComponents(source, stream);
      }
    };
  }

  /** Today's index-time stop list (Lucene's 33 words) for every stemmer. */
  private static Directory build(List<Article> articles, Stemming stemming) {
    Directory dir = new ByteBuffersDirectory();
    IndexWriterConfig config =
        new IndexWriterConfig(analyzer(stemming, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
    try (IndexWriter writer = new IndexWriter(dir, config)) {
      for (Article article : articles) {
        Document doc = new Document();
        doc.add(new StringField(ID, article.id(), Field.Store.YES));
        doc.add(new TextField(BODY, article.body(), Field.Store.YES));
        writer.addDocument(doc);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return dir;
  }

  private static List<Article> read(Path file) throws IOException {
    List<Article> articles = new ArrayList<>();
    IngestListener strict =
        new IngestListener() {
          @Override
          public void rejected(Rejection rejection) {
            throw new IllegalStateException(rejection.toString());
          }

          @Override
          public void warned(Rejection warning) {}
        };
    try (SmartCollectionReader reader = SmartCollectionReader.open(file, strict)) {
      for (Optional<Article> a = reader.next(); a.isPresent(); a = reader.next()) {
        articles.add(a.get());
      }
    }
    return articles;
  }

  static List<String> terms(Analyzer analyzer, String text) {
    return terms(analyzer, BODY, text);
  }

  /** The terms {@code analyzer} makes of {@code text} in {@code field}. */
  static List<String> terms(Analyzer analyzer, String field, String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return terms;
  }

  private static CharArraySet readStop(Path file) throws IOException {
    CharArraySet words = new CharArraySet(700, true);
    for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
      if (!line.isBlank()) {
        words.add(line.strip().toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }
}
