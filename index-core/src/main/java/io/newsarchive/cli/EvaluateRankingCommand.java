package io.newsarchive.cli;

import io.newsarchive.article.Article;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.FacetCount;
import io.newsarchive.search.InvalidRequestException;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchParameter;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.search.eval.JudgedQueries;
import io.newsarchive.search.eval.Qrels;
import io.newsarchive.search.eval.QueryMetrics;
import io.newsarchive.search.eval.RankingEvaluation;
import io.newsarchive.search.eval.TrecRun;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Scores the ranking of {@code /api/search} on judged queries: MAP, nDCG@10, P@10 and recall at
 * 1000 as {@code trec_eval} computes them, and the queries that found nothing. Exit codes: 0
 * scored, 1 the index or a file could not be read, 2 bad options or malformed input.
 */
@Command(
    name = "evaluate-ranking",
    mixinStandardHelpOptions = true,
    description = "Score search ranking on judged queries (qid<TAB>text and TREC qrels).")
public final class EvaluateRankingCommand implements Callable<Integer> {

  private static final int READ_FAILURE = 1;
  private static final int BAD_INPUT = 2;

  /** Parameters the evaluation sets itself for each query and page. */
  private static final List<SearchParameter<?>> EVALUATION_OWN =
      List.of(
          SearchParameters.QUERY,
          SearchParameters.PAGE,
          SearchParameters.SIZE,
          SearchParameters.CURSOR);

  @Spec CommandSpec spec;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      defaultValue = "newsarchive-index",
      description = "Index directory (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(
      names = "--queries",
      paramLabel = "FILE",
      required = true,
      description = "Queries, one 'qid<TAB>text' per line.")
  Path queries;

  @Option(
      names = "--qrels",
      paramLabel = "FILE",
      required = true,
      description = "TREC relevance judgments, 'qid 0 docno grade' per line.")
  Path qrels;

  @Option(
      names = "--run",
      paramLabel = "OUT",
      description = "Also write the hits as a TREC run file, 'qid Q0 docid rank score tag'.")
  Path run;

  @Option(
      names = "--doc-source",
      paramLabel = "NAME",
      description =
          "Qrels docnos are the local ids of this source's articles (17 -> time-17). Default: the"
              + " index's source when it holds only one, else docnos are article ids.")
  String docSource;

  @Option(
      names = "--keep-case",
      description =
          "Search the query text as written. By default it is lower-cased, as people type, so"
              + " that an AND or OR inside an upper-case sentence is a word, not an operator.")
  boolean keepCase;

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description =
          "A search parameter for every query, as in /api/search, e.g. expand=true (repeatable)."
              + " The query text and paging are the evaluation's own.")
  List<String> params = List.of();

  @Option(
      names = "--time-budget-ms",
      paramLabel = "MS",
      defaultValue = "60000",
      description =
          "Time one page of a query may take (default: ${DEFAULT-VALUE}). Longer than the server's"
              + " 5 s, so that the scores do not depend on the machine's load; a query that runs"
              + " past it stops the evaluation instead of scoring its partial hits.")
  long timeBudgetMillis;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SearchRequest base;
    try {
      base = baseRequest();
    } catch (IllegalArgumentException e) {
      err.println("bad --param: " + e.getMessage());
      return BAD_INPUT;
    }
    SearcherOptions options;
    try {
      options = SearcherOptions.DEFAULTS.withTimeBudget(Duration.ofMillis(timeBudgetMillis));
    } catch (IllegalArgumentException e) {
      err.println("bad --time-budget-ms: " + e.getMessage());
      return BAD_INPUT;
    }
    try (SearchBackend backend = ArticleSearcher.open(index, options)) {
      Map<String, String> texts = new LinkedHashMap<>();
      JudgedQueries.read(queries)
          .forEach((id, text) -> texts.put(id, keepCase ? text : text.toLowerCase(Locale.ROOT)));
      Qrels judgments = Qrels.read(qrels, docIds(backend));
      RankingEvaluation.Result result = RankingEvaluation.run(backend, base, texts, judgments);
      if (run != null) {
        writeRun(result);
      }
      print(out, result, texts.size());
      return 0;
    } catch (InvalidRequestException e) {
      err.println("a query was refused: " + e.getMessage());
      return BAD_INPUT;
    } catch (IllegalArgumentException e) {
      err.println("bad input: " + e.getMessage());
      return BAD_INPUT;
    } catch (IOException e) {
      err.println("evaluation failed: " + e.getMessage());
      return READ_FAILURE;
    }
  }

  /**
   * The request every query is searched with: the {@code --param} values, parsed by the same
   * declarations as the HTTP parameters of {@code /api/search}.
   */
  private SearchRequest baseRequest() {
    Map<String, List<String>> texts = RequestParams.texts(params);
    for (SearchParameter<?> own : EVALUATION_OWN) {
      if (texts.containsKey(own.name())) {
        throw new IllegalArgumentException(
            own.name() + " is set by the evaluation for each query; leave it out");
      }
    }
    return SearchRequest.of(SearchParameters.parse(SearchParameters.ALL, texts));
  }

  /** How qrels docnos become article ids: through the one id function of the readers. */
  private UnaryOperator<String> docIds(SearchBackend backend) throws IOException {
    String source = docSource;
    if (source == null) {
      List<FacetCount> sources = backend.stats().sources();
      source = sources.size() == 1 ? sources.get(0).value() : null;
    }
    if (source == null) {
      return doc -> doc;
    }
    String named = source;
    return doc -> Article.deriveId(named, doc, doc);
  }

  private void writeRun(RankingEvaluation.Result result) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(run, StandardCharsets.UTF_8)) {
      for (var entry : result.runs().entrySet()) {
        TrecRun.append(writer, entry.getKey(), entry.getValue(), "newsarchive");
      }
    }
  }

  private static void print(PrintWriter out, RankingEvaluation.Result result, int read) {
    QueryMetrics mean = result.mean();
    out.printf(
        Locale.ROOT,
        "queries: %d read, %d with a relevant judgment (scored)%n",
        read,
        result.metrics().size());
    out.printf(Locale.ROOT, "MAP       %.4f%n", mean.averagePrecision());
    out.printf(Locale.ROOT, "nDCG@10   %.4f%n", mean.ndcgAt10());
    out.printf(Locale.ROOT, "P@10      %.4f%n", mean.precisionAt10());
    out.printf(Locale.ROOT, "R@1000    %.4f%n", mean.recallAt1000());
    out.printf(
        Locale.ROOT,
        "zero-hit queries: %d%s%n",
        result.zeroHits().size(),
        result.zeroHits().isEmpty() ? "" : " (" + String.join(", ", result.zeroHits()) + ")");
  }
}
