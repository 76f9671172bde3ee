package io.newsarchive.search.eval;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Static word-piece embeddings distilled from all-MiniLM-L6-v2 (8-bit) by the Model2Vec method
 * (Tulkens and van Dongen, 2024): every token of the model's WordPiece vocabulary is run through
 * the model alone, between {@code [CLS]} and {@code [SEP]}, and its output embedding kept; the
 * table is then reduced by PCA and its rows weighted so that frequent word pieces count less. A
 * text's vector is the mean of its word pieces' rows. Deterministic: ONNX Runtime runs on one
 * thread and the PCA is an exact eigen decomposition.
 */
final class StaticTable {

  /** Word pieces of the model's vocabulary. */
  static final int VOCABULARY = 30522;

  /** Ids of the special word pieces and the last unused one: never in a text's word pieces. */
  static final int LAST_UNUSED = 998;

  private static final int CLS = 101;
  private static final int SEP = 102;
  private static final int BATCH = 512;
  private static final String MODEL = "all-minilm-l6-v2-q";

  /** How a word piece's output is read from the model's three output positions. */
  enum Pooling {
    /**
     * The mean of the outputs at {@code [CLS]}, the word piece and {@code [SEP]}: the model's own.
     */
    MEAN,
    /** The output at the word piece's position. */
    TOKEN
  }

  private StaticTable() {}

  /** The model's WordPiece tokenizer, without special tokens, truncation or padding. */
  static HuggingFaceTokenizer tokenizer() throws IOException {
    try (InputStream in = resource(MODEL + "-tokenizer.json")) {
      return HuggingFaceTokenizer.newInstance(
          in, Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
    }
  }

  /** The raw 384-dimensional output of every word piece, read the way of {@code pooling}. */
  static Map<Pooling, float[][]> distil() throws IOException {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    Map<Pooling, float[][]> tables = new HashMap<>();
    for (Pooling pooling : Pooling.values()) {
      tables.put(pooling, new float[VOCABULARY][]);
    }
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        InputStream onnx = resource(MODEL + ".onnx")) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      try (OrtSession session = environment.createSession(onnx.readAllBytes(), options)) {
        for (int start = 0; start < VOCABULARY; start += BATCH) {
          run(environment, session, start, Math.min(VOCABULARY, start + BATCH), tables);
        }
      }
    } catch (OrtException e) {
      throw new IOException("cannot run the model: " + e.getMessage(), e);
    }
    return tables;
  }

  /**
   * The raw output of each of {@code words}, given as its word pieces, run through the model as one
   * text: for {@link Pooling#TOKEN}, the mean of the outputs at its word pieces.
   */
  static Map<Pooling, float[][]> distilWords(List<long[]> words) throws IOException {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    Map<Pooling, float[][]> tables = new HashMap<>();
    for (Pooling pooling : Pooling.values()) {
      tables.put(pooling, new float[words.size()][]);
    }
    // Batches of words of one length need no padding.
    Map<Integer, List<Integer>> byLength = new TreeMap<>();
    for (int w = 0; w < words.size(); w++) {
      byLength.computeIfAbsent(words.get(w).length, k -> new ArrayList<>()).add(w);
    }
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        InputStream onnx = resource(MODEL + ".onnx")) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      try (OrtSession session = environment.createSession(onnx.readAllBytes(), options)) {
        for (List<Integer> same : byLength.values()) {
          for (int start = 0; start < same.size(); start += BATCH) {
            List<Integer> batch = same.subList(start, Math.min(same.size(), start + BATCH));
            long[][] ids = new long[batch.size()][];
            for (int i = 0; i < ids.length; i++) {
              ids[i] = framed(words.get(batch.get(i)));
            }
            float[][][] hidden = hidden(environment, session, ids);
            for (int i = 0; i < ids.length; i++) {
              tables.get(Pooling.MEAN)[batch.get(i)] = mean(hidden[i], 0, ids[i].length);
              tables.get(Pooling.TOKEN)[batch.get(i)] = mean(hidden[i], 1, ids[i].length - 1);
            }
          }
        }
      }
    } catch (OrtException e) {
      throw new IOException("cannot run the model: " + e.getMessage(), e);
    }
    return tables;
  }

  private static long[] framed(long[] pieces) {
    long[] ids = new long[pieces.length + 2];
    ids[0] = CLS;
    System.arraycopy(pieces, 0, ids, 1, pieces.length);
    ids[ids.length - 1] = SEP;
    return ids;
  }

  private static float[] mean(float[][] positions, int from, int to) {
    float[] mean = new float[positions[0].length];
    for (int p = from; p < to; p++) {
      for (int d = 0; d < mean.length; d++) {
        mean[d] += positions[p][d] / (to - from);
      }
    }
    return mean;
  }

  private static void run(
      OrtEnvironment environment,
      OrtSession session,
      int from,
      int to,
      Map<Pooling, float[][]> tables)
      throws OrtException {
    long[][] ids = new long[to - from][];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = new long[] {CLS, from + i, SEP};
    }
    float[][][] hidden = hidden(environment, session, ids);
    for (int i = 0; i < hidden.length; i++) {
      tables.get(Pooling.MEAN)[from + i] = mean(hidden[i], 0, 3);
      tables.get(Pooling.TOKEN)[from + i] = hidden[i][1].clone();
    }
  }

  /** The model's last hidden states of {@code ids}, texts of one length without padding. */
  private static float[][][] hidden(OrtEnvironment environment, OrtSession session, long[][] ids)
      throws OrtException {
    long[][] mask = new long[ids.length][];
    long[][] types = new long[ids.length][];
    for (int i = 0; i < ids.length; i++) {
      mask[i] = new long[ids[i].length];
      Arrays.fill(mask[i], 1);
      types[i] = new long[ids[i].length];
    }
    Map<String, OnnxTensor> inputs = new HashMap<>();
    inputs.put("input_ids", OnnxTensor.createTensor(environment, ids));
    inputs.put("attention_mask", OnnxTensor.createTensor(environment, mask));
    if (session.getInputNames().contains("token_type_ids")) {
      inputs.put("token_type_ids", OnnxTensor.createTensor(environment, types));
    }
    try (OrtSession.Result result = session.run(inputs)) {
      return (float[][][]) result.get(0).getValue();
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  /**
   * {@code rows} centred on their mean (over the word pieces a text can hold) and projected on
   * their {@code dims} principal components.
   */
  static float[][] pca(float[][] rows, int dims) {
    int n = rows[0].length;
    double[] mean = new double[n];
    int count = 0;
    for (int t = LAST_UNUSED + 1; t < rows.length; t++) {
      for (int d = 0; d < n; d++) {
        mean[d] += rows[t][d];
      }
      count++;
    }
    for (int d = 0; d < n; d++) {
      mean[d] /= count;
    }
    double[][] covariance = new double[n][n];
    double[] centred = new double[n];
    for (int t = LAST_UNUSED + 1; t < rows.length; t++) {
      for (int d = 0; d < n; d++) {
        centred[d] = rows[t][d] - mean[d];
      }
      for (int a = 0; a < n; a++) {
        for (int b = a; b < n; b++) {
          covariance[a][b] += centred[a] * centred[b];
        }
      }
    }
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < a; b++) {
        covariance[a][b] = covariance[b][a];
      }
    }
    double[][] components = Eigen.topVectors(covariance, dims);
    float[][] projected = new float[rows.length][dims];
    for (int t = 0; t < rows.length; t++) {
      for (int k = 0; k < dims; k++) {
        double sum = 0;
        for (int d = 0; d < n; d++) {
          sum += (rows[t][d] - mean[d]) * components[k][d];
        }
        projected[t][k] = (float) sum;
      }
    }
    return projected;
  }

  /**
   * Model2Vec's weights from a Zipf law over the vocabulary's order: {@code a / (a + p)} with
   * {@code p} proportional to {@code 1 / (rank + 2)}.
   */
  static double[] rankWeights(double a) {
    double[] p = new double[VOCABULARY];
    double sum = 0;
    for (int t = 0; t < VOCABULARY; t++) {
      p[t] = 1.0 / (t + 2);
      sum += p[t];
    }
    double[] weights = new double[VOCABULARY];
    for (int t = 0; t < VOCABULARY; t++) {
      weights[t] = a / (a + p[t] / sum);
    }
    return weights;
  }

  /** Smooth inverse frequency from word-piece counts: {@code a / (a + p)}. */
  static double[] countWeights(long[] counts, double a) {
    double total = 0;
    for (long c : counts) {
      total += c + 1;
    }
    double[] weights = new double[counts.length];
    for (int t = 0; t < counts.length; t++) {
      weights[t] = a / (a + (counts[t] + 1) / total);
    }
    return weights;
  }

  /** {@code rows}, each multiplied by its weight; the special word pieces become zero. */
  static float[][] weighted(float[][] rows, double[] weights) {
    float[][] out = new float[rows.length][];
    for (int t = 0; t < rows.length; t++) {
      out[t] = rows[t].clone();
      double w = t <= LAST_UNUSED ? 0 : weights == null ? 1 : t < weights.length ? weights[t] : 1;
      for (int d = 0; d < out[t].length; d++) {
        out[t][d] *= (float) w;
      }
    }
    return out;
  }

  /** Writes {@code rows} as float32 (a cache of the raw outputs, not the shipped table). */
  static void write(Path file, float[][] rows) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(rows.length);
      out.writeInt(rows[0].length);
      for (float[] row : rows) {
        for (float v : row) {
          out.writeFloat(v);
        }
      }
    }
  }

  /** Reads what {@link #write} wrote. */
  static float[][] read(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      float[][] rows = new float[in.readInt()][in.readInt()];
      for (float[] row : rows) {
        for (int d = 0; d < row.length; d++) {
          row[d] = in.readFloat();
        }
      }
      return rows;
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = StaticTable.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("no " + name + " on the class path");
    }
    return new BufferedInputStream(in);
  }
}
