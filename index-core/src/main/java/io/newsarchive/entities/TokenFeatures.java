package io.newsarchive.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Computes each token's features as 64-bit hashes: the word and its neighbours, shapes, affixes,
 * word clusters, mid-sentence capitalization in unlabeled text, clues from the rest of the document
 * and, in the second pass, the labels the first pass gave the same word elsewhere in the document.
 * Hashing instead of building feature strings keeps extraction free of allocation per feature.
 * Immutable and thread-safe.
 *
 * <p>Public for the entity model's training ({@code io.newsarchive.entities.train}) and evaluation
 * ({@code io.newsarchive.entities.eval}) only; not an API for other callers.
 */
public final class TokenFeatures {

  private static final int MAX_FEATURES = 96;
  private static final int MAX_CONTEXTS = 8;
  static final long FNV_OFFSET = 0xcbf29ce484222325L;
  static final long FNV_PRIME = 0x100000001b3L;
  static final long PAD = hash("<PAD>");

  /**
   * How many words a generation of {@link #recentTokens} holds; two generations, at most about 120
   * MB of features when tagging, most of it each word's summed weights (170 floats for the bundled
   * model).
   */
  private static final int CACHED_WORDS = 1 << 16;

  private final WordLexicon lexicon;
  private final Gazetteer gazetteer;

  /** The rows of the features, when these features are for tagging; null for training. */
  private final FeatureTable table;

  /** The features of a window's places before a sentence's first word and after its last. */
  private final WordFeatures outside;

  /**
   * The features of the words the tagging threads met lately, so that a word's hashes, lexicon
   * entry and rows are computed once for many documents rather than once per occurrence: news
   * repeats its words from article to article, and looking up a word's own features in the model's
   * table took a third of tagging. They depend on the word, the lexicon and the table only, so
   * reusing them changes no feature.
   */
  private final RecentWords<WordFeatures> recentTokens = new RecentWords<>(CACHED_WORDS);

  /** Computes a word's features, for {@link #recentTokens}. */
  private final Function<String, WordFeatures> newToken;

  /** Features drawn from the given lexicon and gazetteer, as hashes, for training. */
  public TokenFeatures(WordLexicon lexicon, Gazetteer gazetteer) {
    this(lexicon, gazetteer, null);
  }

  /** Features drawn from the given lexicon and gazetteer, as rows of {@code table}, for tagging. */
  TokenFeatures(WordLexicon lexicon, Gazetteer gazetteer, FeatureTable table) {
    this.lexicon = lexicon;
    this.gazetteer = gazetteer;
    this.table = table;
    this.outside = WordFeatures.outside(table);
    this.newToken = word -> new WordFeatures(word, lexicon, gazetteer, table);
  }

  /** What the whole document says about each word, keyed by lower case. */
  public static final class DocumentContext {
    private static final int SEEN_LOWER = 1;
    private static final int SEEN_MID_CAPITALIZED = 2;
    private final Map<String, Integer> flags = new HashMap<>();
    private final Map<String, int[]> votes = new HashMap<>();
    private final Map<String, long[]> contexts = new HashMap<>();

    /**
     * Collects the case clues of a document's sentences, and the neighbours of each capitalized
     * word's first few occurrences (Ratinov and Roth's context aggregation).
     */
    public DocumentContext(List<String[]> sentences) {
      this(sentences, lowerCased(sentences));
    }

    /**
     * The same, given each sentence's words in lower case ({@code lowerCase}, sentence by
     * sentence), as the tagger already has them.
     */
    DocumentContext(List<String[]> sentences, List<String[]> lowerCase) {
      for (int s = 0; s < sentences.size(); s++) {
        String[] words = sentences.get(s);
        String[] lowerWords = lowerCase.get(s);
        boolean shouting = isShouting(words);
        for (int i = 0; i < words.length; i++) {
          String w = words[i];
          char c = w.charAt(0);
          int flag = 0;
          if (Character.isLowerCase(c)) {
            flag = SEEN_LOWER;
          } else if (i > 0 && !shouting && Character.isUpperCase(c) && !isAllCaps(w)) {
            flag = SEEN_MID_CAPITALIZED;
          }
          boolean upper = Character.isUpperCase(c);
          if (!upper && flag == 0) {
            continue;
          }
          String lower = lowerWords[i];
          if (upper) {
            addContext(lower, words, i);
          }
          if (flag != 0) {
            flags.merge(lower, flag, (a, b) -> a | b);
          }
        }
      }
    }

    private void addContext(String key, String[] words, int i) {
      long[] list = contexts.computeIfAbsent(key, k -> new long[1 + 2 * MAX_CONTEXTS]);
      int n = (int) list[0];
      if (n < MAX_CONTEXTS) {
        list[1 + 2 * n] = i > 0 ? lowerCaseHash(words[i - 1]) : PAD;
        list[2 + 2 * n] = i + 1 < words.length ? lowerCaseHash(words[i + 1]) : PAD;
        list[0] = n + 1;
      }
    }

    /** Records first-pass labels of one sentence as votes for the second pass. */
    public void addVotes(String[] words, int[] labels) {
      addVotes(words, lowerCased(words), labels);
    }

    /** The same, given the sentence's words in lower case. */
    void addVotes(String[] words, String[] lower, int[] labels) {
      for (int i = 0; i < words.length; i++) {
        int vote = vote(words[i], labels[i]);
        if (vote >= 0) {
          votes.computeIfAbsent(lower[i], k -> new int[5])[vote]++;
        }
      }
    }

    boolean hasVotes() {
      return !votes.isEmpty();
    }

    static int vote(String word, int label) {
      int type = NerLabels.type(label);
      if (type >= 0) {
        return type;
      }
      return Character.isUpperCase(word.charAt(0)) ? 4 : -1;
    }
  }

  /** Whether a sentence's features say which of its words the name lists hold. */
  private enum Lists {
    SEEN,
    HIDDEN
  }

  /**
   * First-pass feature hashes of every token of a sentence.
   *
   * @throws IllegalStateException when these features give rows ({@link #sentenceRows})
   */
  public long[][] sentence(String[] words, DocumentContext doc) {
    return hashes(words, doc, Lists.SEEN);
  }

  /**
   * First-pass feature hashes of a sentence as if no name list held any of its words: training
   * hides the lists from some sentences, so that the tagger also learns names from their context.
   *
   * @throws IllegalStateException when these features give rows ({@link #sentenceRows})
   */
  public long[][] sentenceWithoutLists(String[] words, DocumentContext doc) {
    return hashes(words, doc, Lists.HIDDEN);
  }

  /**
   * The rows in the table of the first-pass features of every token of a sentence, as {@link
   * FeatureTable#row} gives them ({@link FeatureTable#UNKNOWN} for a feature neither pass knows),
   * except those the words of its window give it ({@link WordFeatures}), whose summed weights the
   * tagger adds from {@link #at}; with those, the features of {@link #sentence}.
   *
   * @throws IllegalStateException when these features were made without a table
   */
  Rows sentenceRows(String[] words, WordFeatures[] tokens, DocumentContext doc) {
    return sentenceRows(words, tokens, doc, new long[0]);
  }

  /**
   * The same, written into {@code buffer} when it has room for them (so a caller reads one
   * sentence's rows before it asks for the next's) and else into a larger array.
   */
  Rows sentenceRows(String[] words, WordFeatures[] tokens, DocumentContext doc, long[] buffer) {
    if (table == null) {
      throw new IllegalStateException("these features were made without a feature table");
    }
    return sentence(words, tokens, doc, Lists.SEEN, buffer);
  }

  /** Each word's features, from the recent words where they are there. */
  WordFeatures[] tokens(String[] words) {
    WordFeatures[] tokens = new WordFeatures[words.length];
    for (int i = 0; i < words.length; i++) {
      tokens[i] = token(words[i]);
    }
    return tokens;
  }

  /** The words of {@code tokens} in lower case. */
  static String[] lowerTexts(WordFeatures[] tokens) {
    String[] lower = new String[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      lower[i] = tokens[i].lowerText;
    }
    return lower;
  }

  private static String[] lowerCased(String[] words) {
    String[] lower = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      lower[i] = words[i].toLowerCase(Locale.ROOT);
    }
    return lower;
  }

  private static List<String[]> lowerCased(List<String[]> sentences) {
    List<String[]> lower = new ArrayList<>(sentences.size());
    for (String[] words : sentences) {
      lower.add(lowerCased(words));
    }
    return lower;
  }

  private long[][] hashes(String[] words, DocumentContext doc, Lists lists) {
    if (table != null) {
      throw new IllegalStateException("these features give rows, not hashes");
    }
    return sentence(words, tokens(words), doc, lists, new long[0]).arrays();
  }

  /**
   * The features of a sentence's tokens, token after token in one array: token {@code i}'s from
   * {@link #start} to {@link #end}. An array per token was the largest part of what tagging
   * allocated.
   *
   * @param features the features, their hashes or their rows in a table; more room may follow, and
   *     the array may be reused for the next sentence's (see {@link #sentenceRows})
   * @param ends where each token's features end
   */
  record Rows(long[] features, int[] ends) {

    /** The number of tokens. */
    int size() {
      return ends.length;
    }

    /** Where token {@code i}'s features start. */
    int start(int i) {
      return i == 0 ? 0 : ends[i - 1];
    }

    /** Where token {@code i}'s features end. */
    int end(int i) {
      return ends[i];
    }

    /** Token {@code i}'s features in an array of their own. */
    long[] token(int i) {
      return java.util.Arrays.copyOfRange(features, start(i), end(i));
    }

    /** Each token's features in an array of their own. */
    long[][] arrays() {
      long[][] arrays = new long[size()][];
      for (int i = 0; i < arrays.length; i++) {
        arrays[i] = token(i);
      }
      return arrays;
    }
  }

  /** The features a token has on average, for sizing a sentence's {@link Rows} at first. */
  private static final int USUAL_FEATURES = 32;

  /**
   * The features of a sentence's tokens: their hashes, or their rows in it when there is a table.
   */
  private Rows sentence(
      String[] words, WordFeatures[] tokens, DocumentContext doc, Lists lists, long[] room) {
    int n = words.length;
    String[] lowerWords = lowerTexts(tokens);
    boolean shouting = isShouting(words);
    int[] gazetteerTags = new int[n];
    int[] alsoTags = new int[n];
    if (lists == Lists.SEEN) {
      int[] listed = new int[n];
      int[] listedAlso = new int[n];
      for (int i = 0; i < n; i++) {
        listed[i] = tokens[i].listed;
        listedAlso[i] = tokens[i].listedAlso;
      }
      gazetteerTags = gazetteer.tag(lowerWords, listed);
      alsoTags = gazetteer.tagAlso(lowerWords, listedAlso);
    }
    int[] phraseTags = lexicon.phraseTags(words, lowerWords);
    for (int i = 0; i < n; i++) {
      // Lists match case-insensitively, but "party" or "post" in lower case names nothing.
      if (Character.isLowerCase(words[i].charAt(0))) {
        alsoTags[i] = 0;
        if (!Gazetteer.isParticleTag(gazetteerTags[i])) {
          gazetteerTags[i] = 0;
        }
      }
    }
    int numbers = hasNumber(words) ? 1 : 0;
    long[] buffer =
        room.length >= MAX_FEATURES ? room : new long[n * USUAL_FEATURES + MAX_FEATURES];
    int[] ends = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (buffer.length - k < MAX_FEATURES) {
        buffer = java.util.Arrays.copyOf(buffer, Math.max(2 * buffer.length, k + MAX_FEATURES));
      }
      WordFeatures t = tokens[i];
      buffer[k++] = feature(f(1, 0));
      if (table == null) {
        // With a table, the caller adds the window's words' summed weights instead.
        for (int o = -WordFeatures.REACH; o <= WordFeatures.REACH; o++) {
          int j = i + o;
          k = (j < 0 || j >= n ? outside : tokens[j]).copy(o, buffer, k);
        }
      }
      long prevShape = i > 0 ? tokens[i - 1].shape : PAD;
      long nextShape = i + 1 < n ? tokens[i + 1].shape : PAD;
      long prevLower = i > 0 ? tokens[i - 1].lower : PAD;
      long nextLower = i + 1 < n ? tokens[i + 1].lower : PAD;
      buffer[k++] = feature(f(14, prevShape, t.shape));
      buffer[k++] = feature(f(15, t.shape, nextShape));
      buffer[k++] = feature(f(16, prevLower, t.lower));
      buffer[k++] = feature(f(17, t.lower, nextLower));
      int caseBin = t.info.caseBin();
      buffer[k++] = feature(f(60, caseBin, i == 0 ? 1 : 0));
      buffer[k++] = feature(f(61, caseBin, shouting ? 1 : 0));
      buffer[k++] = feature(f(64, t.shape, i == 0 ? 1 : 0));
      Integer flags = doc.flags.get(t.lowerText);
      buffer[k++] = feature(f(65, flags == null ? 0 : flags, t.shape));
      buffer[k++] = feature(f(66, t.shape, shouting ? 1 : 0));
      buffer[k++] = feature(f(67, gazetteerTags[i]));
      buffer[k++] = feature(f(68, gazetteerTags[i], t.shape));
      if (alsoTags[i] != 0) {
        // A club or a listed firm, whatever the other lists call it ("Nurnberg" a place too); in
        // results and standings, lines with numbers, a club's name is the club.
        buffer[k++] = feature(f(76, alsoTags[i]));
        buffer[k++] = feature(f(77, alsoTags[i], gazetteerTags[i]));
        buffer[k++] = feature(f(78, alsoTags[i], numbers));
      }
      int corpusType = t.info.corpusType();
      buffer[k++] = feature(f(82, i > 0 ? tokens[i - 1].info.corpusType() : -2, corpusType));
      buffer[k++] = feature(f(83, corpusType, i + 1 < n ? tokens[i + 1].info.corpusType() : -2));
      // Multi-word names the corpus tagger found in unlabeled news ("Standard Liege").
      buffer[k++] = feature(f(84, phraseTags[i]));
      buffer[k++] = feature(f(85, i > 0 ? phraseTags[i - 1] : -2, phraseTags[i]));
      buffer[k++] = feature(f(86, phraseTags[i], i + 1 < n ? phraseTags[i + 1] : -2));
      long[] contexts = doc.contexts.get(t.lowerText);
      if (contexts != null && Character.isUpperCase(words[i].charAt(0))) {
        long prev = i > 0 ? tokens[i - 1].lower : PAD;
        long next = i + 1 < n ? tokens[i + 1].lower : PAD;
        boolean skippedOwn = false;
        for (int c = 0; c < contexts[0]; c++) {
          long left = contexts[1 + 2 * c];
          long right = contexts[2 + 2 * c];
          if (!skippedOwn && left == prev && right == next) {
            skippedOwn = true;
            continue;
          }
          buffer[k++] = feature(f(90, left));
          buffer[k++] = feature(f(91, right));
        }
      }
      ends[i] = k;
    }
    return new Rows(buffer, ends);
  }

  /**
   * The word at {@code j} of a sentence's {@code tokens}, or the features of a window's place
   * before its first word or after its last when {@code j} is outside it.
   */
  WordFeatures at(WordFeatures[] tokens, int j) {
    return j < 0 || j >= tokens.length ? outside : tokens[j];
  }

  /** A feature as this instance gives it: its hash, or its row when there is a table. */
  private long feature(long hash) {
    return table == null ? hash : table.row(hash);
  }

  /** The word's features, from the recent words when it is there. */
  private WordFeatures token(String word) {
    return recentTokens.get(word, newToken);
  }

  /** Second-pass features: first-pass labels of the same words elsewhere in the document. */
  public long[][] votes(String[] words, DocumentContext doc, int[] ownLabels) {
    return votes(words, lowerCased(words), doc, ownLabels);
  }

  /** The same, given the sentence's words in lower case. */
  long[][] votes(String[] words, String[] lower, DocumentContext doc, int[] ownLabels) {
    long[][] result = new long[words.length][];
    int[][] counts = voteCounts(lower, doc);
    long[] buffer = new long[MOST_VOTES];
    for (int i = 0; i < words.length; i++) {
      result[i] = java.util.Arrays.copyOf(buffer, addVotes(buffer, words, i, counts, ownLabels));
    }
    return result;
  }

  /** The most vote features {@link #addVotes} gives one token. */
  static final int MOST_VOTES = 8;

  /**
   * The first pass's labels of each of a sentence's words (given in lower case) over the document,
   * null for a word it never labelled: read once per word, though three tokens' votes use them.
   */
  static int[][] voteCounts(String[] lower, DocumentContext doc) {
    int[][] counts = new int[lower.length][];
    for (int j = 0; j < lower.length; j++) {
      counts[j] = doc.votes.get(lower[j]);
    }
    return counts;
  }

  /** First-pass features followed by second-pass features, token by token. */
  public static long[][] concat(long[][] first, long[][] second) {
    long[][] result = new long[first.length][];
    for (int i = 0; i < first.length; i++) {
      result[i] = java.util.Arrays.copyOf(first[i], first[i].length + second[i].length);
      System.arraycopy(second[i], 0, result[i], first[i].length, second[i].length);
    }
    return result;
  }

  /**
   * Writes token {@code i}'s vote features into {@code buffer} (room for {@link #MOST_VOTES}),
   * given each word's {@link #voteCounts}; returns their number.
   */
  static int addVotes(long[] buffer, String[] words, int i, int[][] votes, int[] ownLabels) {
    int k = 0;
    for (int o = -1; o <= 1; o++) {
      int j = i + o;
      if (j < 0 || j >= words.length) {
        continue;
      }
      int[] counts = votes[j];
      int own = DocumentContext.vote(words[j], ownLabels[j]);
      int best = -1;
      int total = 0;
      int bestCount = 0;
      for (int v = 0; v < 5; v++) {
        int c = counts == null ? 0 : counts[v] - (v == own ? 1 : 0);
        total += c;
        if (c > bestCount) {
          bestCount = c;
          best = v;
        }
      }
      int confidence = total == 0 ? 0 : bestCount == total ? 2 : 1;
      buffer[k++] = f(70 + o, best, confidence);
      if (o == 0 && counts != null) {
        for (int v = 0; v < 4; v++) {
          if (counts[v] - (v == own ? 1 : 0) > 0) {
            buffer[k++] = f(75, v);
          }
        }
      }
    }
    return k;
  }

  /** Whether a sentence holds a number: a results line, a standings row, a price. */
  private static boolean hasNumber(String[] words) {
    for (String w : words) {
      if (Character.isDigit(w.charAt(0))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a sentence is a shouted headline: most of its words in capitals. */
  public static boolean isShouting(String[] words) {
    int letters = 0;
    int caps = 0;
    for (String w : words) {
      if (Character.isLetter(w.charAt(0))) {
        letters++;
        if (isAllCaps(w) && w.length() > 1) {
          caps++;
        }
      }
    }
    return letters >= 2 && caps * 2 > letters;
  }

  /** Whether a word has letters and all of them are capitals. */
  public static boolean isAllCaps(String w) {
    boolean letter = false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letter |= Character.isLetter(c);
    }
    return letter;
  }

  /** Character classes with runs collapsed: "Pompeo" → "Xx", "U.S." → "X.X.", "1996" → "d". */
  static String shape(String text) {
    StringBuilder out = new StringBuilder(8);
    char last = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char s = shapeClass(c);
      if (s != last || !(s == 'X' || s == 'x' || s == 'd')) {
        out.append(s);
      }
      last = s;
    }
    return out.toString();
  }

  /** A character's class in a shape: X upper-case, x lower-case, d digit, else itself. */
  private static char shapeClass(char c) {
    if (Character.isUpperCase(c)) {
      return 'X';
    }
    if (Character.isLowerCase(c)) {
      return 'x';
    }
    return Character.isDigit(c) ? 'd' : c;
  }

  /** The same value as {@code hash(shape(text))}, without building the shape. */
  static long shapeHash(String text) {
    long h = FNV_OFFSET;
    char last = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char s = shapeClass(c);
      if (s != last || !(s == 'X' || s == 'x' || s == 'd')) {
        h = (h ^ s) * FNV_PRIME;
      }
      last = s;
    }
    return h;
  }

  /**
   * The same value as {@code hash(text.toLowerCase(Locale.ROOT))}, without building the lower-case
   * string when the text is ASCII: lower-casing a document's words for their neighbours' features
   * took a twentieth of tagging feeds.
   */
  static long lowerCaseHash(String text) {
    long h = FNV_OFFSET;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return hash(text.toLowerCase(Locale.ROOT));
      }
      h = (h ^ (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c)) * FNV_PRIME;
    }
    return h;
  }

  /** 64-bit FNV-1a of a string's chars. */
  static long hash(String text) {
    long h = FNV_OFFSET;
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * FNV_PRIME;
    }
    return h;
  }

  static long f(int template, long value) {
    return FeatureIndex.mix(template * 0x9E3779B97F4A7C15L + value);
  }

  static long f(int template, long a, long b) {
    return FeatureIndex.mix(f(template, a) + b * 0xC2B2AE3D27D4EB4FL);
  }
}
