package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FeatureTableTest {

  private static final int L = NerLabels.COUNT;

  @Test
  void eachPassAddsExactlyItsOwnWeightsOfEveryFeature() {
    Random random = new Random(7);
    // Features 0..2999 for the first pass, 2000..4999 for the second: a thousand known to both,
    // two thousand to each alone. Feature hash 0 is stored as 1 by the index; both are included.
    SequencePerceptron first = perceptron(0, 3000, random);
    SequencePerceptron second = perceptron(2000, 5000, random);
    FeatureTable table = new FeatureTable(first, second);
    for (long feature = 0; feature < 5000; feature++) {
      long row = table.row(hash(feature));
      assertThat(row).as("feature %d", feature).isNotNegative();
      for (SequencePerceptron pass : new SequencePerceptron[] {first, second}) {
        float[] expected = new float[3 * L];
        for (int y = 0; y < expected.length; y++) {
          expected[y] = random.nextFloat() * 8 - 4;
        }
        // Added onto the scores already there, at a token's offset, as a pass adds them.
        float[] actual = expected.clone();
        int own = pass.index().get(hash(feature));
        if (own >= 0) {
          pass.addRow(own, expected, L);
        }
        if (pass == first) {
          table.addFirst(row, actual, L);
        } else {
          table.addSecond(row, actual, L);
        }
        assertThat(actual).as("feature %d", feature).containsExactly(expected);
      }
    }
    assertThat(table.row(hash(5000))).isEqualTo(FeatureTable.UNKNOWN);
  }

  @Test
  void aModelOfOnePassHasOnlyItsWeights() {
    Random random = new Random(11);
    SequencePerceptron only = perceptron(0, 100, random);
    FeatureTable table = new FeatureTable(only, null);
    for (long feature = 0; feature < 100; feature++) {
      float[] expected = new float[L];
      float[] actual = new float[L];
      only.addRow(only.index().get(hash(feature)), expected, 0);
      table.addFirst(table.row(hash(feature)), actual, 0);
      assertThat(actual).containsExactly(expected);
    }
    assertThat(table.row(hash(100))).isEqualTo(FeatureTable.UNKNOWN);
  }

  /** Feature 0 is the hash 0; the others are spread as real feature hashes are. */
  private static long hash(long feature) {
    return feature == 0 ? 0 : FeatureIndex.mix(feature);
  }

  private static SequencePerceptron perceptron(int from, int to, Random random) {
    FeatureIndex index = new FeatureIndex(to - from);
    // Rows in another order than the features, as training adds them as it meets them.
    for (int feature = to - 1; feature >= from; feature--) {
      index.add(hash(feature));
    }
    float[] weights = new float[index.size() * L];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextInt(4) == 0 ? 0 : (float) random.nextGaussian();
    }
    return new SequencePerceptron(index, weights, new float[(L + 1) * L]);
  }
}
