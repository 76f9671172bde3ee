package io.newsarchive.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.javalin.Javalin;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.server.SearchServer;
import io.newsarchive.server.ServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newsarchive bench}: measures result pages per second and latency percentiles of {@code
 * /api/search} with one client over loopback HTTP, against a server started in this process.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure /api/search with one client over loopback HTTP: starts the server on 127.0.0.1 in"
          + " this process, cycles through a mixed query set and prints pages/s and latency"
          + " percentiles. A page is the top 10 hits with highlights, all five facets and a"
          + " monthly timeline.",
      "Stops after --requests measured requests or --seconds, whichever comes first."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:measured",
      "1:the index could not be opened or a request failed",
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
      names = "--seconds",
      defaultValue = "60",
      description = "Upper bound on the measured time (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(
      names = "--per-query",
      description = "Also print latency percentiles of each query of the mix.")
  boolean perQuery;

  @Option(
      names = "--queries",
      paramLabel = "FILE",
      description =
          "File with one query string per line (e.g. q=cocoa&place=Ghana), used instead of the"
              + " built-in mix.")
  Path queries;

  @Override
  public Integer call() throws IOException {
    if (requests < 1 || warmup < 0 || seconds < 1) {
      System.err.println("newsarchive bench: --requests and --seconds must be positive");
      return 2;
    }
    List<String> given = queries == null ? DEFAULT_QUERIES : readQueries(queries);
    ArticleSearcher searcher;
    try {
      searcher = ArticleSearcher.open(index, SearcherOptions.DEFAULTS);
    } catch (IOException e) {
      System.err.println("newsarchive bench: " + e.getMessage());
      return 1;
    }
    String month =
        searcher.stats().oldest().map(i -> i.toString().substring(0, 7)).orElse("2000-01");
    List<String> mix = given.stream().map(q -> q.replace("{month}", month)).toList();
    Javalin app = SearchServer.create(searcher, new ServerOptions("127.0.0.1", 0)).start();
    // HttpURLConnection keeps one connection alive and costs the shared CPUs less than HttpClient.
    try (searcher) {
      String base = "http://127.0.0.1:" + app.port() + "/api/search?size=10&interval=month&";
      for (int i = 0; i < warmup; i++) {
        get(base + mix.get(i % mix.size()));
      }
      long[] nanos = new long[requests];
      int done = 0;
      long cpuStart = processCpuNanos();
      long start = System.nanoTime();
      long end = start + seconds * 1_000_000_000L;
      while (done < requests && System.nanoTime() < end) {
        long t0 = System.nanoTime();
        get(base + mix.get(done % mix.size()));
        nanos[done++] = System.nanoTime() - t0;
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      double cpuMillisPerPage = (processCpuNanos() - cpuStart) / 1e6 / Math.max(1, done);
      if (perQuery) {
        reportPerQuery(nanos, done, mix);
      }
      report(Arrays.copyOf(nanos, done), elapsed, mix.size(), searcher.count());
      // On a shared machine wall time depends on the neighbours; CPU time per page does not.
      System.out.printf("cpu ms per page (server and client together): %.2f%n", cpuMillisPerPage);
      return 0;
    } finally {
      stop(app);
    }
  }

  /**
   * Stops the server. Its graceful stop may wait out its timeout for the client's kept-alive
   * connection; the numbers are printed by then, so that is said but does not fail the run.
   */
  private static void stop(Javalin app) {
    try {
      app.stop();
    } catch (RuntimeException e) {
      System.err.println("newsarchive bench: the server stopped only after its stop timeout: " + e);
    }
  }

  /** GETs {@code url} over a kept-alive connection and reads the whole body. */
  private static void get(String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
    int status = connection.getResponseCode();
    try (InputStream body =
        status == 200 ? connection.getInputStream() : connection.getErrorStream()) {
      byte[] bytes = body.readAllBytes();
      if (status != 200) {
        throw new IOException(
            "GET " + url + " answered " + status + ": " + new String(bytes, UTF_8));
      }
    }
  }

  private static void report(long[] nanos, double seconds, int queries, long articles) {
    Arrays.sort(nanos);
    System.out.printf(
        "index: %d articles; %d requests over %d distinct queries in %.1f s, one client%n",
        articles, nanos.length, queries, seconds);
    System.out.printf("pages/s: %.0f%n", nanos.length / seconds);
    System.out.printf(
        "latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n",
        percentile(nanos, 50),
        percentile(nanos, 95),
        percentile(nanos, 99),
        nanos[nanos.length - 1] / 1e6);
  }

  private static void reportPerQuery(long[] nanos, int done, List<String> mix) {
    for (int q = 0; q < mix.size(); q++) {
      long[] times = new long[(done - q + mix.size() - 1) / mix.size()];
      int n = 0;
      for (int i = q; i < done; i += mix.size()) {
        times[n++] = nanos[i];
      }
      if (n > 0) {
        Arrays.sort(times, 0, n);
        System.out.printf(
            "  p50 %7.2f ms  p95 %7.2f ms  %s%n",
            percentile(Arrays.copyOf(times, n), 50),
            percentile(Arrays.copyOf(times, n), 95),
            mix.get(q));
      }
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double percentile(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static List<String> readQueries(Path file) throws IOException {
    List<String> lines =
        Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.isEmpty()) {
      throw new IOException(file + " holds no queries");
    }
    return lines;
  }
}
