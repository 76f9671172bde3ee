package io.newsarchive.cli;

import io.javalin.Javalin;
import io.newsarchive.bench.BenchReport;
import io.newsarchive.bench.ClosedLoop;
import io.newsarchive.bench.HttpPages;
import io.newsarchive.bench.LoadResult;
import io.newsarchive.bench.PageClient;
import io.newsarchive.bench.RawHttpServer;
import io.newsarchive.bench.RawLucenePage;
import io.newsarchive.bench.RawPageRequest;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.server.SearchServer;
import io.newsarchive.server.ServerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsarchive bench}: measures result pages per second, latency percentiles and CPU per page
 * of {@code /api/search} with N closed-loop clients over loopback HTTP, against a server started in
 * this process, and the same pages built by plain Lucene calls as the baseline.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure /api/search with --clients closed-loop clients over loopback HTTP: starts the"
          + " server on 127.0.0.1 in this process, cycles through a mixed query set and prints"
          + " pages/s, latency percentiles and CPU ms per page. A page is the top 10 hits with"
          + " highlights, all five facets and a monthly timeline.",
      "Then measures the raw-Lucene baseline on the same pages (--raw): the classic query parser"
          + " over title and body, one IndexSearcher.search for the top hits, exact total and"
          + " matching set, StringValueFacetCounts for the facets, the monthly histogram from the"
          + " published doc values, the stored fields and one UnifiedHighlighter passage of each"
          + " body; called directly and through the JDK's HTTP server, and prints ours / raw.",
      "Each measurement stops after --requests measured requests or --seconds, whichever comes"
          + " first."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:measured",
      "1:the index or the query file could not be read, or a request failed (one line says which"
          + " and why)",
      "2:bad options"
    })
public final class BenchCommand implements Callable<Integer> {

  /**
   * A mix of term, phrase, boolean, wildcard, fuzzy, field, filter and sort requests; {@code
   * {month}} stands for the month of the index's oldest article.
   */
  static final List<String> DEFAULT_QUERIES =
      List.of(
          "q=cocoa",
          "q=oil+prices",
          "q=%22trade+deficit%22",
          "q=bank+OR+banks",
          "q=wheat+AND+export",
          "q=gold",
          "q=coffee+OR+sugar+OR+cocoa",
          "q=interest+rates&sort=newest",
          "q=export*",
          "q=goverment~",
          "q=title:dollar",
          "q=%22stock+exchange%22~3",
          "q=shares+NOT+oil",
          "q=",
          "q=market&from={month}-01&to={month}-28",
          "q=election",
          "q=president",
          "q=crude+oil&sort=oldest",
          "q=profit+loss",
          "q=japan+trade",
          "q=company&page=3",
          "q=war",
          "q=inflation+OR+prices&recency=30",
          "q=merger+acquisition");

  @Option(
      names = "--index",
      defaultValue = "newsarchive-index",
      paramLabel = "DIR",
      description = "Index directory built by 'newsarchive index' (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(
      names = "--requests",
      defaultValue = "2000",
      description = "Measured requests (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(
      names = "--warmup",
      defaultValue = "300",
      description = "Unmeasured requests first (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--settle-seconds",
      defaultValue = "120",
      paramLabel = "S",
      description =
          "After the --warmup requests, keep warming up until the JIT has settled (compiled for"
              + " less than "
              + ClosedLoop.SETTLED_PERCENT
              + "%% of the last "
              + ClosedLoop.SETTLE_WINDOW_SECONDS
              + " s), for at most S seconds in all; 0 does not wait (default: ${DEFAULT-VALUE}).")
  int settleSeconds;

  @Option(
      names = "--seconds",
      defaultValue = "60",
      description = "Upper bound on the measured time (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--per-query",
      description = "Also print latency percentiles of each query of the mix.")
  boolean perQuery;

  @Option(
      names = "--clients",
      defaultValue = "1",
      description =
          "Concurrent clients, each sending its next request when answered (default: ${DEFAULT-VALUE}).")
  int clients;

  @Option(
      names = "--raw",
      defaultValue = "both",
      paramLabel = "MODE",
      converter = RawBaseline.Converter.class,
      description =
          "Raw-Lucene baseline: direct (Lucene calls, no HTTP), http (over the JDK's HTTP"
              + " server), both or none (default: ${DEFAULT-VALUE}).")
  RawBaseline raw;

  @Option(
      names = "--rounds",
      defaultValue = "1",
      description =
          "Measure ours and the baseline alternately this many times (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(
      names = "--queries",
      paramLabel = "FILE",
      description =
          "File with one query string per line (e.g. q=cocoa&place=Ghana), used instead of the"
              + " built-in mix. The bench adds size=10&interval=month to each line that does not"
              + " set them.")
  Path queries;

  @Spec CommandSpec spec;

  /** What the bench adds to every query string that does not set it. */
  private static final String PAGE_DEFAULTS = "size=10&interval=month";

  @Override
  public Integer call() {
    if (requests < 1 || warmup < 0 || seconds < 1 || clients < 1 || rounds < 1) {
      err()
          .println(
              "newsarchive bench: --requests, --seconds, --clients and --rounds must be positive");
      return 2;
    }
    if (settleSeconds < 0) {
      err().println("newsarchive bench: --settle-seconds must not be negative");
      return 2;
    }
    // One kept-alive connection per client; the JDK keeps 5 unless told (read once, at first use).
    if (System.getProperty("http.maxConnections") == null) {
      System.setProperty("http.maxConnections", String.valueOf(Math.max(5, clients)));
    }
    try (SearchBackend backend = ArticleSearcher.open(index, SearcherOptions.DEFAULTS)) {
      List<String> given = queries == null ? DEFAULT_QUERIES : readQueries(queries);
      String month =
          backend.stats().oldest().map(i -> i.toString().substring(0, 7)).orElse("2000-01");
      List<String> mix = given.stream().map(q -> q.replace("{month}", month)).toList();
      Javalin app = SearchServer.create(backend, new ServerOptions("127.0.0.1", 0)).start();
      boolean measured = false;
      try {
        int code = measure(mix, backend.count(), "http://127.0.0.1:" + app.port() + "/api/search");
        measured = true;
        return code;
      } finally {
        stop(app, measured);
      }
    } catch (IOException e) {
      err().println("newsarchive bench: " + e.getMessage());
      return 1;
    }
  }

  private int measure(List<String> mix, long articles, String searchUrl) throws IOException {
    HttpPages ours = new HttpPages(searchUrl, PAGE_DEFAULTS);
    ClosedLoop loop = new ClosedLoop(mix, clients, requests, seconds);
    BenchReport report = new BenchReport(out(), perQuery);
    report.header(articles, mix.size(), clients, requests, seconds);
    if (raw == RawBaseline.NONE) {
      for (int round = 0; round < rounds; round++) {
        report.perQuery(measure(loop, ours, "ours", report), null);
      }
      return 0;
    }
    try (RawLucenePage pages = RawLucenePage.open(index);
        RawHttpServer rawServer = RawHttpServer.start(pages, Math.max(2, clients))) {
      PageClient direct =
          query -> pages.page(RawPageRequest.parse(HttpPages.withDefaults(query, PAGE_DEFAULTS)));
      PageClient overHttp = new HttpPages(rawServer.url(), PAGE_DEFAULTS);
      report.totals(mix, ours, pages, PAGE_DEFAULTS);
      for (int round = 0; round < rounds; round++) {
        LoadResult ourResult = measure(loop, ours, "ours", report);
        LoadResult directResult = raw.direct() ? measure(loop, direct, "raw direct", report) : null;
        LoadResult httpResult = raw.http() ? measure(loop, overHttp, "raw http", report) : null;
        report.ratio("ours/raw direct", ourResult, directResult);
        report.ratio("ours/raw http", ourResult, httpResult);
        report.perQuery(ourResult, directResult == null ? httpResult : directResult);
      }
    }
    report.legend();
    return 0;
  }

  private LoadResult measure(ClosedLoop loop, PageClient client, String label, BenchReport report)
      throws IOException {
    report.warmUp(
        label,
        loop.warm(
            client,
            warmup,
            Duration.ofSeconds(settleSeconds),
            ClosedLoop.SETTLE_WINDOW,
            ClosedLoop::compileMillis));
    LoadResult result = loop.measure(client);
    report.result(label, result);
    return result;
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /**
   * Stops the server at once: every page measured has been answered by then, and a graceful stop
   * would only wait out its timeout for the clients' kept-alive connections (and log that as an
   * error with its stack trace). Should the stop fail all the same, after a run that {@code
   * measured}, whose numbers are printed by then, that is said but does not fail the run; after a
   * failed one, the failure's own line is all that is said.
   */
  private void stop(Javalin app, boolean measured) {
    try {
      app.jettyServer().server().setStopTimeout(0);
      app.stop();
    } catch (RuntimeException e) {
      if (measured) {
        err().println("newsarchive bench: the server stopped only after its stop timeout: " + e);
      }
    }
  }

  private static List<String> readQueries(Path file) throws IOException {
    List<String> lines;
    try {
      lines =
          Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    } catch (IOException e) {
      throw new IOException("cannot read the query file " + file + ": " + e, e);
    }
    if (lines.isEmpty()) {
      throw new IOException(file + " holds no queries");
    }
    return lines;
  }
}
