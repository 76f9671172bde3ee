package io.newsarchive.entities;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What unlabeled news text says about words: how often each word is capitalized in mid-sentence (so
 * "Last" and "So" at a sentence start, or "THREATENS" in a headline, read as the common words they
 * are), a hierarchical word cluster (a bit path whose prefixes group words used alike), and the
 * entity type a first tagger gave the word most often across the unlabeled text (so a name rare in
 * the training data but common in the news, like "Hezbollah", brings its usual type). Immutable and
 * thread-safe.
 */
final class WordLexicon {

  /** Number of capitalization bins; bin values are {@code 0..CASE_BINS-1}. */
  static final int CASE_BINS = 7;

  /** Cluster path prefix lengths used as features. */
  static final int[] CLUSTER_PREFIXES = {4, 8, 12, 40};

  /** What is known of one word form; absent parts are -1 or null. */
  record Info(int caseBin, long[] clusterPrefixes, int corpusType) {}

  private static final Info UNKNOWN = new Info(-1, null, -1);

  private final Map<String, Byte> caseBins;
  private final Map<String, String> clusters;
  private final Map<String, Byte> corpusTypes;
  private final Map<String, Info> infos = new HashMap<>();

  WordLexicon(Map<String, Byte> caseBins, Map<String, String> clusters, Map<String, Byte> types) {
    this.caseBins = Map.copyOf(caseBins);
    this.clusters = Map.copyOf(clusters);
    this.corpusTypes = Map.copyOf(types);
    for (String word : clusters.keySet()) {
      infos.put(word, compute(word));
    }
    for (String word : caseBins.keySet()) {
      infos.computeIfAbsent(word, this::compute);
    }
    for (String word : types.keySet()) {
      infos.computeIfAbsent(word, this::compute);
    }
  }

  static WordLexicon empty() {
    return new WordLexicon(Map.of(), Map.of(), Map.of());
  }

  /** This lexicon with corpus-wide entity types added. */
  WordLexicon withCorpusTypes(Map<String, Byte> types) {
    return new WordLexicon(caseBins, clusters, types);
  }

  /** Everything known about a word form, trying it as written, in title case, in lower case. */
  Info info(String word) {
    Info info = infos.get(word);
    if (info != null) {
      return info;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    if (!lower.isEmpty() && !lower.equals(word)) {
      info = infos.get(Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
      if (info == null) {
        info = infos.get(lower);
      }
    }
    return info == null ? UNKNOWN : info;
  }

  /**
   * The capitalization bin of a word, or -1 when the text saw it too rarely: 0 means always lower
   * case in mid-sentence, {@code CASE_BINS-1} always capitalized.
   */
  int caseBin(String word) {
    Byte bin = caseBins.get(word.toLowerCase(Locale.ROOT));
    return bin == null ? -1 : bin;
  }

  private Info compute(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    Byte bin = caseBins.get(lower);
    Byte type = corpusTypes.get(lower);
    String path = clusters.get(word);
    if (path == null) {
      path = clusters.get(lower);
    }
    long[] prefixes = null;
    if (path != null) {
      prefixes = new long[CLUSTER_PREFIXES.length];
      for (int p = 0; p < CLUSTER_PREFIXES.length; p++) {
        prefixes[p] =
            TokenFeatures.hash(path.substring(0, Math.min(path.length(), CLUSTER_PREFIXES[p])));
      }
    }
    return new Info(bin == null ? -1 : bin, prefixes, type == null ? -1 : type);
  }

  int clusterCount() {
    return clusters.size();
  }

  /** The bin for a word seen {@code capitalized} times capitalized out of {@code total}. */
  static byte binOf(long capitalized, long total) {
    double share = (double) capitalized / total;
    double[] limits = {0.02, 0.1, 0.35, 0.65, 0.9, 0.98};
    byte bin = 0;
    while (bin < limits.length && share >= limits[bin]) {
      bin++;
    }
    return bin;
  }

  void write(DataOutput out) throws IOException {
    writeBytes(out, caseBins);
    out.writeInt(clusters.size());
    for (Map.Entry<String, String> e : clusters.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
    writeBytes(out, corpusTypes);
  }

  static WordLexicon read(DataInput in) throws IOException {
    Map<String, Byte> caseBins = readBytes(in);
    int clusterCount = in.readInt();
    Map<String, String> clusters = new HashMap<>(clusterCount * 2);
    for (int i = 0; i < clusterCount; i++) {
      clusters.put(in.readUTF(), in.readUTF());
    }
    return new WordLexicon(caseBins, clusters, readBytes(in));
  }

  private static void writeBytes(DataOutput out, Map<String, Byte> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, Byte> e : map.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeByte(e.getValue());
    }
  }

  private static Map<String, Byte> readBytes(DataInput in) throws IOException {
    int size = in.readInt();
    Map<String, Byte> map = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      map.put(in.readUTF(), in.readByte());
    }
    return map;
  }
}
