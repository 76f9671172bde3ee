package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MinimumMatchTest {

  private static int required(String spec, int words) {
    return MinimumMatch.parse(spec).required(words);
  }

  @Test
  void countsAndPercentagesFollowSolrRounding() {
    assertThat(required("3", 5)).isEqualTo(3);
    assertThat(required("3", 2)).isEqualTo(2);
    assertThat(required("-1", 5)).isEqualTo(4);
    assertThat(required("75%", 5)).isEqualTo(3);
    assertThat(required("-25%", 5)).isEqualTo(4);
    assertThat(required("100%", 7)).isEqualTo(7);
  }

  @Test
  void neverRequiresNoneOrMoreThanTheWords() {
    assertThat(required("0", 4)).isEqualTo(1);
    assertThat(required("-9", 4)).isEqualTo(1);
    assertThat(required("10%", 3)).isEqualTo(1);
    assertThat(required("9", 4)).isEqualTo(4);
    assertThat(required("75%", 0)).isZero();
  }

  @Test
  void conditionsRequireEveryWordUpToTheFirstCount() {
    assertThat(required("2<75%", 1)).isEqualTo(1);
    assertThat(required("2<75%", 2)).isEqualTo(2);
    assertThat(required("2<75%", 4)).isEqualTo(3);
    assertThat(required("2<-1 5<80%", 2)).isEqualTo(2);
    assertThat(required("2<-1 5<80%", 4)).isEqualTo(3);
    assertThat(required("2<-1 5<80%", 5)).isEqualTo(4);
    assertThat(required("2<-1 5<80%", 10)).isEqualTo(8);
    assertThat(required("2<1", 2)).isEqualTo(2);
    assertThat(required("2<1", 3)).isEqualTo(1);
  }

  @Test
  void malformedSpecificationsSayWhatIsAccepted() {
    for (String bad : new String[] {"", "abc", "%", "120%", "2<", "<3", "3<75% 2<1", "2<75% x"}) {
      assertThatThrownBy(() -> MinimumMatch.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("2<75%");
    }
  }

  @Test
  void parameterRejectsAMalformedValueNamingIt() {
    assertThatThrownBy(() -> SearchParameters.MINIMUM_MATCH.parse(List.of("lots")))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.param()).contains("mm");
              assertThat(e.title()).isEqualTo("malformed mm");
            });
    assertThat(SearchParameters.MINIMUM_MATCH.parse(List.of())).isNull();
    assertThat(SearchParameters.MINIMUM_MATCH.parse(List.of("2<75%")))
        .isEqualTo(MinimumMatch.parse("2<75%"));
  }
}
