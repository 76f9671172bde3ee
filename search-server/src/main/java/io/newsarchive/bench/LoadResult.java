package io.newsarchive.bench;

import java.util.Arrays;
import java.util.List;

/**
 * What a {@link ClosedLoop} measured.
 *
 * @param mix the query strings that were cycled through
 * @param clients concurrent clients
 * @param nanos latency of each measured request, in the order the requests were handed out
 * @param seconds wall time of the measurement
 * @param cpuNanos CPU time of this whole process during the measurement
 */
public record LoadResult(
    List<String> mix, int clients, long[] nanos, double seconds, long cpuNanos) {

  /** Copies the latencies, so that a result is immutable. */
  public LoadResult {
    mix = List.copyOf(mix);
    nanos = nanos.clone();
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no request was measured");
    }
  }

  /** Pages answered per second of wall time, over all clients. */
  public double pagesPerSecond() {
    return nanos.length / seconds;
  }

  /**
   * CPU milliseconds of this process per page; unlike wall time, the neighbours do not add to it.
   */
  public double cpuMillisPerPage() {
    return cpuNanos / 1e6 / nanos.length;
  }

  /** The {@code p}th latency percentile in milliseconds, over all requests. */
  public double percentileMillis(double p) {
    return percentile(sorted(nanos), p);
  }

  /** The longest latency in milliseconds. */
  public double maxMillis() {
    return Arrays.stream(nanos).max().orElseThrow() / 1e6;
  }

  /** The {@code p}th latency percentile in milliseconds of query {@code q} of the mix, or NaN. */
  public double percentileMillis(int q, double p) {
    long[] times = new long[(nanos.length + mix.size() - 1) / mix.size()];
    int n = 0;
    for (int i = q; i < nanos.length; i += mix.size()) {
      times[n++] = nanos[i];
    }
    return n == 0 ? Double.NaN : percentile(sorted(Arrays.copyOf(times, n)), p);
  }

  private static long[] sorted(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  /** Nearest-rank percentile. */
  private static double percentile(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }
}
