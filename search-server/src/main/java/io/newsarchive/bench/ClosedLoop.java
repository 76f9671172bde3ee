package io.newsarchive.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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

  /** Sends {@code count} requests, unmeasured, to warm the code paths and caches up. */
  public void warm(PageClient client, int count) throws IOException {
    if (count > 0) {
      new ClosedLoop(mix, clients, count, WARMUP_SECONDS_LIMIT).measure(client);
    }
  }

  /**
   * Measures {@code client}.
   *
   * @throws IOException the first request that failed; the other clients stop at once
   */
  public LoadResult measure(PageClient client) throws IOException {
    long[] nanos = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<IOException> failure = new AtomicReference<>();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
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
