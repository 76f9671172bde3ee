package io.newsarchive.search.eval;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.ArticleQueryParser;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.MinimumMatch;
import io.newsarchive.search.Ranking;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearcherOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;

/**
 * One judged set as {@link PassageEvidenceBenchmark} measures it: the default ranking's runs, and
 * for each query the positions of its words and the analyzed bodies of its best {@value #DEPTH}
 * articles, from which the second scores of those articles are computed (and kept).
 */
final class EvidenceSet {

  /** How many of the default ranking's best articles are reordered, as the product rescores. */
  static final int DEPTH = 100;

  /** A second score of an article for a query, from its positions. */
  interface Evidence extends ToDoubleBiFunction<WordPositions, WordPositions.QueryWords> {}

  /**
   * Which passages local context analysis reads and how many stems it adds.
   *
   * @param size the passage length in positions, 0 for whole articles
   * @param passages how many of the best passages (by BM25 of the query) it reads
   * @param concepts how many stems it adds
   */
  record Context(int size, int passages, int concepts) {}

  private final String name;
  private final Qrels qrels;
  private final Map<String, List<ScoredDoc>> runs;
  private final Map<String, WordPositions.QueryWords> words = new LinkedHashMap<>();
  private final Map<String, Map<String, WordPositions>> positions = new LinkedHashMap<>();
  private final Map<String, LocalContextAnalysis.Tokens> bodies = new HashMap<>();
  private final Map<String, Map<String, Double>> kept = new HashMap<>();
  private final LocalContextAnalysis lca;

  private EvidenceSet(
      String name, Qrels qrels, Map<String, List<ScoredDoc>> runs, LocalContextAnalysis lca) {
    this.name = name;
    this.qrels = qrels;
    this.runs = runs;
    this.lca = lca;
  }

  Qrels qrels() {
    return qrels;
  }

  Map<String, List<ScoredDoc>> runs() {
    return runs;
  }

  /**
   * Runs the judged set in {@code set} (its {@code queries.tsv} and {@code qrels.txt}, bare ids
   * prefixed with {@code source}) on {@code index} with the default request and reads the evidence
   * of its best articles. The index stays open while the set is measured.
   */
  static EvidenceSet measure(String name, Path index, Path set, String source) throws IOException {
    Map<String, String> queries = new LinkedHashMap<>();
    JudgedQueries.read(set.resolve("queries.tsv"))
        .forEach((id, text) -> queries.put(id, text.toLowerCase(Locale.ROOT)));
    Qrels qrels =
        Qrels.read(set.resolve("qrels.txt"), doc -> doc.contains("-") ? doc : source + "-" + doc);
    RankingEvaluation.Result base;
    SearcherOptions options = SearcherOptions.DEFAULTS.withTimeBudget(Duration.ofMinutes(1));
    try (ArticleSearcher searcher = ArticleSearcher.open(index, options)) {
      base = RankingEvaluation.run(searcher, SearchRequest.defaults(), queries, qrels);
    }
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index));
    EvidenceSet measured =
        new EvidenceSet(name, qrels, base.runs(), new LocalContextAnalysis(reader));
    IndexSearcher searcher = Ranking.searcher(reader);
    ArticleQueryParser parser = new ArticleQueryParser();
    for (String id : qrels.queriesWithRelevant()) {
      Query query = parser.textQuery(queries.get(id), MinimumMatch.ANY).query();
      WordPositions.QueryWords queryWords = WordPositions.QueryWords.of(searcher, bodyWords(query));
      Map<String, WordPositions> byDoc = new HashMap<>();
      for (ScoredDoc hit : measured.top(id)) {
        ScoreDoc[] found =
            searcher.search(new TermQuery(new Term(ArticleFields.ID, hit.docId())), 1).scoreDocs;
        byDoc.put(hit.docId(), WordPositions.read(reader, found[0].doc, queryWords));
        if (!measured.bodies.containsKey(hit.docId())) {
          String body = searcher.storedFields().document(found[0].doc).get(ArticleFields.BODY);
          measured.bodies.put(hit.docId(), LocalContextAnalysis.tokens(body == null ? "" : body));
        }
      }
      measured.words.put(id, queryWords);
      measured.positions.put(id, byDoc);
    }
    return measured;
  }

  /** The best {@value #DEPTH} articles of the default ranking of {@code query}. */
  List<ScoredDoc> top(String query) {
    List<ScoredDoc> run = runs.get(query);
    return run.subList(0, Math.min(DEPTH, run.size()));
  }

  /** {@code evidence} of each best article of {@code query}. */
  Map<String, Double> byPositions(String query, Evidence evidence) {
    Map<String, Double> second = new HashMap<>();
    WordPositions.QueryWords queryWords = words.get(query);
    positions
        .get(query)
        .forEach((doc, at) -> second.put(doc, evidence.applyAsDouble(at, queryWords)));
    return second;
  }

  /** The mean score of the {@code count} articles most like each best article of {@code query}. */
  Map<String, Double> neighbours(String query, int count) throws IOException {
    String key = query + " neighbours " + count;
    Map<String, Double> known = kept.get(key);
    if (known == null) {
      known = new NeighbourScores(top(query), bodies, lca).support(count);
      kept.put(key, known);
    }
    return known;
  }

  /** The query's BM25 over each best article of {@code query} expanded by its neighbours. */
  Map<String, Double> expanded(String query, NeighbourScores.ExpansionShape shape)
      throws IOException {
    String key = query + " " + shape;
    Map<String, Double> known = kept.get(key);
    if (known == null) {
      known = new NeighbourScores(top(query), bodies, lca).expanded(words.get(query), shape);
      kept.put(key, known);
    }
    return known;
  }

  /** The score of each best article of {@code query} by the stems local context analysis adds. */
  Map<String, Double> byContext(String query, Context context) throws IOException {
    String key = query + " " + context;
    Map<String, Double> known = kept.get(key);
    if (known != null) {
      return known;
    }
    WordPositions.QueryWords queryWords = words.get(query);
    List<ScoredDoc> top = top(query);
    // Every passage of the best articles, ranked by the query's BM25 over it.
    record Passage(String doc, int start, double score) {}
    List<Passage> passages = new ArrayList<>();
    for (int rank = 0; rank < top.size(); rank++) {
      String doc = top.get(rank).docId();
      if (context.size() == 0) {
        // Whole articles in the default ranking's order.
        passages.add(new Passage(doc, -1, -rank));
        continue;
      }
      double[] windows =
          positions.get(query).get(doc).windows(queryWords, context.size(), context.size());
      for (int k = 0; k < windows.length; k++) {
        passages.add(new Passage(doc, k * context.size(), windows[k]));
      }
    }
    passages.sort(Comparator.comparingDouble(Passage::score).reversed());
    List<List<String>> read = new ArrayList<>();
    for (Passage passage : passages.subList(0, Math.min(context.passages(), passages.size()))) {
      LocalContextAnalysis.Tokens body = bodies.get(passage.doc);
      read.add(
          passage.start < 0
              ? List.of(body.stems())
              : body.between(passage.start, passage.start + context.size()));
    }
    Map<String, Double> concepts = lca.concepts(read, queryWords, context.concepts());
    Map<String, Double> scores = new HashMap<>();
    for (ScoredDoc doc : top) {
      scores.put(
          doc.docId(), lca.score(concepts, bodies.get(doc.docId()), queryWords.meanLength()));
    }
    kept.put(key, scores);
    return scores;
  }

  @Override
  public String toString() {
    return name;
  }

  /** The body words of the plain word clauses of {@code query}, repeats kept, pairs left out. */
  static List<String> bodyWords(Query query) {
    List<String> words = new ArrayList<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTerms(Query leaf, Term... terms) {
            if (leaf instanceof TermQuery) {
              for (Term term : terms) {
                if (term.field().equals(ArticleFields.BODY)) {
                  words.add(term.text());
                }
              }
            }
          }
        });
    return words;
  }
}
