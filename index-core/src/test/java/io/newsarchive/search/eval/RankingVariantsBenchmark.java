package io.newsarchive.search.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsarchive.article.EntityType;
import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

/**
 * Prints MAP, nDCG@10, P@10, R@1000 and zero-hit queries of ranking variants on an index of a
 * judged collection, each built as a Lucene query over the index's fields. Not part of the default
 * test run; run it on an index built with {@code newsarchive index} with {@code ./mvnw -pl
 * index-core test -Dtest=RankingVariantsBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dnewsarchive.evalIndex=DIR -Dnewsarchive.evalSet=../shared/corpora/time-ir-1963}.
 */
class RankingVariantsBenchmark {

  private static final String TITLE = ArticleFields.TITLE;
  private static final String BODY = ArticleFields.BODY;
  private static final List<String> ENTITY_FIELDS =
      List.of(
          ArticleFields.entityTextField(EntityType.PERSON),
          ArticleFields.entityTextField(EntityType.ORGANIZATION),
          ArticleFields.entityTextField(EntityType.LOCATION));

  private final Analyzer analyzer = ArticleFields.queryAnalyzer();

  /** One way of scoring: how a query's words become a Lucene query, and BM25's parameters. */
  private record Variant(String name, Expansion query, float k1, float b) {}

  /** Builds the query of a variant's words; feedback variants search first. */
  private interface Expansion {
    Query build(IndexSearcher searcher, List<String> words) throws IOException;
  }

  /** Words of one query and how many of them must match. */
  private record Shape(Map<String, Float> fields, boolean combined, String mm, float proximity) {}

  @Test
  void printsMetricsOfEachVariant() throws IOException {
    String indexDir = System.getProperty("newsarchive.evalIndex", "");
    String setDir = System.getProperty("newsarchive.evalSet", "");
    assumeTrue(!indexDir.isBlank() && !setDir.isBlank(), "needs -Dnewsarchive.evalIndex/evalSet");
    Path set = Path.of(setDir);
    Map<String, String> queries = JudgedQueries.read(set.resolve("queries.tsv"));
    String source = System.getProperty("newsarchive.evalSource", "time");
    Qrels qrels =
        Qrels.read(set.resolve("qrels.txt"), doc -> doc.contains("-") ? doc : source + "-" + doc);
    Set<String> stop = stopWords(set.resolve("TIME.STP"));

    String only = System.getProperty("newsarchive.evalVariants", "");
    List<Variant> variants =
        variants().stream().filter(v -> only.isBlank() || matches(v.name, only)).toList();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(indexDir)))) {
      System.out.printf(
          Locale.ROOT,
          "%-58s %7s %7s %7s %7s %5s%n",
          "variant",
          "MAP",
          "nDCG@10",
          "P@10",
          "R@1000",
          "zero");
      for (Variant variant : variants) {
        print(variant, reader, queries, qrels, Set.of());
      }
      List<Variant> stopped =
          stop.isEmpty() ? List.of() : only.isBlank() ? variants.subList(0, 3) : variants;
      for (Variant variant : stopped) {
        print(
            new Variant(
                variant.name + " + TIME.STP stop words", variant.query, variant.k1, variant.b),
            reader,
            queries,
            qrels,
            stop);
      }
    }
  }

  private void print(
      Variant variant,
      DirectoryReader reader,
      Map<String, String> queries,
      Qrels qrels,
      Set<String> stop)
      throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new BM25Similarity(variant.k1, variant.b));
    List<QueryMetrics> all = new ArrayList<>();
    int zero = 0;
    for (String id : qrels.queriesWithRelevant()) {
      List<String> words = new ArrayList<>();
      for (String word : queries.get(id).toLowerCase(Locale.ROOT).split("\\s+")) {
        if (!word.isBlank() && !stop.contains(word)) {
          words.add(word);
        }
      }
      Query query = variant.query.build(searcher, words);
      List<ScoredDoc> run = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query, RankingMetrics.DEPTH).scoreDocs) {
        String doc = searcher.storedFields().document(hit.doc).get(ArticleFields.ID);
        run.add(new ScoredDoc(doc, hit.score));
      }
      zero += run.isEmpty() ? 1 : 0;
      all.add(RankingMetrics.score(run, qrels.judged(id)));
    }
    QueryMetrics mean = QueryMetrics.mean(all);
    System.out.printf(
        Locale.ROOT,
        "%-58s %7.4f %7.4f %7.4f %7.4f %5d%n",
        variant.name,
        mean.averagePrecision(),
        mean.ndcgAt10(),
        mean.precisionAt10(),
        mean.recallAt1000(),
        zero);
  }

  private List<Variant> variants() {
    Map<String, Float> served = new LinkedHashMap<>();
    served.put(TITLE, 3f);
    served.put(BODY, 1f);
    ENTITY_FIELDS.forEach(f -> served.put(f, 2f));
    Map<String, Float> bodyOnly = Map.of(BODY, 1f);
    Map<String, Float> titleBody = new LinkedHashMap<>(Map.of(TITLE, 1.5f, BODY, 1f));
    List<Variant> variants = new ArrayList<>();
    variants.add(
        variant("served: summed fields, title 3, entities 2, AND", served, false, "100%", 0));
    variants.add(variant("served fields, OR", served, false, "1", 0));
    variants.add(variant("body only, OR (one-field BM25)", bodyOnly, false, "1", 0));
    for (float title : new float[] {1f, 1.5f, 2f, 3f}) {
      variants.add(
          variant("summed title " + title + " + body, OR", weights(title, 0), false, "1", 0));
      variants.add(
          variant("BM25F title " + title + " + body, OR", weights(title, 0), true, "1", 0));
    }
    for (float title : new float[] {1f, 1.5f, 2f, 3f}) {
      for (float entity : new float[] {0.1f, 0.25f}) {
        variants.add(
            variant(
                "summed title " + title + " + body, entities " + entity + ", OR",
                weights(title, entity),
                false,
                "1",
                0));
      }
    }
    for (float entity : new float[] {0.1f, 0.25f, 0.5f, 1f, 2f}) {
      variants.add(
          variant(
              "BM25F title 1.5 + body, entities " + entity + ", OR",
              weights(1.5f, entity),
              true,
              "1",
              0));
    }
    for (String mm : new String[] {"25%", "40%", "50%", "2<75%"}) {
      variants.add(variant("BM25F title 1.5 + body, mm " + mm, titleBody, true, mm, 0));
    }
    for (float proximity : new float[] {0.1f, 0.2f, 0.3f, 0.5f}) {
      variants.add(
          variant(
              "BM25F title 1.5 + body, OR, pairs slop 8 x " + proximity,
              titleBody,
              true,
              "1",
              proximity));
    }
    for (float k1 : new float[] {0.6f, 0.9f, 1.2f, 1.5f, 2.0f}) {
      for (float b : new float[] {0.3f, 0.5f, 0.75f, 0.9f}) {
        Shape shape = new Shape(titleBody, true, "1", 0);
        variants.add(
            new Variant(
                "BM25F title 1.5 + body, OR, k1 " + k1 + " b " + b,
                (searcher, words) -> build(words, shape),
                k1,
                b));
      }
    }
    Shape plain = new Shape(titleBody, true, "1", 0);
    Shape pairs = new Shape(titleBody, true, "1", 0.5f);
    for (int docs : new int[] {5, 10}) {
      for (float original : new float[] {0.5f, 0.7f}) {
        String name = "rm3 " + docs + " docs, 10 terms, original " + original;
        variants.add(new Variant(name + ", OR", rm3(plain, docs, 10, original), 1.2f, 0.75f));
        variants.add(
            new Variant(name + ", OR, k1 2.0 b 0.9", rm3(plain, docs, 10, original), 2.0f, 0.9f));
        variants.add(
            new Variant(name + ", OR, pairs 0.5", rm3(pairs, docs, 10, original), 1.2f, 0.75f));
      }
    }
    variants.add(
        new Variant(
            "best: BM25F, OR, pairs 0.5, k1 2.0 b 0.9", (s, w) -> build(w, pairs), 2.0f, 0.9f));
    for (float k1 : new float[] {2.0f, 2.5f, 3.0f}) {
      for (float b : new float[] {0.9f, 1.0f}) {
        variants.add(
            new Variant(
                "combo: BM25F, OR, pairs 0.5, k1 " + k1 + " b " + b,
                (searcher, words) -> build(words, pairs),
                k1,
                b));
      }
    }
    return variants;
  }

  /**
   * RM3 pseudo-relevance feedback as Anserini does it: the top {@code docs} hits' body terms,
   * weighted by their frequency in each document times the document's share of the top scores, the
   * best {@code terms} of them mixed with the query's own terms at {@code original}.
   */
  private Expansion rm3(Shape shape, int docs, int terms, float original) {
    Analyzer index = ArticleFields.analyzer();
    return (searcher, words) -> {
      Query first = build(words, shape);
      ScoreDoc[] top = searcher.search(first, docs).scoreDocs;
      double total = 0;
      for (ScoreDoc hit : top) {
        total += hit.score;
      }
      Map<String, Double> feedback = new HashMap<>();
      for (ScoreDoc hit : top) {
        String body = searcher.storedFields().document(hit.doc).get(BODY);
        Map<String, Integer> tf = new HashMap<>();
        int length = 0;
        try (TokenStream stream = index.tokenStream(BODY, body == null ? "" : body)) {
          CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
          stream.reset();
          while (stream.incrementToken()) {
            tf.merge(term.toString(), 1, Integer::sum);
            length++;
          }
          stream.end();
        }
        double share = hit.score / total;
        int n = length;
        tf.forEach((t, f) -> {
          if (t.length() > 1 && !t.chars().allMatch(Character::isDigit)) {
            feedback.merge(t, share * f / n, Double::sum);
          }
        });
      }
      List<Map.Entry<String, Double>> best = new ArrayList<>(feedback.entrySet());
      best.sort(Map.Entry.<String, Double>comparingByValue().reversed());
      best = best.subList(0, Math.min(terms, best.size()));
      double sum = best.stream().mapToDouble(Map.Entry::getValue).sum();
      Map<String, Double> weights = new HashMap<>();
      List<String> own = new ArrayList<>();
      for (String word : words) {
        own.addAll(terms(BODY, word));
      }
      for (String t : own) {
        weights.merge(t, (double) original / own.size(), Double::sum);
      }
      for (Map.Entry<String, Double> e : best) {
        weights.merge(e.getKey(), (1 - original) * e.getValue() / sum, Double::sum);
      }
      BooleanQuery.Builder expanded = new BooleanQuery.Builder();
      weights.forEach((t, w) -> {
        CombinedFieldQuery.Builder combined = new CombinedFieldQuery.Builder(t);
        combined.addField(BODY, 1f).addField(TITLE, 1.5f);
        expanded.add(new BoostQuery(combined.build(), w.floatValue()), Occur.SHOULD);
      });
      return expanded.build();
    };
  }

  private static Map<String, Float> weights(float title, float entity) {
    Map<String, Float> weights = new LinkedHashMap<>();
    weights.put(TITLE, title);
    weights.put(BODY, 1f);
    if (entity > 0) {
      ENTITY_FIELDS.forEach(f -> weights.put(f, entity));
    }
    return weights;
  }

  private Variant variant(
      String name, Map<String, Float> fields, boolean combined, String mm, float proximity) {
    Shape shape = new Shape(fields, combined, mm, proximity);
    return new Variant(name, (searcher, words) -> build(words, shape), 1.2f, 0.75f);
  }

  /** One clause per query word (its fields summed, or title and body combined as BM25F). */
  private Query build(List<String> words, Shape shape) {
    BooleanQuery.Builder top = new BooleanQuery.Builder();
    int clauses = 0;
    List<String> bodyTerms = new ArrayList<>();
    for (String word : words) {
      BooleanQuery.Builder perWord = new BooleanQuery.Builder();
      boolean any = false;
      if (shape.combined && shape.fields.containsKey(BODY)) {
        for (String term : terms(BODY, word)) {
          CombinedFieldQuery.Builder combined = new CombinedFieldQuery.Builder(term);
          combined.addField(BODY, shape.fields.get(BODY));
          if (shape.fields.containsKey(TITLE)) {
            combined.addField(TITLE, shape.fields.get(TITLE));
          }
          perWord.add(combined.build(), Occur.SHOULD);
          bodyTerms.add(term);
          any = true;
        }
      }
      for (Map.Entry<String, Float> field : shape.fields.entrySet()) {
        if (shape.combined && (field.getKey().equals(BODY) || field.getKey().equals(TITLE))) {
          continue;
        }
        for (String term : terms(field.getKey(), word)) {
          Query q = new TermQuery(new Term(field.getKey(), term));
          perWord.add(new BoostQuery(q, field.getValue()), Occur.SHOULD);
          if (field.getKey().equals(BODY)) {
            bodyTerms.add(term);
          }
          any = true;
        }
      }
      if (any) {
        top.add(perWord.build(), Occur.SHOULD);
        clauses++;
      }
    }
    top.setMinimumNumberShouldMatch(minimum(shape.mm, clauses));
    Query bag = top.build();
    if (shape.proximity <= 0 || bodyTerms.size() < 2) {
      return bag;
    }
    BooleanQuery.Builder withPairs = new BooleanQuery.Builder().add(bag, Occur.MUST);
    for (int i = 0; i + 1 < bodyTerms.size(); i++) {
      Query pair = new PhraseQuery(8, BODY, bodyTerms.get(i), bodyTerms.get(i + 1));
      withPairs.add(new BoostQuery(pair, shape.proximity), Occur.SHOULD);
    }
    return withPairs.build();
  }

  /** Solr-style minimum should match: {@code 1}, {@code 50%}, {@code 2<75%}. */
  static int minimum(String mm, int clauses) {
    if (mm.contains("<")) {
      int limit = Integer.parseInt(mm.substring(0, mm.indexOf('<')));
      return clauses <= limit ? clauses : minimum(mm.substring(mm.indexOf('<') + 1), clauses);
    }
    if (mm.endsWith("%")) {
      int percent = Integer.parseInt(mm.substring(0, mm.length() - 1));
      return Math.max(1, clauses * percent / 100);
    }
    return Math.min(clauses, Integer.parseInt(mm));
  }

  private List<String> terms(String field, String word) {
    return AnalysisVariantsBenchmark.terms(analyzer, field, word);
  }

  /** Whether {@code name} contains one of the {@code |}-separated parts of {@code only}. */
  private static boolean matches(String name, String only) {
    for (String part : only.split("\\|")) {
      if (name.contains(part)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> stopWords(Path file) throws IOException {
    Set<String> words = new HashSet<>();
    if (!Files.exists(file)) {
      return words;
    }
    for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
      if (!line.isBlank()) {
        words.add(line.strip().toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }
}
