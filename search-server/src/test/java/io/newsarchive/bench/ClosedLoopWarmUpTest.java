package io.newsarchive.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Warming up until the JIT settles: the warm-up goes on while the compile clock grows by more than
 * a tenth of each window, stops in the first window where it does not, and gives up at its limit.
 */
class ClosedLoopWarmUpTest {

  private static final Duration WINDOW = Duration.ofMillis(100);

  /** A client whose pages take a millisecond, counting what it was sent. */
  private static final class CountingClient implements PageClient {
    final AtomicInteger fetched = new AtomicInteger();

    @Override
    public void fetch(String query) throws IOException {
      fetched.incrementAndGet();
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  private final ClosedLoop loop = new ClosedLoop(List.of("q=a", "q=b"), 1, 10, 1);

  @Test
  void warmsUntilAWindowCompilesLittle() throws IOException {
    CountingClient client = new CountingClient();
    AtomicLong compiled = new AtomicLong();
    AtomicInteger reads = new AtomicInteger();
    // The clock is read at the start, before and after each window, and at the end. Its first eight
    // reads each add 60 ms of compiling (more than a tenth of a 100-ms window), so the first three
    // windows compile too much; the fourth starts at the eighth read and compiles nothing.
    ClosedLoop.WarmUp warmUp =
        loop.warm(
            client,
            5,
            Duration.ofSeconds(30),
            WINDOW,
            () -> reads.incrementAndGet() <= 8 ? compiled.addAndGet(60) : compiled.get());
    assertThat(warmUp.settled()).isTrue();
    assertThat(warmUp.seconds()).isBetween(0.35, 10.0);
    assertThat(warmUp.requests()).isEqualTo(client.fetched.get()).isGreaterThan(5);
    assertThat(warmUp.compileSeconds()).isEqualTo(0.42);
  }

  @Test
  void givesUpAtItsLimit() throws IOException {
    CountingClient client = new CountingClient();
    AtomicLong compiled = new AtomicLong();
    ClosedLoop.WarmUp warmUp =
        loop.warm(client, 5, Duration.ofMillis(400), WINDOW, () -> compiled.addAndGet(1_000));
    assertThat(warmUp.settled()).isFalse();
    assertThat(warmUp.seconds()).isBetween(0.4, 5.0);
    assertThat(warmUp.requests()).isEqualTo(client.fetched.get());
  }

  @Test
  void aZeroLimitOrAnUntoldCompileTimeSendsTheCountOnly() throws IOException {
    CountingClient client = new CountingClient();
    ClosedLoop.WarmUp noLimit =
        loop.warm(client, 5, Duration.ZERO, WINDOW, () -> System.nanoTime());
    assertThat(noLimit.requests()).isEqualTo(5).isEqualTo(client.fetched.get());
    assertThat(noLimit.settled()).isTrue();

    CountingClient untold = new CountingClient();
    ClosedLoop.WarmUp unknown = loop.warm(untold, 7, Duration.ofSeconds(30), WINDOW, () -> -1);
    assertThat(unknown.requests()).isEqualTo(7).isEqualTo(untold.fetched.get());
    assertThat(unknown.compileSeconds()).isNegative();
  }
}
