package io.newsarchive.search.eval;

import java.util.Arrays;
import java.util.Comparator;

/** The eigenvectors of a symmetric matrix by cyclic Jacobi rotations, for a PCA. */
final class Eigen {

  private static final int MAX_SWEEPS = 100;

  private Eigen() {}

  /**
   * The {@code k} eigenvectors of the symmetric {@code matrix} with the largest eigenvalues,
   * largest first, each with its largest component positive (so that the result does not depend on
   * signs).
   */
  static double[][] topVectors(double[][] matrix, int k) {
    int n = matrix.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = matrix[i].clone();
    }
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) {
      v[i][i] = 1;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(a) > 1e-22 * diagonal(a); sweep++) {
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) {
          rotate(a, v, p, q);
        }
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> a[i][i]).reversed());
    double[][] vectors = new double[k][n];
    for (int c = 0; c < k; c++) {
      int column = order[c];
      int largest = 0;
      for (int i = 0; i < n; i++) {
        vectors[c][i] = v[i][column];
        if (Math.abs(v[i][column]) > Math.abs(v[largest][column])) {
          largest = i;
        }
      }
      if (v[largest][column] < 0) {
        for (int i = 0; i < n; i++) {
          vectors[c][i] = -vectors[c][i];
        }
      }
    }
    return vectors;
  }

  private static void rotate(double[][] a, double[][] v, int p, int q) {
    if (Math.abs(a[p][q]) < 1e-300) {
      return;
    }
    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    int n = a.length;
    for (int k = 0; k < n; k++) {
      double akp = a[k][p];
      double akq = a[k][q];
      a[k][p] = c * akp - s * akq;
      a[k][q] = s * akp + c * akq;
    }
    for (int k = 0; k < n; k++) {
      double apk = a[p][k];
      double aqk = a[q][k];
      a[p][k] = c * apk - s * aqk;
      a[q][k] = s * apk + c * aqk;
    }
    for (int k = 0; k < n; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }

  private static double offDiagonal(double[][] a) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        if (i != j) {
          sum += a[i][j] * a[i][j];
        }
      }
    }
    return sum;
  }

  private static double diagonal(double[][] a) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i][i] * a[i][i];
    }
    return sum;
  }
}
