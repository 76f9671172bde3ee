package io.newsarchive.semantic;

import org.apache.lucene.util.BytesRef;

/**
 * An article's passage vectors as the bytes of one doc-values field: each component a
 * half-precision float (about three decimal digits, which moves a cosine by less than 0.001), so an
 * article of one passage costs 768 bytes. Stateless.
 */
public final class PassageVectors {

  private PassageVectors() {}

  /** The bytes of {@code passages}, vectors of {@link PassageEmbedder#DIMENSION} components. */
  public static BytesRef encode(float[][] passages) {
    byte[] bytes = new byte[passages.length * PassageEmbedder.DIMENSION * 2];
    int at = 0;
    for (float[] vector : passages) {
      if (vector.length != PassageEmbedder.DIMENSION) {
        throw new IllegalArgumentException(
            "a passage vector has "
                + vector.length
                + " components, not "
                + PassageEmbedder.DIMENSION);
      }
      for (float v : vector) {
        short half = Float.floatToFloat16(v);
        bytes[at++] = (byte) (half >> 8);
        bytes[at++] = (byte) half;
      }
    }
    return new BytesRef(bytes);
  }

  /** The cosine of two unit vectors of the same length: their dot product. */
  public static double cosine(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  /**
   * The best cosine of {@code query} with a passage of {@code encoded} (both unit vectors): how
   * close the article's closest passage is to the query in meaning.
   */
  public static double bestScore(float[] query, BytesRef encoded) {
    int passages = encoded.length / (PassageEmbedder.DIMENSION * 2);
    double best = -1;
    int at = encoded.offset;
    for (int p = 0; p < passages; p++) {
      double sum = 0;
      for (int i = 0; i < PassageEmbedder.DIMENSION; i++) {
        short half = (short) (((encoded.bytes[at] & 0xff) << 8) | (encoded.bytes[at + 1] & 0xff));
        at += 2;
        sum += query[i] * Float.float16ToFloat(half);
      }
      best = Math.max(best, sum);
    }
    return best;
  }
}
