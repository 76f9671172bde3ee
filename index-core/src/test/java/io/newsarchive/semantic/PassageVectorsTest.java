package io.newsarchive.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PassageVectorsTest {

  private static float[] unit(Random random) {
    float[] vector = new float[PassageEmbedder.DIMENSION];
    double norm = 0;
    for (int i = 0; i < vector.length; i++) {
      vector[i] = (float) random.nextGaussian();
      norm += vector[i] * vector[i];
    }
    for (int i = 0; i < vector.length; i++) {
      vector[i] /= (float) Math.sqrt(norm);
    }
    return vector;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  @Test
  void theBestScoreIsTheClosestPassagesCosineWithinAThousandth() {
    Random random = new Random(7);
    float[] query = unit(random);
    float[][] passages = {unit(random), query.clone(), unit(random)};

    double best = PassageVectors.bestScore(query, PassageVectors.encode(passages));

    assertThat(best).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    float[][] others = {passages[0], passages[2]};
    double expected = Math.max(dot(query, passages[0]), dot(query, passages[2]));
    assertThat(PassageVectors.bestScore(query, PassageVectors.encode(others)))
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-3));
  }

  @Test
  void aVectorOfAnotherLengthIsRefused() {
    assertThatThrownBy(() -> PassageVectors.encode(new float[][] {new float[3]}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 components");
  }

  @Test
  void longTextsAreCutIntoPassagesWithTheTitleBeforeTheFirst() {
    String body = String.join(" ", Collections.nCopies(PassageEmbedder.PASSAGE_WORDS + 10, "w"));

    List<String> passages = PassageEmbedder.passages("Cocoa talks", body);

    assertThat(passages).hasSize(2);
    assertThat(passages.get(0)).startsWith("Cocoa talks. w w");
    assertThat(passages.get(1).split(" ")).hasSize(10);
    assertThat(PassageEmbedder.passages("Only a title", "")).containsExactly("Only a title.");
  }
}
