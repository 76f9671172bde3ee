package io.newsarchive.entities;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A first-order linear-chain model over BILOU labels, decoded with Viterbi. Each token's score for
 * a label is the sum of that label's weights over the token's feature rows, plus a label-to-label
 * transition weight. The weights are learned as an averaged structured perceptron (Collins 2002),
 * the learner of the Illinois NER tagger, by {@code
 * io.newsarchive.entities.train.PerceptronTrainer}. Decoding is thread-safe as long as nobody
 * changes the weight arrays meanwhile.
 *
 * <p>Public for the entity model's training ({@code io.newsarchive.entities.train}) only; not an
 * API for other callers.
 */
public final class SequencePerceptron {

  private static final int L = NerLabels.COUNT;
  private static final boolean[][] ALLOWED = allowedTransitions();

  /**
   * For each label, the labels that may come right before it, in increasing order, so that Viterbi
   * visits only allowed transitions, in the same order as a scan of all labels would.
   */
  private static final int[][] PREDECESSORS = predecessors();

  private final FeatureIndex index;
  private final float[] weights;
  private final float[] transitions;

  /**
   * A model over the features of {@code index} with the given weights, used as given, not copied,
   * so that a trainer can decode with the weights it is still changing.
   *
   * @param weights the weight of label {@code y} for the feature in row {@code r} at {@code r *
   *     NerLabels.COUNT + y}, for at least every row of {@code index}
   * @param transitions the weight of label {@code y} after label {@code p} at {@code (p + 1) *
   *     NerLabels.COUNT + y}, where {@code p = -1} is the sentence start
   * @throws IllegalArgumentException when an array has the wrong length
   */
  public SequencePerceptron(FeatureIndex index, float[] weights, float[] transitions) {
    if (weights.length % L != 0 || weights.length / L < index.size()) {
      throw new IllegalArgumentException(
          "expected "
              + L
              + " weights for each of "
              + index.size()
              + " features, got "
              + weights.length);
    }
    if (transitions.length != (L + 1) * L) {
      throw new IllegalArgumentException(
          "expected " + (L + 1) * L + " transition weights, got " + transitions.length);
    }
    this.index = index;
    this.weights = weights;
    this.transitions = transitions;
  }

  /** The features this model has weights for, one row each. */
  FeatureIndex index() {
    return index;
  }

  /**
   * Adds the weights of feature row {@code row} to {@code scores}, label {@code y} at {@code base +
   * y}.
   */
  void addRow(int row, float[] scores, int base) {
    int from = row * L;
    for (int y = 0; y < L; y++) {
      scores[base + y] += weights[from + y];
    }
  }

  /**
   * Copies the weights of feature row {@code row}, label by label, into {@code to} from {@code at}.
   */
  void copyRow(int row, float[] to, int at) {
    System.arraycopy(weights, row * L, to, at, L);
  }

  /** The best label sequence for tokens given by their feature rows. */
  public int[] decode(int[][] tokenRows) {
    int n = tokenRows.length;
    float[] scores = new float[n * L];
    for (int t = 0; t < n; t++) {
      for (int row : tokenRows[t]) {
        addRow(row, scores, t * L);
      }
    }
    return decode(scores, n);
  }

  /**
   * The best label sequence for {@code n} tokens given the sum of their features' weights, label
   * {@code y} of token {@code t} at {@code emissions[t * NerLabels.COUNT + y]}.
   */
  int[] decode(float[] emissions, int n) {
    return decode(emissions, n, new int[n * L]);
  }

  /**
   * The same, keeping the best predecessors in {@code back} (at least {@code n * NerLabels.COUNT}
   * long), which a caller decoding many sentences reuses.
   */
  int[] decode(float[] emissions, int n, int[] back) {
    int[] labels = new int[n];
    if (n == 0) {
      return labels;
    }
    float[] score = new float[L];
    float[] next = new float[L];
    for (int y = 0; y < L; y++) {
      score[y] = ALLOWED[0][y] ? emissions[y] + transitions[y] : Float.NEGATIVE_INFINITY;
    }
    for (int t = 1; t < n; t++) {
      for (int y = 0; y < L; y++) {
        float best = Float.NEGATIVE_INFINITY;
        int arg = 0;
        for (int p : PREDECESSORS[y]) {
          float s = score[p] + transitions[(p + 1) * L + y];
          if (s > best) {
            best = s;
            arg = p;
          }
        }
        next[y] = best + emissions[t * L + y];
        back[t * L + y] = arg;
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
      arg = back[t * L + arg];
    }
    return labels;
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

  private static int[][] predecessors() {
    int[][] result = new int[L][];
    for (int y = 0; y < L; y++) {
      int[] labels = new int[L];
      int count = 0;
      for (int p = 0; p < L; p++) {
        if (ALLOWED[p + 1][y]) {
          labels[count++] = p;
        }
      }
      result[y] = java.util.Arrays.copyOf(labels, count);
    }
    return result;
  }
}
