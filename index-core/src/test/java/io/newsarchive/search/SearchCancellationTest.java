package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SearchCancellationTest {

  @Test
  void probeIsNotAskedBeforeItsInterval() {
    AtomicInteger asked = new AtomicInteger();
    SearchCancellation cancellation =
        new SearchCancellation(
            () -> {
              asked.incrementAndGet();
              return true;
            },
            Duration.ofHours(1));

    assertThat(cancellation.isCancelled()).isFalse();
    assertThat(asked).hasValue(0);
  }

  @Test
  void goneClientCancelsOnceTheIntervalHasPassed() throws InterruptedException {
    AtomicBoolean gone = new AtomicBoolean();
    AtomicInteger asked = new AtomicInteger();
    SearchCancellation cancellation =
        new SearchCancellation(
            () -> {
              asked.incrementAndGet();
              return gone.get();
            },
            Duration.ofMillis(20));

    Thread.sleep(30);
    assertThat(cancellation.isCancelled()).isFalse();
    assertThat(asked).hasValue(1);
    // Within the next interval the probe is not asked again, even though the client has left.
    gone.set(true);
    assertThat(cancellation.isCancelled()).isFalse();
    assertThat(asked).hasValue(1);

    Thread.sleep(30);
    assertThat(cancellation.isCancelled()).isTrue();
    assertThat(asked).hasValue(2);
    // Once cancelled it stays so without asking.
    assertThat(cancellation.isCancelled()).isTrue();
    assertThat(asked).hasValue(2);
  }

  @Test
  void cancelWorksWithoutProbe() {
    SearchCancellation cancellation = new SearchCancellation();
    assertThat(cancellation.isCancelled()).isFalse();
    cancellation.cancel();
    assertThat(cancellation.isCancelled()).isTrue();
  }

  @Test
  void intervalMustBePositive() {
    assertThatThrownBy(() -> new SearchCancellation(() -> false, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("interval");
  }
}
