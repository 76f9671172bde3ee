package io.newsarchive.entities;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What unlabeled news text says about words: how often each word is capitalized in mid-sentence (so
 * "Last" and "So" at a sentence start, or "THREATENS" in a headline, read as the common words they
 * are), a hierarchical word cluster (a bit path whose prefixes group words used alike), and the
 * entity type a first tagger gave the word most often across the unlabeled text (so a name rare in
 * the training data but common in the news, like "Hezbollah", brings its usual type). The same
 * table holds the type of multi-word names the tagger found there ("standard liege"), keyed by
 * their lower-cased words joined by spaces. Immutable and thread-safe.
 *
 * <p>Public for the entity model's training ({@code io.newsarchive.entities.train}) and evaluation
 * ({@code io.newsarchive.entities.eval}) only; not an API for other callers.
 */
public final class WordLexicon {

  /** Number of capitalization bins; bin values are {@code 0..CASE_BINS-1}. */
  static final int CASE_BINS = 7;

  /** Most words in a corpus name phrase. */
  public static final int MAX_PHRASE = 6;

  /** Cluster path prefix lengths used as features. */
  static final int[] CLUSTER_PREFIXES = {4, 8, 12, 40};

  /** What is known of one word form; absent parts are -1 or null. */
  record Info(int caseBin, long[] clusterPrefixes, int corpusType) {}

  private static final Info UNKNOWN = new Info(-1, null, -1);

  private final Map<String, Byte> caseBins;
  private final Map<String, String> clusters;
  private final Map<String, Byte> corpusTypes;
  private final Map<String, String> spellings;
  private final Map<String, Info> infos = new HashMap<>();
  private final Set<String> phraseStarts = new HashSet<>();

  /**
   * Every corpus name phrase and every run of two or more of its first words: {@code (1 + type -
   * Byte.MIN_VALUE) << 1} for a phrase (0 for a run that only starts longer ones), plus {@link
   * #LONGER} when a longer phrase starts with it, so that a phrase is extended word by word only
   * while one may follow.
   */
  private final Map<String, Integer> phraseRuns = new HashMap<>();

  private static final int LONGER = 1;

  /** A lexicon of the given tables, as training builds it. */
  public WordLexicon(
      Map<String, Byte> caseBins,
      Map<String, String> clusters,
      Map<String, Byte> types,
      Map<String, String> spellings) {
    this.caseBins = Map.copyOf(caseBins);
    this.clusters = Map.copyOf(clusters);
    this.corpusTypes = Map.copyOf(types);
    this.spellings = Map.copyOf(spellings);
    for (String word : clusters.keySet()) {
      infos.put(word, compute(word));
    }
    for (String word : caseBins.keySet()) {
      infos.computeIfAbsent(word, this::compute);
    }
    for (String word : types.keySet()) {
      int space = word.indexOf(' ');
      if (space < 0) {
        infos.computeIfAbsent(word, this::compute);
      } else {
        phraseStarts.add(word.substring(0, space));
        phraseRuns.merge(word, (1 + types.get(word) - Byte.MIN_VALUE) << 1, (a, b) -> a | b);
        for (int end = word.indexOf(' ', space + 1); end > 0; end = word.indexOf(' ', end + 1)) {
          phraseRuns.merge(word.substring(0, end), LONGER, (a, b) -> a | b);
        }
      }
    }
  }

  /** A lexicon that knows no word. */
  public static WordLexicon empty() {
    return new WordLexicon(Map.of(), Map.of(), Map.of(), Map.of());
  }

  /** This lexicon with corpus-wide entity types added. */
  public WordLexicon withCorpusTypes(Map<String, Byte> types) {
    return new WordLexicon(caseBins, clusters, types, spellings);
  }

  /**
   * How news text usually writes a word that it also prints in capitals: "LONDON" as "London", "OF"
   * as "of". The word itself when the text writes it in capitals at least as often ("NATO") or
   * never saw it.
   */
  String usualSpelling(String word) {
    String usual = spellings.get(word.toLowerCase(Locale.ROOT));
    return usual == null ? word : usual;
  }

  /**
   * The usual running-text spelling of a word the text also prints in capitals, or null when the
   * text writes it in capitals at least as often or never printed it in capitals.
   */
  String runningSpelling(String word) {
    return spellings.get(word.toLowerCase(Locale.ROOT));
  }

  /** Whether the unlabeled text used this exact form often enough to cluster it. */
  boolean knowsForm(String form) {
    return clusters.containsKey(form);
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

  /**
   * Per token: 0 outside any phrase of two or more words that the corpus tagger marked as a name,
   * else {@code 1 + 3 * typeCode + part}, part 0 first word, 1 inside, 2 last word.
   */
  int[] phraseTags(String[] words, String[] lowerWords) {
    int[] tags = new int[words.length];
    if (phraseStarts.isEmpty()) {
      return tags;
    }
    int i = 0;
    StringBuilder phrase = new StringBuilder();
    while (i < words.length) {
      if (!Character.isUpperCase(words[i].charAt(0)) || !phraseStarts.contains(lowerWords[i])) {
        i++;
        continue;
      }
      int matched = 0;
      int code = -1;
      phrase.setLength(0);
      phrase.append(lowerWords[i]);
      for (int len = 2; len <= MAX_PHRASE && i + len <= words.length; len++) {
        phrase.append(' ').append(lowerWords[i + len - 1]);
        Integer found = phraseRuns.get(phrase.toString());
        if (found == null) {
          break;
        }
        if (found >>> 1 > 0) {
          matched = len;
          code = (found >>> 1) - 1 + Byte.MIN_VALUE;
        }
        if ((found & LONGER) == 0) {
          break;
        }
      }
      if (matched == 0) {
        i++;
        continue;
      }
      for (int j = i; j < i + matched; j++) {
        tags[j] = 1 + 3 * code + (j == i ? 0 : j == i + matched - 1 ? 2 : 1);
      }
      i += matched;
    }
    return tags;
  }

  int clusterCount() {
    return clusters.size();
  }

  /** The bin for a word seen {@code capitalized} times capitalized out of {@code total}. */
  public static byte binOf(long capitalized, long total) {
    double share = (double) capitalized / total;
    double[] limits = {0.02, 0.1, 0.35, 0.65, 0.9, 0.98};
    byte bin = 0;
    while (bin < limits.length && share >= limits[bin]) {
      bin++;
    }
    return bin;
  }

  /** Writes the tables in key order, so that the same model is always the same bytes. */
  void write(DataOutput out) throws IOException {
    writeBytes(out, caseBins);
    out.writeInt(clusters.size());
    for (Map.Entry<String, String> e : new TreeMap<>(clusters).entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
    writeBytes(out, corpusTypes);
    out.writeInt(spellings.size());
    for (Map.Entry<String, String> e : new TreeMap<>(spellings).entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
  }

  static WordLexicon read(DataInput in) throws IOException {
    Map<String, Byte> caseBins = readBytes(in);
    Map<String, String> clusters = readStrings(in);
    Map<String, Byte> types = readBytes(in);
    return new WordLexicon(caseBins, clusters, types, readStrings(in));
  }

  private static Map<String, String> readStrings(DataInput in) throws IOException {
    int size = in.readInt();
    Map<String, String> map = new HashMap<>(size * 2);
    for (int i = 0; i < size; i++) {
      map.put(in.readUTF(), in.readUTF());
    }
    return map;
  }

  private static void writeBytes(DataOutput out, Map<String, Byte> map) throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, Byte> e : new TreeMap<>(map).entrySet()) {
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
