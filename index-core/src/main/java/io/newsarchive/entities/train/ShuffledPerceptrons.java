package io.newsarchive.entities.train;

import io.newsarchive.entities.FeatureIndex;
import io.newsarchive.entities.SequencePerceptron;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Perceptrons trained side by side on differently shuffled orders of the same sentences, whose mean
 * is the model: averaging over shuffles lowers the variance that the order of the training
 * documents brings. Not thread-safe.
 */
final class ShuffledPerceptrons {

  private final List<List<int[][]>> rows;
  private final List<List<int[]>> gold;
  private final List<PerceptronTrainer> trainers = new ArrayList<>();
  private final List<Random> randoms = new ArrayList<>();
  private final List<List<Integer>> orders = new ArrayList<>();

  /**
   * Perceptrons over {@code index}, the {@code m}-th drawing its document orders from {@code seed +
   * m}.
   *
   * @param rows each document's sentences as feature rows
   * @param gold each document's sentences' gold labels
   */
  ShuffledPerceptrons(
      FeatureIndex index, List<List<int[][]>> rows, List<List<int[]>> gold, Draw draw) {
    this.rows = rows;
    this.gold = gold;
    for (int m = 0; m < draw.shuffles(); m++) {
      trainers.add(new PerceptronTrainer(index));
      randoms.add(new Random(draw.seed() + m));
      List<Integer> order = new ArrayList<>();
      for (int d = 0; d < rows.size(); d++) {
        order.add(d);
      }
      orders.add(order);
    }
  }

  /** How many perceptrons, and the seed of the first one's shuffles. */
  record Draw(int shuffles, int seed) {}

  /** One more pass of every perceptron over the documents, each in a newly shuffled order. */
  void epoch() {
    // Each perceptron has its own order and random source, so training them side by side gives
    // the same weights as training them one after another.
    IntStream.range(0, trainers.size())
        .parallel()
        .forEach(m -> {
          Collections.shuffle(orders.get(m), randoms.get(m));
          for (int d : orders.get(m)) {
            for (int s = 0; s < rows.get(d).size(); s++) {
              trainers.get(m).train(rows.get(d).get(s), gold.get(d).get(s));
            }
          }
        });
  }

  /** The mean of the perceptrons' averaged weights so far. */
  SequencePerceptron model() {
    return trainers.size() == 1 ? trainers.get(0).averaged() : PerceptronTrainer.mean(trainers);
  }
}
