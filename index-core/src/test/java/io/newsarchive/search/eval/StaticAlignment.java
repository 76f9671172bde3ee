package io.newsarchive.search.eval;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.semantic.PassageEmbedder;
import io.newsarchive.testing.SharedCorpora;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A linear map fitted so that the mapped static vector of a text comes close to the model's own
 * sentence embedding of it (ridge regression over the first texts of rss-news-2023, a collection
 * neither judged set comes from): a cheap step towards training the table on the model's outputs.
 */
final class StaticAlignment {

  private StaticAlignment() {}

  /**
   * {@code table} with every row multiplied by the map fitted on {@code count} texts, the static
   * vectors of the texts read from {@code table} itself.
   */
  static List<float[][]> aligned(
      float[][] table, HuggingFaceTokenizer tokenizer, int count, double[] ridges)
      throws IOException {
    List<String> texts = texts(count);
    int n = table[0].length;
    double[][] xx = new double[n][n];
    double[][] yx = new double[PassageEmbedder.DIMENSION][n];
    try (PassageEncoder encoder = PassageEncoder.load(PassageEncoder.Model.MINILM_Q)) {
      for (String text : texts) {
        float[] x = new float[n];
        for (long id : tokenizer.encode(text, false, false).getIds()) {
          for (int d = 0; d < n; d++) {
            x[d] += table[(int) id][d];
          }
        }
        unit(x);
        float[] y = encoder.passage(text);
        for (int a = 0; a < n; a++) {
          for (int b = 0; b < n; b++) {
            xx[a][b] += x[a] * x[b];
          }
        }
        for (int a = 0; a < y.length; a++) {
          for (int b = 0; b < n; b++) {
            yx[a][b] += y[a] * x[b];
          }
        }
      }
    }
    List<float[][]> tables = new ArrayList<>();
    for (double ridge : ridges) {
      tables.add(mapped(table, xx, yx, ridge * texts.size() / n));
    }
    return tables;
  }

  private static float[][] mapped(float[][] table, double[][] xx, double[][] yx, double ridge) {
    int n = xx.length;
    double[][] regularized = new double[n][];
    for (int a = 0; a < n; a++) {
      regularized[a] = xx[a].clone();
      regularized[a][a] += ridge;
    }
    // M = YX (XX)^-1, so the rows of M are the solutions of XX m = (YX row), XX symmetric.
    double[][] map = new double[yx.length][];
    double[][] lower = cholesky(regularized);
    for (int a = 0; a < yx.length; a++) {
      map[a] = solve(lower, yx[a]);
    }
    float[][] out = new float[table.length][yx.length];
    for (int t = 0; t < table.length; t++) {
      for (int a = 0; a < yx.length; a++) {
        double sum = 0;
        for (int b = 0; b < n; b++) {
          sum += map[a][b] * table[t][b];
        }
        out[t][a] = (float) sum;
      }
    }
    return out;
  }

  private static List<String> texts(int count) throws IOException {
    List<String> texts = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(
                    Files.newInputStream(SharedCorpora.require(StaticCounts.CORPUS))),
                StandardCharsets.UTF_8))) {
      for (String line = lines.readLine();
          line != null && texts.size() < count;
          line = lines.readLine()) {
        JsonNode record = json.readTree(line);
        String description = record.path("description").asText("");
        if (!description.isBlank()) {
          texts.add(record.path("title").asText("") + ". " + description);
        }
      }
    }
    return texts;
  }

  private static double[][] cholesky(double[][] a) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = a[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        l[i][j] = i == j ? Math.sqrt(sum) : sum / l[j][j];
      }
    }
    return l;
  }

  private static double[] solve(double[][] l, double[] b) {
    int n = b.length;
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = b[i];
      for (int k = 0; k < i; k++) {
        sum -= l[i][k] * z[k];
      }
      z[i] = sum / l[i][i];
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double sum = z[i];
      for (int k = i + 1; k < n; k++) {
        sum -= l[k][i] * x[k];
      }
      x[i] = sum / l[i][i];
    }
    return x;
  }

  private static void unit(float[] vector) {
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
    for (int d = 0; d < vector.length; d++) {
      vector[d] *= scale;
    }
  }
}
