package io.newsarchive.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Runs a query mix with N concurrent clients in a closed loop: each client sends its next request
 * as soon as its last one is answered. Requests are handed out in the mix's order across all
 * clients, so every query of the mix is measured about as often at any client count.
 *
 * @param mix the query strings, cycled through
 * @param clients concurrent clients, at least 1
 * @param requests measured requests at most
 * @param seconds measured time at most
 */
public record ClosedLoop(List<String> mix, int clients, int requests, int seconds) {

  private static final int WARMUP_SECONDS_LIMIT = 3600;

  /** Checks the bounds. */
  public ClosedLoop {
    mix = List.copyOf(mix);
    if (mix.isEmpty() || clients < 1 || requests < 1 || seconds < 1) {
      throw new IllegalArgumentException(
          "a closed loop needs queries, and at least one client, request and second");
    }
  }

  /**
   * A window of warming up in which the JIT compiled for less than this percentage of the window's
   * time ends the warm-up: what it still compiles then are the rarely taken paths.
   */
  public static final int SETTLED_PERCENT = 10;

  private static final double SETTLED_SHARE = SETTLED_PERCENT / 100.0;

  /** How long each window of warming up lasts while waiting for the JIT to settle, in seconds. */
  public static final int SETTLE_WINDOW_SECONDS = 5;

  /** Requests of one window of warming up at most, should they all be answered before its end. */
  private static final int WINDOW_REQUESTS = 200_000;

  /** {@link #SETTLE_WINDOW_SECONDS} as a duration. */
  public static final Duration SETTLE_WINDOW = Duration.ofSeconds(SETTLE_WINDOW_SECONDS);

  /**
   * How a warm-up went.
   *
   * @param requests unmeasured requests sent
   * @param seconds its wall time
   * @param compileSeconds time the JIT's compiler threads spent compiling meanwhile, summed over
   *     them; negative when the JVM does not tell
   * @param settled whether the JIT settled (or no settling was asked for) before the time limit
   */
  public record WarmUp(int requests, double seconds, double compileSeconds, boolean settled) {}

  /** Sends {@code count} requests, unmeasured, to warm the code paths and caches up. */
  private void warm(PageClient client, int count) throws IOException {
    if (count > 0) {
      new ClosedLoop(mix, clients, count, WARMUP_SECONDS_LIMIT).measure(client);
    }
  }

  /**
   * Sends {@code count} requests, unmeasured, and then more, a {@code window} at a time, until the
   * JIT compiled for less than {@link #SETTLED_PERCENT} percent of a window's time, or until {@code
   * limit} has passed since the start: a server measured while it compiles its code measures the
   * compiler as much as its pages. A zero limit sends the {@code count} requests only.
   *
   * @param compileMillis the JIT's compile time so far, in milliseconds summed over its threads, or
   *     a negative number when the JVM does not tell (no waiting then)
   */
  public WarmUp warm(
      PageClient client, int count, Duration limit, Duration window, LongSupplier compileMillis)
      throws IOException {
    long start = System.nanoTime();
    long compiledAtStart = compileMillis.getAsLong();
    warm(client, count);
    int sent = count;
    boolean settled = limit.isZero() || compiledAtStart < 0;
    long deadline = start + limit.toNanos();
    while (!settled && System.nanoTime() < deadline) {
      long compiled = compileMillis.getAsLong();
      long remaining = deadline - System.nanoTime();
      long windowNanos = Math.max(1, Math.min(window.toNanos(), remaining));
      long windowStart = System.nanoTime();
      LoadResult round =
          new ClosedLoop(mix, clients, WINDOW_REQUESTS, WARMUP_SECONDS_LIMIT)
              .measureFor(client, windowNanos);
      sent += round.nanos().length;
      long spent = System.nanoTime() - windowStart;
      settled = (compileMillis.getAsLong() - compiled) * 1e6 < SETTLED_SHARE * spent;
    }
    long compiledAtEnd = compileMillis.getAsLong();
    return new WarmUp(
        sent,
        (System.nanoTime() - start) / 1e9,
        compiledAtStart < 0 ? -1 : (compiledAtEnd - compiledAtStart) / 1e3,
        settled);
  }

  /** The JIT's compile time so far in milliseconds, or -1 when this JVM does not tell. */
  public static long compileMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : -1;
  }

  /**
   * Measures {@code client}.
   *
   * @throws IOException the first request that failed; the other clients stop at once
   */
  public LoadResult measure(PageClient client) throws IOException {
    return measureFor(client, seconds * 1_000_000_000L);
  }

  /** Measures {@code client} for at most {@code limitNanos} (and {@link #requests}). */
  private LoadResult measureFor(PageClient client, long limitNanos) throws IOException {
    long[] nanos = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<IOException> failure = new AtomicReference<>();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    long end = start + limitNanos;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      threads.add(
          Thread.ofPlatform()
              .name("bench-client-" + c)
              .start(() -> loop(client, nanos, next, end, failure)));
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while measuring", e);
      }
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long cpu = processCpuNanos() - cpuStart;
    if (failure.get() != null) {
      throw failure.get();
    }
    int done = Math.min(next.get(), requests);
    return new LoadResult(mix, clients, Arrays.copyOf(nanos, done), elapsed, cpu);
  }

  private void loop(
      PageClient client,
      long[] nanos,
      AtomicInteger next,
      long end,
      AtomicReference<IOException> failure) {
    while (failure.get() == null && System.nanoTime() < end) {
      int ticket = next.getAndIncrement();
      if (ticket >= requests) {
        return;
      }
      long t0 = System.nanoTime();
      try {
        client.fetch(mix.get(ticket % mix.size()));
      } catch (IOException | RuntimeException e) {
        String query = mix.get(ticket % mix.size());
        failure.compareAndSet(
            null,
            e instanceof IOException io
                ? io
                : new RequestFailedException(query, 0, e.getMessage()));
        return;
      }
      nanos[ticket] = System.nanoTime() - t0;
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
