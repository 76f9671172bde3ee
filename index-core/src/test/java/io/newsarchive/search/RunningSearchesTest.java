package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunningSearchesTest {

  @Test
  void aSearchFindingEverySlotBusyIsRefusedAndCounted() throws InterruptedException {
    RunningSearches searches =
        new RunningSearches(
            new SearcherOptions(Duration.ofSeconds(1), Duration.ofSeconds(5), 1, Duration.ZERO));
    try (RunningSearches.Admitted first = searches.admit(System.nanoTime())) {
      assertThat(searches.running()).isEqualTo(1);
      assertThatThrownBy(() -> searches.admit(System.nanoTime()))
          .isInstanceOf(SearchesBusyException.class);
    }
    assertThat(searches.running()).isZero();
    assertThat(searches.counts(0)).isEqualTo(new SearchCounts(1, 0, 0, 1, 0));
    try (RunningSearches.Admitted second = searches.admit(System.nanoTime())) {
      assertThat(searches.counts(0).searches()).isEqualTo(2);
    }
  }
}
