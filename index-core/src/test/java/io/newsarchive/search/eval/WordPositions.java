package io.newsarchive.search.eval;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.Ranking;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.SmallFloat;

/**
 * Where the words of one query stand in the body of one article, read from the postings (no
 * re-analysis), and the scores that positions give: the BM25 of the best window of the body, the
 * share of the query's idf that the article holds, and BM25TP's proximity of neighbouring query
 * words (Büttcher, Clarke and Lushman, 2006).
 *
 * @param length the body's length in positions, as its norm holds it
 * @param positions the positions of each of the query's distinct words, ascending (empty when the
 *     body lacks the word)
 */
record WordPositions(int length, int[][] positions) {

  /**
   * The distinct analyzed body words of a query with their BM25 idf and how often the query has
   * them, and the body's mean length.
   */
  record QueryWords(List<String> words, double[] idf, int[] counts, double meanLength) {

    /** The words of {@code terms} (repeats counted) with the statistics of {@code searcher}. */
    static QueryWords of(IndexSearcher searcher, List<String> terms) throws IOException {
      List<String> words = new ArrayList<>();
      List<Integer> counts = new ArrayList<>();
      for (String term : terms) {
        int at = words.indexOf(term);
        if (at < 0) {
          words.add(term);
          counts.add(1);
        } else {
          counts.set(at, counts.get(at) + 1);
        }
      }
      CollectionStatistics body = searcher.collectionStatistics(ArticleFields.BODY);
      double[] idf = new double[words.size()];
      for (int i = 0; i < idf.length; i++) {
        Term term = new Term(ArticleFields.BODY, words.get(i));
        int df = searcher.getIndexReader().docFreq(term);
        long n = body == null ? 1 : body.docCount();
        idf[i] = df == 0 ? 0 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
      }
      double mean = body == null ? 1 : (double) body.sumTotalTermFreq() / body.docCount();
      return new QueryWords(
          List.copyOf(words), idf, counts.stream().mapToInt(Integer::intValue).toArray(), mean);
    }

    /** The sum of the words' idf, each as often as the query has it. */
    double idfMass() {
      double sum = 0;
      for (int i = 0; i < idf.length; i++) {
        sum += counts[i] * idf[i];
      }
      return sum;
    }
  }

  /** The positions of {@code words} in the body of the article {@code doc} of {@code reader}. */
  static WordPositions read(IndexReader reader, int doc, QueryWords words) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    LeafReader leafReader = leaf.reader();
    int local = doc - leaf.docBase;
    int[][] positions = new int[words.words().size()][];
    for (int i = 0; i < positions.length; i++) {
      PostingsEnum postings =
          leafReader.postings(
              new Term(ArticleFields.BODY, words.words().get(i)), PostingsEnum.POSITIONS);
      if (postings == null || postings.advance(local) != local) {
        positions[i] = new int[0];
        continue;
      }
      int[] at = new int[postings.freq()];
      for (int p = 0; p < at.length; p++) {
        at[p] = postings.nextPosition();
      }
      Arrays.sort(at);
      positions[i] = at;
    }
    NumericDocValues norms = leafReader.getNormValues(ArticleFields.BODY);
    // The norm holds the length in four significant bits: the last position seen may lie past it.
    int length =
        norms != null && norms.advanceExact(local)
            ? SmallFloat.byte4ToInt((byte) norms.longValue())
            : 1;
    for (int[] at : positions) {
      length = at.length == 0 ? length : Math.max(length, at[at.length - 1] + 1);
    }
    return new WordPositions(length, positions);
  }

  /**
   * The BM25 score of the best window of {@code size} positions, windows starting every half
   * window; a window's length is its share of the body against {@code size} as the mean.
   */
  double bestWindow(QueryWords words, int size) {
    double best = 0;
    for (double score : windows(words, size, Math.max(1, size / 2))) {
      best = Math.max(best, score);
    }
    return best;
  }

  /**
   * The BM25 score of each window of {@code size} positions starting every {@code stride}
   * positions, as {@link #bestWindow}: window k starts at k × stride.
   */
  double[] windows(QueryWords words, int size, int stride) {
    int count = length <= size ? 1 : 1 + (length - size + stride - 1) / stride;
    double[] scores = new double[count];
    for (int k = 0; k < count; k++) {
      int start = k * stride;
      int end = start + size;
      double windowLength = Math.max(1, Math.min(end, length) - start);
      double norm = Ranking.K1 * (1 - Ranking.B + Ranking.B * windowLength / size);
      for (int i = 0; i < positions.length; i++) {
        int tf = count(positions[i], start, end);
        if (tf > 0) {
          scores[k] += words.counts()[i] * words.idf()[i] * tf / (tf + norm);
        }
      }
    }
    return scores;
  }

  /** The share of the query's idf mass (repeats counted) whose words the body holds. */
  double coverage(QueryWords words) {
    double held = 0;
    for (int i = 0; i < positions.length; i++) {
      if (positions[i].length > 0) {
        held += words.counts()[i] * words.idf()[i];
      }
    }
    double mass = words.idfMass();
    return mass > 0 ? held / mass : 0;
  }

  /**
   * BM25TP's proximity: each occurrence of a query word gains the idf of the other query word next
   * to it in the body, over the square of their distance, when at most {@code window} apart; each
   * word's sum is saturated as BM25 saturates a frequency and weighed by min(1, idf).
   */
  double proximity(QueryWords words, int window) {
    int total = 0;
    for (int[] at : positions) {
      total += at.length;
    }
    long[] merged = new long[total];
    int n = 0;
    for (int i = 0; i < positions.length; i++) {
      for (int position : positions[i]) {
        merged[n++] = ((long) position << 20) | i;
      }
    }
    Arrays.sort(merged);
    double[] acc = new double[positions.length];
    for (int k = 1; k < merged.length; k++) {
      int prev = (int) (merged[k - 1] & 0xFFFFF);
      int cur = (int) (merged[k] & 0xFFFFF);
      long distance = (merged[k] >>> 20) - (merged[k - 1] >>> 20);
      if (prev != cur && distance > 0 && distance <= window) {
        acc[cur] += words.idf()[prev] / (distance * distance);
        acc[prev] += words.idf()[cur] / (distance * distance);
      }
    }
    double norm = Ranking.K1 * (1 - Ranking.B + Ranking.B * length / words.meanLength());
    double score = 0;
    for (int i = 0; i < acc.length; i++) {
      score += words.counts()[i] * Math.min(1, words.idf()[i]) * acc[i] / (acc[i] + norm);
    }
    return score;
  }

  private static int count(int[] sorted, int from, int to) {
    return lowerBound(sorted, to) - lowerBound(sorted, from);
  }

  private static int lowerBound(int[] sorted, int key) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < key) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
