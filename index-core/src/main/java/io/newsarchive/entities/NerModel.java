package io.newsarchive.entities;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained two-pass tagger: the first pass labels a document's sentences from local features, the
 * second relabels them knowing what the first pass called the same words elsewhere in the document.
 * Immutable and thread-safe.
 *
 * <p>Public for the entity model's training ({@code io.newsarchive.entities.train}) and evaluation
 * ({@code io.newsarchive.entities.eval}) only; not an API for other callers.
 */
public final class NerModel {

  private static final int MAGIC = 0x4e45524d; // "NERM"
  private static final int VERSION = 4;

  private final TokenFeatures features;
  private final WordLexicon lexicon;
  private final Gazetteer gazetteer;
  private final SequencePerceptron firstPass;
  private final SequencePerceptron secondPass;
  private final FeatureTable table;

  /**
   * Each tagging thread's array for a sentence's feature rows, kept from document to document: most
   * news items are a few sentences, and an array made per document was grown again for each.
   */
  private final ThreadLocal<long[]> rowBuffers = ThreadLocal.withInitial(() -> new long[4096]);

  /**
   * The largest array of rows a thread keeps (512 KB): one a sentence of thousands of words grew, a
   * record with no punctuation, is left to the collector.
   */
  private static final int KEPT_ROWS = 1 << 16;

  /**
   * A model of two perceptron passes over the given lexicon and gazetteer, as training builds it.
   */
  public NerModel(
      WordLexicon lexicon,
      Gazetteer gazetteer,
      SequencePerceptron firstPass,
      SequencePerceptron secondPass) {
    this.lexicon = lexicon;
    this.gazetteer = gazetteer;
    this.firstPass = firstPass;
    this.secondPass = secondPass;
    this.table = new FeatureTable(firstPass, secondPass);
    this.features = new TokenFeatures(lexicon, gazetteer, table);
  }

  Gazetteer gazetteer() {
    return gazetteer;
  }

  WordLexicon lexicon() {
    return lexicon;
  }

  /** The first pass. */
  SequencePerceptron firstPass() {
    return firstPass;
  }

  /** The second pass, or null when the model has one pass. */
  SequencePerceptron secondPass() {
    return secondPass;
  }

  /** Both passes' rows of every feature the model knows. */
  FeatureTable table() {
    return table;
  }

  /** BILOU labels for every sentence of one document. */
  public List<int[]> tag(List<String[]> sentences) {
    // Each word's features and lower case, once per document: the votes and the document's clues
    // are keyed by the lower case, whose hash a kept string computes only once.
    List<WordFeatures[]> tokens = new ArrayList<>(sentences.size());
    List<String[]> lower = new ArrayList<>(sentences.size());
    for (String[] words : sentences) {
      WordFeatures[] sentenceTokens = features.tokens(words);
      tokens.add(sentenceTokens);
      lower.add(TokenFeatures.lowerTexts(sentenceTokens));
    }
    TokenFeatures.DocumentContext doc = new TokenFeatures.DocumentContext(sentences, lower);
    List<int[]> first = new ArrayList<>(sentences.size());
    // The second pass adds the weights of the same features before those of the votes: the first
    // pass, which finds each feature's row, adds both passes' weights (side by side in the table),
    // in the order the second pass would, into a sentence's second scores kept for it. Kept
    // instead, the rows were the largest part of what tagging allocated, and read twice.
    List<float[]> secondScores = new ArrayList<>(secondPass == null ? 0 : sentences.size());
    // The first pass sums each sentence's scores, and both decode them, in arrays reused from
    // sentence to sentence, sized for the longest; an array apiece was a fifth of the allocation.
    int longest = 0;
    for (String[] words : sentences) {
      longest = Math.max(longest, words.length);
    }
    float[] scores = new float[longest * NerLabels.COUNT];
    int[] back = new int[longest * NerLabels.COUNT];
    long[] rowBuffer = rowBuffers.get();
    for (int s = 0; s < sentences.size(); s++) {
      String[] words = sentences.get(s);
      WordFeatures[] window = tokens.get(s);
      TokenFeatures.Rows sentence = features.sentenceRows(words, window, doc, rowBuffer);
      long[] rows = sentence.features();
      rowBuffer = rows;
      Arrays.fill(scores, 0, words.length * NerLabels.COUNT, 0f);
      float[] second = secondPass == null ? null : new float[words.length * NerLabels.COUNT];
      for (int i = 0; i < words.length; i++) {
        int base = i * NerLabels.COUNT;
        for (int o = -WordFeatures.REACH; o <= WordFeatures.REACH; o++) {
          float[] weights = features.at(window, i + o).weights();
          table.addFirst(weights, o + WordFeatures.REACH, scores, base);
          if (second != null) {
            table.addSecond(weights, o + WordFeatures.REACH, second, base);
          }
        }
        for (int r = sentence.start(i); r < sentence.end(i); r++) {
          long row = rows[r];
          if (row >= 0) {
            table.addFirst(row, scores, base);
            if (second != null) {
              table.addSecond(row, second, base);
            }
          }
        }
      }
      int[] labels = firstPass.decode(scores, words.length, back);
      first.add(labels);
      doc.addVotes(words, lower.get(s), labels);
      if (second != null) {
        secondScores.add(second);
      }
    }
    if (rowBuffer.length <= KEPT_ROWS) {
      rowBuffers.set(rowBuffer);
    }
    if (secondPass == null) {
      return first;
    }
    List<int[]> second = new ArrayList<>(sentences.size());
    long[] votes = new long[TokenFeatures.MOST_VOTES];
    for (int s = 0; s < sentences.size(); s++) {
      float[] sentenceScores = secondScores.get(s);
      secondScores.set(s, null);
      String[] words = sentences.get(s);
      int[] firstLabels = first.get(s);
      int[][] counts = TokenFeatures.voteCounts(lower.get(s), doc);
      for (int i = 0; i < words.length; i++) {
        int base = i * NerLabels.COUNT;
        // Each token's votes go through one buffer, where an array apiece was a fiftieth of an
        // ingest's CPU (allocating and copying them).
        int voteCount = TokenFeatures.addVotes(votes, words, i, counts, firstLabels);
        for (int v = 0; v < voteCount; v++) {
          long row = table.row(votes[v]);
          if (row >= 0) {
            table.addSecond(row, sentenceScores, base);
          }
        }
      }
      second.add(secondPass.decode(sentenceScores, words.length, back));
    }
    return second;
  }

  /** Writes the model, gzip-compressed. */
  public void write(OutputStream stream) throws IOException {
    DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(stream), 1 << 16));
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    lexicon.write(out);
    gazetteer.write(out);
    firstPass.write(out);
    out.writeBoolean(secondPass != null);
    if (secondPass != null) {
      secondPass.write(out);
    }
    out.flush();
    out.close();
  }

  /**
   * Reads a model written by {@link #write}.
   *
   * @throws IOException when the stream cannot be read or holds no model of this version
   */
  static NerModel read(InputStream stream) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(new GZIPInputStream(stream), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a named-entity model");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException("named-entity model version " + version + ", expected " + VERSION);
      }
      WordLexicon lexicon = WordLexicon.read(in);
      Gazetteer gazetteer = Gazetteer.read(in);
      SequencePerceptron first = SequencePerceptron.read(in);
      SequencePerceptron second = in.readBoolean() ? SequencePerceptron.read(in) : null;
      return new NerModel(lexicon, gazetteer, first, second);
    }
  }
}
