package io.newsarchive.entities.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.entities.NerLabels;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConllCorpusTest {

  @Test
  void iob1SpansFollowConllevalRules() {
    List<NerLabels.Span> spans =
        ConllCorpus.spans(List.of("I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "I-ORG"));
    assertThat(spans)
        .containsExactly(
            new NerLabels.Span(0, 2, 0),
            new NerLabels.Span(2, 3, 0),
            new NerLabels.Span(4, 5, 2),
            new NerLabels.Span(5, 7, 1));
  }

  @Test
  void bilouEncodingRoundTrips() {
    List<NerLabels.Span> spans =
        List.of(
            new NerLabels.Span(0, 1, 1), new NerLabels.Span(2, 5, 3), new NerLabels.Span(5, 7, 0));
    int[] labels = NerLabels.encode(8, spans);
    assertThat(NerLabels.decode(labels)).isEqualTo(spans);
    for (int i = 1; i < labels.length; i++) {
      assertThat(NerLabels.allowed(labels[i - 1], labels[i])).isTrue();
    }
  }

  @Test
  void unknownTagIsRejected() {
    assertThatThrownBy(() -> ConllCorpus.spans(List.of("X-PER")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
