package io.newsarchive.entities.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.entities.FeatureIndex;
import io.newsarchive.entities.NerLabels;
import io.newsarchive.entities.NerLabels.Span;
import io.newsarchive.entities.SequencePerceptron;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerceptronTrainerTest {

  private static final int PER = NerLabels.typeIndex("PER");
  private static final int LOC = NerLabels.typeIndex("LOC");

  private static final List<String> WORDS = List.of("john", "smith", "said", "in", "paris");

  /** Each token has two features: its word, and one that every token has. */
  private static int[][] rows(FeatureIndex index, String... words) {
    int[][] rows = new int[words.length][];
    for (int i = 0; i < words.length; i++) {
      rows[i] = new int[] {index.add(WORDS.indexOf(words[i]) + 1), index.add(-1)};
    }
    return rows;
  }

  @Test
  void averagedModelTagsItsTrainingSentencesAndANewOrderOfTheirWords() {
    FeatureIndex index = new FeatureIndex(WORDS.size());
    int[][] nameSaid = rows(index, "john", "smith", "said");
    int[] nameSaidGold = NerLabels.encode(3, List.of(new Span(0, 2, PER)));
    int[][] saidInPlace = rows(index, "said", "in", "paris");
    int[] saidInPlaceGold = NerLabels.encode(3, List.of(new Span(2, 3, LOC)));
    PerceptronTrainer trainer = new PerceptronTrainer(index);
    assertThat(trainer.averaged().decode(nameSaid)).isNotEqualTo(nameSaidGold);

    for (int epoch = 0; epoch < 5; epoch++) {
      trainer.train(nameSaid, nameSaidGold);
      trainer.train(saidInPlace, saidInPlaceGold);
    }

    SequencePerceptron model = trainer.averaged();
    assertThat(model.decode(nameSaid)).isEqualTo(nameSaidGold);
    assertThat(model.decode(saidInPlace)).isEqualTo(saidInPlaceGold);
    assertThat(NerLabels.decode(model.decode(rows(index, "in", "paris", "john", "smith", "said"))))
        .containsExactly(new Span(1, 2, LOC), new Span(2, 4, PER));
  }

  @Test
  void meanOfTrainersOverDifferentFeatureIndexesIsRejected() {
    List<PerceptronTrainer> trainers =
        List.of(
            new PerceptronTrainer(new FeatureIndex(4)), new PerceptronTrainer(new FeatureIndex(4)));

    assertThatThrownBy(() -> PerceptronTrainer.mean(trainers))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("share their feature index");
  }

  @Test
  void weightsForFewerFeaturesThanTheIndexHoldsAreRejected() {
    FeatureIndex index = new FeatureIndex(4);
    index.add(1);
    index.add(2);
    float[] oneRow = new float[NerLabels.COUNT];
    float[] transitions = new float[(NerLabels.COUNT + 1) * NerLabels.COUNT];

    assertThatThrownBy(() -> new SequencePerceptron(index, oneRow, transitions))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("for each of 2 features");
  }
}
