package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RebuildPacingTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void aBuildRestsNineTimesItsDurationBeforeTheNext() {
    RebuildPacing pacing = new RebuildPacing();
    assertThat(pacing.mayStart(-5 * SECOND)).as("the first build").isTrue();
    // A build of 25 s, ending at 100 s: the next may start at 325 s.
    pacing.built(75 * SECOND, 100 * SECOND);
    assertThat(pacing.mayStart(100 * SECOND)).isFalse();
    assertThat(pacing.mayStart(324 * SECOND)).isFalse();
    assertThat(pacing.mayStart(325 * SECOND)).isTrue();
    // A quick build leaves almost no rest.
    pacing.built(400 * SECOND, 400 * SECOND + 1_000_000L);
    assertThat(pacing.mayStart(400 * SECOND + 10_000_000L)).isTrue();
  }

  @Test
  void theClocksWrapDoesNotStopBuilds() {
    RebuildPacing pacing = new RebuildPacing();
    pacing.built(Long.MAX_VALUE - SECOND, Long.MAX_VALUE);
    assertThat(pacing.mayStart(Long.MAX_VALUE)).isFalse();
    assertThat(pacing.mayStart(Long.MIN_VALUE + 10 * SECOND)).isTrue();
  }
}
