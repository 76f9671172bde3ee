package io.newsarchive.entities;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * A first-order linear-chain model over BILOU labels, decoded with Viterbi and trained as an
 * averaged structured perceptron (Collins 2002), the learner of the Illinois NER tagger. Each
 * token's score for a label is the sum of that label's weights over the token's feature rows, plus
 * a label-to-label transition weight. Decoding is thread-safe; training is not.
 *
 * <p>Public for the entity model's training ({@code io.newsarchive.entities.train}) and evaluation
 * ({@code io.newsarchive.entities.eval}) only; not an API for other callers.
 */
public final class SequencePerceptron {

  private static final int L = NerLabels.COUNT;
  private static final boolean[][] ALLOWED = allowedTransitions();

  private final FeatureIndex index;
  private float[] weights;
  private final float[] transitions = new float[(L + 1) * L];
  private float[] weightTotals;
  private final float[] transitionTotals = new float[(L + 1) * L];
  private int updates = 1;

  /** A model to train, with zero weights for every feature of {@code index}. */
  public SequencePerceptron(FeatureIndex index) {
    this.index = index;
    this.weights = new float[Math.max(1, index.size()) * L];
    this.weightTotals = new float[weights.length];
  }

  private SequencePerceptron(FeatureIndex index, float[] weights, float[] transitions) {
    this.index = index;
    this.weights = weights;
    System.arraycopy(transitions, 0, this.transitions, 0, transitions.length);
  }

  FeatureIndex index() {
    return index;
  }

  /** Rows of the known features among {@code hashes}; unknown features are dropped. */
  int[] rows(long[] hashes, int count) {
    int[] rows = new int[count];
    int n = 0;
    for (int i = 0; i < count; i++) {
      int row = index.get(hashes[i]);
      if (row >= 0) {
        rows[n++] = row;
      }
    }
    return n == count ? rows : java.util.Arrays.copyOf(rows, n);
  }

  /** The best label sequence for tokens given by their feature rows. */
  public int[] decode(int[][] tokenRows) {
    int n = tokenRows.length;
    int[] labels = new int[n];
    if (n == 0) {
      return labels;
    }
    float[] emission = new float[L];
    float[] score = new float[L];
    float[] next = new float[L];
    int[][] back = new int[n][L];
    emissions(tokenRows[0], emission);
    for (int y = 0; y < L; y++) {
      score[y] = ALLOWED[0][y] ? emission[y] + transitions[y] : Float.NEGATIVE_INFINITY;
    }
    for (int t = 1; t < n; t++) {
      emissions(tokenRows[t], emission);
      for (int y = 0; y < L; y++) {
        float best = Float.NEGATIVE_INFINITY;
        int arg = 0;
        for (int p = 0; p < L; p++) {
          if (ALLOWED[p + 1][y]) {
            float s = score[p] + transitions[(p + 1) * L + y];
            if (s > best) {
              best = s;
              arg = p;
            }
          }
        }
        next[y] = best + emission[y];
        back[t][y] = arg;
      }
      float[] swap = score;
      score = next;
      next = swap;
    }
    int arg = 0;
    float best = Float.NEGATIVE_INFINITY;
    for (int y = 0; y < L; y++) {
      if (NerLabels.mayEnd(y) && score[y] > best) {
        best = score[y];
        arg = y;
      }
    }
    for (int t = n - 1; t >= 0; t--) {
      labels[t] = arg;
      arg = back[t][arg];
    }
    return labels;
  }

  private void emissions(int[] rows, float[] out) {
    java.util.Arrays.fill(out, 0f);
    for (int row : rows) {
      int base = row * L;
      for (int y = 0; y < L; y++) {
        out[y] += weights[base + y];
      }
    }
  }

  /** One perceptron step on a sentence: decode, then move weights toward the gold labels. */
  public void train(int[][] tokenRows, int[] gold) {
    int[] predicted = decode(tokenRows);
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

  /** The averaged model, for decoding; this trainer stays usable. */
  public SequencePerceptron averaged() {
    float[] w = new float[weights.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = weights[i] - weightTotals[i] / updates;
    }
    float[] tr = new float[transitions.length];
    for (int i = 0; i < tr.length; i++) {
      tr[i] = transitions[i] - transitionTotals[i] / updates;
    }
    return new SequencePerceptron(index, w, tr);
  }

  /** The mean of models that share one feature index (trained on differently shuffled data). */
  public static SequencePerceptron mean(List<SequencePerceptron> models) {
    SequencePerceptron first = models.get(0);
    float[] w = new float[first.weights.length];
    float[] tr = new float[first.transitions.length];
    for (SequencePerceptron model : models) {
      if (model.index != first.index) {
        throw new IllegalArgumentException("models to average must share their feature index");
      }
      for (int i = 0; i < w.length; i++) {
        w[i] += model.weights[i] / models.size();
      }
      for (int i = 0; i < tr.length; i++) {
        tr[i] += model.transitions[i] / models.size();
      }
    }
    return new SequencePerceptron(first.index, w, tr);
  }

  /** Writes the non-zero weights; features whose weights are all zero are left out. */
  void write(DataOutput out) throws IOException {
    long[] features = index.featuresByRow();
    int kept = 0;
    for (int row = 0; row < features.length; row++) {
      if (nonZero(row) > 0) {
        kept++;
      }
    }
    out.writeInt(kept);
    for (int row = 0; row < features.length; row++) {
      int nonZero = nonZero(row);
      if (nonZero == 0) {
        continue;
      }
      out.writeLong(features[row]);
      out.writeByte(nonZero);
      for (int y = 0; y < L; y++) {
        float v = weights[row * L + y];
        if (Math.abs(v) > 1e-4f) {
          out.writeByte(y);
          out.writeFloat(v);
        }
      }
    }
    for (float v : transitions) {
      out.writeFloat(v);
    }
  }

  private int nonZero(int row) {
    int count = 0;
    for (int y = 0; y < L; y++) {
      if (Math.abs(weights[row * L + y]) > 1e-4f) {
        count++;
      }
    }
    return count;
  }

  static SequencePerceptron read(DataInput in) throws IOException {
    int rows = in.readInt();
    FeatureIndex index = new FeatureIndex(rows);
    float[] w = new float[Math.max(1, rows) * L];
    for (int r = 0; r < rows; r++) {
      int row = index.add(in.readLong());
      int nonZero = in.readUnsignedByte();
      for (int k = 0; k < nonZero; k++) {
        int y = in.readUnsignedByte();
        w[row * L + y] = in.readFloat();
      }
    }
    float[] tr = new float[(L + 1) * L];
    for (int i = 0; i < tr.length; i++) {
      tr[i] = in.readFloat();
    }
    return new SequencePerceptron(index, w, tr);
  }

  private static boolean[][] allowedTransitions() {
    boolean[][] allowed = new boolean[L + 1][L];
    for (int p = -1; p < L; p++) {
      for (int y = 0; y < L; y++) {
        allowed[p + 1][y] = NerLabels.allowed(p, y);
      }
    }
    return allowed;
  }
}
