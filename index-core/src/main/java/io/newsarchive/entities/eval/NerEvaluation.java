package io.newsarchive.entities.eval;

import io.newsarchive.entities.NamedEntityExtractor;
import io.newsarchive.entities.NerLabels;
import io.newsarchive.entities.NerModel;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Exact-span precision, recall and F1 per entity type and overall (micro-averaged), as the CoNLL
 * {@code conlleval} script counts them: an entity is right only when both its boundaries and its
 * type match. Not thread-safe; one instance accumulates one evaluation.
 */
public final class NerEvaluation {

  private final long[] truePositives = new long[NerLabels.TYPES.length];
  private final long[] falsePositives = new long[NerLabels.TYPES.length];
  private final long[] falseNegatives = new long[NerLabels.TYPES.length];

  /** Adds one sentence's gold and predicted spans. */
  public void add(List<NerLabels.Span> gold, List<NerLabels.Span> predicted) {
    Set<NerLabels.Span> goldSet = new HashSet<>(gold);
    for (NerLabels.Span span : predicted) {
      if (goldSet.contains(span)) {
        truePositives[span.type()]++;
      } else {
        falsePositives[span.type()]++;
      }
    }
    Set<NerLabels.Span> predictedSet = new HashSet<>(predicted);
    for (NerLabels.Span span : gold) {
      if (!predictedSet.contains(span)) {
        falseNegatives[span.type()]++;
      }
    }
  }

  /** Micro-averaged F1 over all types, in percent. */
  public double microF1() {
    return score(sum(truePositives), sum(falsePositives), sum(falseNegatives))[2];
  }

  /** F1 of one CoNLL type ({@code PER}, {@code ORG}, {@code LOC}, {@code MISC}), in percent. */
  public double f1(String type) {
    int t = NerLabels.typeIndex(type);
    return score(truePositives[t], falsePositives[t], falseNegatives[t])[2];
  }

  /** A conlleval-style table: one row per type and an overall row. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT, "%-8s %9s %9s %9s %7s%n", "type", "precision", "recall", "F1", "gold"));
    for (int t = 0; t < NerLabels.TYPES.length; t++) {
      row(out, NerLabels.TYPES[t], truePositives[t], falsePositives[t], falseNegatives[t]);
    }
    row(out, "overall", sum(truePositives), sum(falsePositives), sum(falseNegatives));
    return out.toString();
  }

  private static void row(StringBuilder out, String name, long tp, long fp, long fn) {
    double[] s = score(tp, fp, fn);
    out.append(
        String.format(
            Locale.ROOT, "%-8s %9.2f %9.2f %9.2f %7d%n", name, s[0], s[1], s[2], tp + fn));
  }

  private static double[] score(long tp, long fp, long fn) {
    double precision = tp + fp == 0 ? 0 : 100.0 * tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : 100.0 * tp / (tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new double[] {precision, recall, f1};
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long v : values) {
      total += v;
    }
    return total;
  }

  /**
   * Scores an extractor's tagger on a CoNLL file, document by document, and times it on the calling
   * thread: once on the file's own tokens (tagging alone) and once end to end on the documents'
   * text rebuilt with spaces (tokenizing, tagging and name resolution). Speeds are tokens per
   * second of this thread's CPU time, so other work on the machine does not skew them.
   *
   * @throws IOException when the file cannot be read
   */
  public static Run run(NamedEntityExtractor extractor, java.nio.file.Path conllFile)
      throws java.io.IOException {
    List<ConllCorpus.Document> docs = ConllCorpus.read(conllFile);
    NerModel model = extractor.model();
    NerEvaluation scores = new NerEvaluation();
    long tokens = 0;
    long start = cpuNanos();
    for (ConllCorpus.Document doc : docs) {
      List<String[]> words = new java.util.ArrayList<>();
      for (ConllCorpus.Sentence s : doc.sentences()) {
        words.add(s.words());
      }
      List<int[]> labels = model.tag(words);
      for (int s = 0; s < words.size(); s++) {
        scores.add(doc.sentences().get(s).spans(), NerLabels.decode(labels.get(s)));
      }
      tokens += doc.tokenCount();
    }
    double taggingSeconds = (cpuNanos() - start) / 1e9;
    List<String> texts = new java.util.ArrayList<>();
    for (ConllCorpus.Document doc : docs) {
      StringBuilder text = new StringBuilder();
      for (ConllCorpus.Sentence s : doc.sentences()) {
        text.append(String.join(" ", s.words())).append('\n');
      }
      texts.add(text.toString());
    }
    long entities = 0;
    start = cpuNanos();
    for (String text : texts) {
      entities += extractor.extract("", text).size();
    }
    double endToEndSeconds = (cpuNanos() - start) / 1e9;
    return new Run(scores, tokens, tokens / taggingSeconds, tokens / endToEndSeconds, entities);
  }

  private static long cpuNanos() {
    java.lang.management.ThreadMXBean bean =
        java.lang.management.ManagementFactory.getThreadMXBean();
    return bean.isCurrentThreadCpuTimeSupported()
        ? bean.getCurrentThreadCpuTime()
        : System.nanoTime();
  }

  /**
   * The outcome of {@link #run}.
   *
   * @param scores span scores
   * @param tokens tokens in the file
   * @param taggingTokensPerSecond speed of tagging pre-tokenized sentences, one thread
   * @param extractTokensPerSecond speed of {@link NamedEntityExtractor#extract} on raw text
   * @param entities entities the end-to-end run returned, all documents together
   */
  public record Run(
      NerEvaluation scores,
      long tokens,
      double taggingTokensPerSecond,
      double extractTokensPerSecond,
      long entities) {}
}
