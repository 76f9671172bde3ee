package io.newsarchive.entities.eval;

import io.newsarchive.article.Entity;
import io.newsarchive.entities.NamedEntityExtractor;
import io.newsarchive.entities.NerLabels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
   * Scores an extractor's tagger on a CoNLL file, document by document, with its words in the given
   * casing, and times it on the calling thread: once on the file's own tokens (tagging alone) and
   * once end to end on the documents' text rebuilt with spaces (tokenizing, tagging and name
   * resolution). Speeds are tokens per second of this thread's CPU time, so other work on the
   * machine does not skew them.
   *
   * @throws IOException when the file cannot be read
   */
  public static Run run(NamedEntityExtractor extractor, Path conllFile, Casing casing)
      throws IOException {
    List<ConllCorpus.Document> docs = ConllCorpus.read(conllFile);
    NerEvaluation scores = new NerEvaluation();
    long tokens = 0;
    long start = cpuNanos();
    for (ConllCorpus.Document doc : docs) {
      List<String[]> words = new ArrayList<>();
      for (ConllCorpus.Sentence s : doc.sentences()) {
        words.add(casing.apply(s.words()));
      }
      List<int[]> labels = extractor.tag(words);
      for (int s = 0; s < words.size(); s++) {
        scores.add(doc.sentences().get(s).spans(), NerLabels.decode(labels.get(s)));
      }
      tokens += doc.tokenCount();
    }
    double taggingSeconds = (cpuNanos() - start) / 1e9;
    List<String> texts = new ArrayList<>();
    for (ConllCorpus.Document doc : docs) {
      StringBuilder text = new StringBuilder();
      for (ConllCorpus.Sentence s : doc.sentences()) {
        text.append(String.join(" ", casing.apply(s.words()))).append('\n');
      }
      texts.add(text.toString());
    }
    List<Set<Entity>> extracted = new ArrayList<>();
    start = cpuNanos();
    for (String text : texts) {
      extracted.add(Set.copyOf(extractor.extract("", text)));
    }
    double endToEndSeconds = (cpuNanos() - start) / 1e9;
    return new Run(
        scores, tokens, tokens / taggingSeconds, tokens / endToEndSeconds, List.copyOf(extracted));
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
   * @param extracted the entities (name, type, mentions) {@code extract()} returned, per document
   */
  public record Run(
      NerEvaluation scores,
      long tokens,
      double taggingTokensPerSecond,
      double extractTokensPerSecond,
      List<Set<Entity>> extracted) {

    /** Entities {@code extract()} returned, all documents together. */
    public long entities() {
      long count = 0;
      for (Set<Entity> doc : extracted) {
        count += doc.size();
      }
      return count;
    }

    /**
     * How far this run's {@code extract()} output matches another run's over the same documents, as
     * an index would record it: per document, the entities of each type by name, whatever their
     * mention counts.
     *
     * @throws IllegalArgumentException when the runs are over different numbers of documents
     */
    public Agreement agreement(Run reference) {
      if (reference.extracted.size() != extracted.size()) {
        throw new IllegalArgumentException(
            "runs over " + extracted.size() + " and " + reference.extracted.size() + " documents");
      }
      long matched = 0;
      for (int d = 0; d < extracted.size(); d++) {
        Set<String> expected = keys(reference.extracted.get(d));
        for (String key : keys(extracted.get(d))) {
          matched += expected.contains(key) ? 1 : 0;
        }
      }
      return new Agreement(matched, entities(), reference.entities());
    }

    private static Set<String> keys(Set<Entity> entities) {
      Set<String> keys = new HashSet<>();
      for (Entity e : entities) {
        keys.add(e.type() + "\t" + e.name());
      }
      return keys;
    }
  }

  /**
   * Entities two runs of {@code extract()} share.
   *
   * @param matched entities of the run that the reference run also found in the same document
   * @param found entities of the run
   * @param reference entities of the reference run
   */
  public record Agreement(long matched, long found, long reference) {
    /** Share of the run's entities the reference has, in percent. */
    public double precision() {
      return found == 0 ? 0 : 100.0 * matched / found;
    }

    /** Share of the reference's entities the run has, in percent. */
    public double recall() {
      return reference == 0 ? 0 : 100.0 * matched / reference;
    }

    /** Harmonic mean of precision and recall, in percent. */
    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }
}
