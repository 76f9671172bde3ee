package io.newsarchive.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EigenTest {

  @Test
  void largestEigenvectorComesFirst() {
    // Eigenvalues 3 along (1, 1) and 1 along (1, -1).
    double[][] vectors = Eigen.topVectors(new double[][] {{2, 1}, {1, 2}}, 2);

    double half = Math.sqrt(0.5);
    assertThat(vectors[0]).containsExactly(new double[] {half, half}, within(1e-12));
    assertThat(Math.abs(vectors[1][0])).isCloseTo(half, within(1e-12));
    assertThat(vectors[1][0] + vectors[1][1]).isCloseTo(0, within(1e-12));
  }

  @Test
  void vectorsOfALargerMatrixAreOrthonormalAndSatisfyTheEquation() {
    double[][] matrix = {{4, 1, 0.5, 0}, {1, 3, 0.2, 0.1}, {0.5, 0.2, 2, 0.3}, {0, 0.1, 0.3, 1}};
    double[][] vectors = Eigen.topVectors(matrix, 4);

    double previous = Double.POSITIVE_INFINITY;
    for (int a = 0; a < 4; a++) {
      double[] product = new double[4];
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
          product[i] += matrix[i][j] * vectors[a][j];
        }
      }
      double value = dot(product, vectors[a]);
      for (int i = 0; i < 4; i++) {
        assertThat(product[i]).isCloseTo(value * vectors[a][i], within(1e-9));
      }
      assertThat(value).isLessThanOrEqualTo(previous);
      previous = value;
      for (int b = 0; b < 4; b++) {
        assertThat(dot(vectors[a], vectors[b])).isCloseTo(a == b ? 1 : 0, within(1e-9));
      }
    }
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
