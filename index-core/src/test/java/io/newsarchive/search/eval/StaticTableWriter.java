package io.newsarchive.search.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsarchive.testing.SharedCorpora;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Writes the distilled static word-piece table that ranked best on TIME and near the best on the
 * topics set ({@link StaticEmbeddingBenchmark}): all-MiniLM-L6-v2's own mean pooling of {@code
 * [CLS]}, the word piece and {@code [SEP]}, reduced by PCA to {@value #DIMS} dimensions, each row
 * weighted by {@code a / (a + p)} with {@code a} = {@value #SIF} and {@code p} the word piece's
 * frequency in rss-news-2023, and stored as one float scale and {@value #DIMS} signed bytes per row
 * (7.9 MB). Not part of the default test run: {@code ./mvnw -pl index-core test
 * -Dtest=StaticTableWriter -Dsurefire.failIfNoSpecifiedTests=false -Dnewsarchive.staticOut=FILE}.
 * Deterministic: the same model and corpus give the same file byte for byte.
 */
class StaticTableWriter {

  private static final int DIMS = 256;
  private static final double SIF = 1e-3;

  @Test
  void writesTheTable() throws IOException {
    String out = System.getProperty("newsarchive.staticOut", "");
    assumeTrue(!out.isBlank(), "needs -Dnewsarchive.staticOut");
    long start = System.nanoTime();
    float[][] raw = StaticTable.distil().get(StaticTable.Pooling.MEAN);
    long[] counts = StaticCounts.count(SharedCorpora.require(StaticCounts.CORPUS)).pieces();
    float[][] table =
        StaticTable.weighted(StaticTable.pca(raw, DIMS), StaticTable.countWeights(counts, SIF));
    Path file = Path.of(out);
    write(file, table);
    System.out.printf(
        Locale.ROOT,
        "wrote %s (%d bytes) in %.1f s%n",
        file,
        Files.size(file),
        (System.nanoTime() - start) / 1e9);
  }

  /** Rows as a float scale (the row's largest magnitude / 127) and one signed byte a component. */
  private static void write(Path file, float[][] table) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    try (DataOutputStream data =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      data.writeInt(table.length);
      data.writeInt(table[0].length);
      for (float[] row : table) {
        float largest = 0;
        for (float v : row) {
          largest = Math.max(largest, Math.abs(v));
        }
        float scale = largest / 127;
        data.writeFloat(scale);
        for (float v : row) {
          data.writeByte(scale == 0 ? 0 : Math.round(v / scale));
        }
      }
    }
  }
}
