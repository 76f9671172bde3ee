package io.newsarchive.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The lines {@code newsarchive bench} prints: one per measurement, ratios and per-query rows. */
public final class BenchReport {

  private final PrintWriter out;
  private final boolean perQuery;

  /**
   * @param out where the report goes
   * @param perQuery whether {@link #perQuery} prints the percentiles of each query of the mix
   */
  public BenchReport(PrintWriter out, boolean perQuery) {
    this.out = out;
    this.perQuery = perQuery;
  }

  /** The first line: what is measured and for how long. */
  public void header(long articles, int queries, int clients, int requests, int seconds) {
    out.printf(
        "index: %d articles; %d distinct queries; %d client%s; at most %d requests or %d s per"
            + " measurement%n",
        articles, queries, clients, clients == 1 ? "" : "s", requests, seconds);
  }

  /** How the warm-up before a measurement went. */
  public void warmUp(String label, ClosedLoop.WarmUp warmUp) {
    out.printf(
        "%-10s warm-up: %d pages in %.1f s%s%s%n",
        label,
        warmUp.requests(),
        warmUp.seconds(),
        warmUp.compileSeconds() < 0
            ? ""
            : String.format(", the JIT compiling for %.1f s", warmUp.compileSeconds()),
        warmUp.settled() ? "" : " (still compiling at the --settle-seconds limit)");
  }

  /** One measurement: pages/s, latency percentiles and CPU per page. */
  public void result(String label, LoadResult result) {
    out.printf(
        "%-10s %5d pages in %5.1f s  pages/s %6.0f  ms p50 %6.2f  p95 %6.2f  p99 %6.2f  max %7.2f"
            + "  cpu ms/page %6.2f%n",
        label,
        result.nanos().length,
        result.seconds(),
        result.pagesPerSecond(),
        result.percentileMillis(50),
        result.percentileMillis(95),
        result.percentileMillis(99),
        result.maxMillis(),
        result.cpuMillisPerPage());
  }

  /** Ours over the baseline, when the baseline was measured ({@code raw} not null). */
  public void ratio(String label, LoadResult ours, LoadResult raw) {
    if (raw != null) {
      out.printf(
          "%s: p50 %.2fx  p99 %.2fx  cpu ms/page %.2fx  pages/s %.2fx%n",
          label,
          ours.percentileMillis(50) / raw.percentileMillis(50),
          ours.percentileMillis(99) / raw.percentileMillis(99),
          ours.cpuMillisPerPage() / raw.cpuMillisPerPage(),
          ours.pagesPerSecond() / raw.pagesPerSecond());
    }
  }

  /** Percentiles of each query of the mix, with the baseline's p50 when {@code raw} is given. */
  public void perQuery(LoadResult ours, LoadResult raw) {
    if (!perQuery) {
      return;
    }
    out.println(raw == null ? "  ours p50/p95 ms, query" : "  ours p50/p95 ms, raw p50 ms, query");
    List<String> mix = ours.mix();
    for (int q = 0; q < mix.size(); q++) {
      String rawPart = raw == null ? "" : String.format("  raw %7.2f", raw.percentileMillis(q, 50));
      out.printf(
          "  %7.2f %7.2f%s  %s%n",
          ours.percentileMillis(q, 50), ours.percentileMillis(q, 95), rawPart, mix.get(q));
    }
  }

  /** The last line of a run with a baseline: what each label measured. */
  public void legend() {
    out.println(
        "ours = /api/search over loopback HTTP (server and client in this process, CPU of both);"
            + " raw direct = the page built by Lucene calls in this process, no HTTP; raw http ="
            + " the same page as JSON from the JDK's HTTP server, client in this process.");
  }

  /**
   * Says how many queries match as many articles in the baseline as in ours: they differ where our
   * query language differs from the classic parser's (names, phrases on unstemmed text, limits on
   * wildcard and fuzzy words), and where the baseline ignores a parameter.
   *
   * @param pageDefaults what is added to every query string that does not set it
   */
  public void totals(List<String> mix, HttpPages ours, RawLucenePage pages, String pageDefaults)
      throws IOException {
    int same = 0;
    Set<String> ignored = new TreeSet<>();
    List<String> differing = new ArrayList<>();
    for (String query : mix) {
      long ourTotal = ours.total(query);
      RawPageRequest request;
      long rawTotal;
      try {
        request = RawPageRequest.parse(HttpPages.withDefaults(query, pageDefaults));
        rawTotal = pages.page(request).total();
      } catch (IllegalArgumentException e) {
        throw new RequestFailedException("raw baseline, " + query, 0, e.getMessage());
      }
      ignored.addAll(request.ignored());
      if (rawTotal == ourTotal) {
        same++;
      } else if (differing.size() < 5) {
        differing.add(query + " (ours " + ourTotal + ", raw " + rawTotal + ")");
      }
    }
    out.printf("raw matches as many articles as ours on %d of %d queries%n", same, mix.size());
    differing.forEach(d -> out.println("  differs: " + d));
    if (!ignored.isEmpty()) {
      out.println("raw ignores: " + String.join(", ", ignored));
    }
  }
}
