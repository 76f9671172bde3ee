package io.newsarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReutersDateTest {

  @Test
  void readsWellFormedDatesInUtcWithoutOddity() {
    ReutersDate date = ReutersDate.parse(" 2-MAR-1987 09:01:31.06");

    assertThat(date.instant()).isEqualTo(Instant.parse("1987-03-02T09:01:31.06Z"));
    assertThat(date.oddity()).isEmpty();
  }

  @Test
  void readsASingleFractionDigitAsTenths() {
    assertThat(ReutersDate.parse("9-APR-1987 13:32:06.7").instant())
        .isEqualTo(Instant.parse("1987-04-09T13:32:06.7Z"));
  }

  @Test
  void ignoresTheNoiseTheReadmeSaysMayFollowADate() {
    ReutersDate date = ReutersDate.parse("27-MAR-1987 00:02:59.13RM");

    assertThat(date.instant()).isEqualTo(Instant.parse("1987-03-27T00:02:59.13Z"));
    assertThat(date.oddity()).isEmpty();
  }

  @Test
  void keepsTheTimeOfADateWithTwoSpacesButReportsIt() {
    ReutersDate date = ReutersDate.parse("3-MAR-1987  10:16:24.19");

    assertThat(date.instant()).isEqualTo(Instant.parse("1987-03-03T10:16:24.19Z"));
    assertThat(date.oddity()).contains("'3-MAR-1987  10:16:24.19'");
  }

  @Test
  void fallsBackToTheDayWhenTheTimeIsImpossible() {
    ReutersDate date = ReutersDate.parse("31-MAR-1987 605:12:19.12");

    assertThat(date.instant()).isEqualTo(Instant.parse("1987-03-31T00:00:00Z"));
    assertThat(date.oddity()).contains("day only");
  }

  @Test
  void leavesAnUnreadableDateUndated() {
    ReutersDate date = ReutersDate.parse("sometime in spring");

    assertThat(date.instant()).isNull();
    assertThat(date.oddity()).contains("unreadable");
  }
}
