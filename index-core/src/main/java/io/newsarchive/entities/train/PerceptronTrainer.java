package io.newsarchive.entities.train;

import io.newsarchive.entities.FeatureIndex;
import io.newsarchive.entities.NerLabels;
import io.newsarchive.entities.SequencePerceptron;
import java.util.List;

/**
 * Trains the weights of a {@link SequencePerceptron} as an averaged structured perceptron (Collins
 * 2002): each sentence is decoded with the current weights, and where the result differs from the
 * gold labels the weights move toward the gold labels. The model kept is the average of the weights
 * over all steps, which generalizes better than the last weights. Not thread-safe.
 */
final class PerceptronTrainer {

  private static final int L = NerLabels.COUNT;

  private final FeatureIndex index;
  private final float[] weights;
  private final float[] transitions = new float[(L + 1) * L];
  private final float[] weightTotals;
  private final float[] transitionTotals = new float[(L + 1) * L];
  private final SequencePerceptron current;
  private int updates = 1;

  /** A trainer starting from zero weights for every feature of {@code index}. */
  PerceptronTrainer(FeatureIndex index) {
    this.index = index;
    this.weights = new float[Math.max(1, index.size()) * L];
    this.weightTotals = new float[weights.length];
    this.current = new SequencePerceptron(index, weights, transitions);
  }

  /** One perceptron step on a sentence: decode, then move weights toward the gold labels. */
  void train(int[][] tokenRows, int[] gold) {
    int[] predicted = current.decode(tokenRows);
    for (int t = 0; t < gold.length; t++) {
      if (predicted[t] != gold[t]) {
        for (int row : tokenRows[t]) {
          bump(weights, weightTotals, row * L + gold[t], 1f);
          bump(weights, weightTotals, row * L + predicted[t], -1f);
        }
      }
      int goldPrevious = t == 0 ? 0 : gold[t - 1] + 1;
      int predictedPrevious = t == 0 ? 0 : predicted[t - 1] + 1;
      if (goldPrevious != predictedPrevious || gold[t] != predicted[t]) {
        bump(transitions, transitionTotals, goldPrevious * L + gold[t], 1f);
        bump(transitions, transitionTotals, predictedPrevious * L + predicted[t], -1f);
      }
    }
    updates++;
  }

  private void bump(float[] w, float[] totals, int i, float delta) {
    w[i] += delta;
    totals[i] += updates * delta;
  }

  /** The averaged model so far; this trainer stays usable. */
  SequencePerceptron averaged() {
    float[] w = new float[weights.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = averagedWeight(i);
    }
    float[] tr = new float[transitions.length];
    for (int i = 0; i < tr.length; i++) {
      tr[i] = averagedTransition(i);
    }
    return new SequencePerceptron(index, w, tr);
  }

  private float averagedWeight(int i) {
    return weights[i] - weightTotals[i] / updates;
  }

  private float averagedTransition(int i) {
    return transitions[i] - transitionTotals[i] / updates;
  }

  /**
   * The mean of the averaged models of trainers that share one feature index (trained on
   * differently shuffled data).
   *
   * @throws IllegalArgumentException when the trainers do not share one feature index
   */
  static SequencePerceptron mean(List<PerceptronTrainer> trainers) {
    PerceptronTrainer first = trainers.get(0);
    float[] w = new float[first.weights.length];
    float[] tr = new float[first.transitions.length];
    for (PerceptronTrainer trainer : trainers) {
      if (trainer.index != first.index) {
        throw new IllegalArgumentException("models to average must share their feature index");
      }
      for (int i = 0; i < w.length; i++) {
        w[i] += trainer.averagedWeight(i) / trainers.size();
      }
      for (int i = 0; i < tr.length; i++) {
        tr[i] += trainer.averagedTransition(i) / trainers.size();
      }
    }
    return new SequencePerceptron(first.index, w, tr);
  }
}
