package io.newsarchive.search.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.MinimumMatch;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints MAP, nDCG@10, P@10, R@1000 and zero-hit queries of candidate default word matches on TIME
 * 1963 and on the Reuters-21578 topics set ({@link ReutersTopicsSet}), each query run through
 * {@link ArticleSearcher#search} with explicit minimum matches tried in turn until one finds an
 * article, as the default does. Not part of the default test run; run it on indexes built with
 * {@code newsarchive index} with {@code ./mvnw -pl index-core test -Dtest=MatchModesBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dnewsarchive.timeIndex=DIR
 * -Dnewsarchive.reutersIndex=DIR}; {@code -Dnewsarchive.evalVariants=a|b} runs the candidates whose
 * names contain a or b.
 */
class MatchModesBenchmark {

  @TempDir Path temp;

  /** A candidate: the minimum matches tried in turn for a query of so many plain words. */
  private record Candidate(String name, IntFunction<List<String>> matches) {}

  @Test
  void printsMetricsOfEachCandidate() throws IOException {
    String time = System.getProperty("newsarchive.timeIndex", "");
    String reuters = System.getProperty("newsarchive.reutersIndex", "");
    assumeTrue(!time.isBlank() && !reuters.isBlank(), "needs -Dnewsarchive.timeIndex/reutersIndex");
    Path timeSet = SharedCorpora.require("corpora/time-ir-1963");
    Map<String, String> timeQueries = JudgedQueries.read(timeSet.resolve("queries.tsv"));
    Qrels timeQrels = Qrels.read(timeSet.resolve("qrels.txt"), doc -> "time-" + doc);
    Path reutersQrels = temp.resolve("reuters-qrels.txt");
    List<String> lines = ReutersTopicsSet.queries();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(reuters)))) {
      Files.write(reutersQrels, ReutersTopicsSet.qrels(new IndexSearcher(reader), lines));
    }
    Map<String, String> reutersQueries = new LinkedHashMap<>();
    for (String line : lines) {
      String[] parts = line.split("\t");
      reutersQueries.put(parts[0], parts[1]);
    }
    Qrels topics = Qrels.read(reutersQrels, doc -> "reuters-" + doc);
    String only = System.getProperty("newsarchive.evalVariants", "");
    System.out.printf(
        Locale.ROOT,
        "%-44s %-8s %7s %7s %7s %7s %5s%n",
        "candidate",
        "set",
        "MAP",
        "nDCG@10",
        "P@10",
        "R@1000",
        "zero");
    for (Candidate candidate : candidates()) {
      if (!only.isBlank() && Arrays.stream(only.split("\\|")).noneMatch(candidate.name::contains)) {
        continue;
      }
      print(candidate, "TIME", Path.of(time), lower(timeQueries), timeQrels);
      print(candidate, "topics", Path.of(reuters), reutersQueries, topics);
    }
  }

  private static List<Candidate> candidates() {
    List<Candidate> all = new ArrayList<>();
    all.add(new Candidate("and (every word)", n -> List.of("100%")));
    all.add(new Candidate("or (any word)", n -> List.of("1")));
    all.add(new Candidate("all, else any", n -> List.of("100%", "1")));
    all.add(new Candidate("all, else most: n-1, n-2 ... 1", MatchModesBenchmark::stepDown));
    all.add(new Candidate("all, else 50%, else any", n -> List.of("100%", "50%", "1")));
    all.add(new Candidate("mm 2<75%, else any", n -> List.of("2<75%", "1")));
    for (int limit : new int[] {2, 3, 4, 5}) {
      all.add(
          new Candidate(
              "up to " + limit + " words all else any; longer: any",
              n -> n <= limit ? List.of("100%", "1") : List.of("1")));
    }
    for (String mm : new String[] {"25%", "2"}) {
      all.add(
          new Candidate(
              "up to 3 words all else any; longer: " + mm + " else any",
              n -> n <= 3 ? List.of("100%", "1") : List.of(mm, "1")));
    }
    return all;
  }

  private static List<String> stepDown(int words) {
    return IntStream.iterate(Math.max(words, 1), k -> k >= 1, k -> k - 1)
        .mapToObj(Integer::toString)
        .toList();
  }

  private static Map<String, String> lower(Map<String, String> queries) {
    Map<String, String> lower = new LinkedHashMap<>();
    queries.forEach((id, text) -> lower.put(id, text.toLowerCase(Locale.ROOT)));
    return lower;
  }

  private static void print(
      Candidate candidate, String set, Path index, Map<String, String> queries, Qrels qrels)
      throws IOException {
    SearchRequest base = SearchRequest.defaults().with(SearchParameters.FACETS, Set.of());
    List<QueryMetrics> metrics = new ArrayList<>();
    int zero = 0;
    try (ArticleSearcher searcher = ArticleSearcher.open(index, SearcherOptions.DEFAULTS)) {
      for (String id : qrels.queriesWithRelevant()) {
        String text = queries.get(id);
        int words = text.strip().split("\\s+").length;
        List<ScoredDoc> run = List.of();
        for (String mm : candidate.matches.apply(words)) {
          SearchRequest request = base.with(SearchParameters.MINIMUM_MATCH, MinimumMatch.parse(mm));
          run = RankingMetrics.trecOrder(RankingEvaluation.retrieve(searcher, request, text));
          if (!run.isEmpty()) {
            break;
          }
        }
        zero += run.isEmpty() ? 1 : 0;
        metrics.add(RankingMetrics.score(run, qrels.judged(id)));
      }
    }
    QueryMetrics mean = QueryMetrics.mean(metrics);
    System.out.printf(
        Locale.ROOT,
        "%-44s %-8s %7.4f %7.4f %7.4f %7.4f %5d%n",
        candidate.name,
        set,
        mean.averagePrecision(),
        mean.ndcgAt10(),
        mean.precisionAt10(),
        mean.recallAt1000(),
        zero);
  }
}
