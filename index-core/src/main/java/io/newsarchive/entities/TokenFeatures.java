package io.newsarchive.entities;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long PAD = hash("<PAD>");

  /** Most words whose tokens a thread keeps, about 10 MB of them. */
  private static final int CACHED_WORDS = 1 << 16;

  private final WordLexicon lexicon;
  private final Gazetteer gazetteer;

  /**
   * Each thread's tokens of the words it met lately, so that a word's hashes and lexicon entry are
   * computed once for many documents rather than once per document: news repeats its words from
   * article to article, and looking them up in the lexicon took a tenth of tagging. A token depends
   * on its word and the lexicon only, so reusing it changes no feature.
   */
  private final ThreadLocal<Map<String, Token>> recentTokens =
      ThreadLocal.withInitial(HashMap::new);

  /** Features drawn from the given lexicon and gazetteer. */
  public TokenFeatures(WordLexicon lexicon, Gazetteer gazetteer) {
    this.lexicon = lexicon;
    this.gazetteer = gazetteer;
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
      for (String[] words : sentences) {
        boolean shouting = isShouting(words);
        for (int i = 0; i < words.length; i++) {
          String w = words[i];
          char c = w.charAt(0);
          if (Character.isUpperCase(c)) {
            addContext(w.toLowerCase(Locale.ROOT), words, i);
          }
          int flag = 0;
          if (Character.isLowerCase(c)) {
            flag = SEEN_LOWER;
          } else if (i > 0 && !shouting && Character.isUpperCase(c) && !isAllCaps(w)) {
            flag = SEEN_MID_CAPITALIZED;
          }
          if (flag != 0) {
            flags.merge(w.toLowerCase(Locale.ROOT), flag, (a, b) -> a | b);
          }
        }
      }
    }

    private void addContext(String key, String[] words, int i) {
      long[] list = contexts.computeIfAbsent(key, k -> new long[1 + 2 * MAX_CONTEXTS]);
      int n = (int) list[0];
      if (n < MAX_CONTEXTS) {
        list[1 + 2 * n] = i > 0 ? hash(words[i - 1].toLowerCase(Locale.ROOT)) : PAD;
        list[2 + 2 * n] = i + 1 < words.length ? hash(words[i + 1].toLowerCase(Locale.ROOT)) : PAD;
        list[0] = n + 1;
      }
    }

    /** Records first-pass labels of one sentence as votes for the second pass. */
    public void addVotes(String[] words, int[] labels) {
      for (int i = 0; i < words.length; i++) {
        int vote = vote(words[i], labels[i]);
        if (vote >= 0) {
          votes.computeIfAbsent(words[i].toLowerCase(Locale.ROOT), k -> new int[5])[vote]++;
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

  /** First-pass feature hashes of every token of a sentence. */
  public long[][] sentence(String[] words, DocumentContext doc) {
    return sentence(words, doc, Lists.SEEN);
  }

  /**
   * First-pass feature hashes of a sentence as if no name list held any of its words: training
   * hides the lists from some sentences, so that the tagger also learns names from their context.
   */
  public long[][] sentenceWithoutLists(String[] words, DocumentContext doc) {
    return sentence(words, doc, Lists.HIDDEN);
  }

  private long[][] sentence(String[] words, DocumentContext doc, Lists lists) {
    int n = words.length;
    Token[] tokens = new Token[n];
    String[] lowerWords = new String[n];
    for (int i = 0; i < n; i++) {
      tokens[i] = token(words[i]);
      lowerWords[i] = tokens[i].lowerText;
    }
    boolean shouting = isShouting(words);
    int[] gazetteerTags = lists == Lists.SEEN ? gazetteer.tag(lowerWords) : new int[n];
    int[] phraseTags = lexicon.phraseTags(words, lowerWords);
    for (int i = 0; i < n; i++) {
      // Lists match case-insensitively, but "party" or "post" in lower case names nothing.
      if (Character.isLowerCase(words[i].charAt(0)) && !Gazetteer.isParticleTag(gazetteerTags[i])) {
        gazetteerTags[i] = 0;
      }
    }
    long[][] result = new long[n][];
    long[] buffer = new long[MAX_FEATURES];
    for (int i = 0; i < n; i++) {
      int k = 0;
      Token t = tokens[i];
      buffer[k++] = f(1, 0);
      for (int o = -2; o <= 2; o++) {
        int j = i + o;
        buffer[k++] = f(4 + o, j < 0 || j >= n ? PAD : tokens[j].lower);
        buffer[k++] = f(10 + o, j < 0 || j >= n ? PAD : tokens[j].shape);
      }
      buffer[k++] = f(13, t.word);
      long prevShape = i > 0 ? tokens[i - 1].shape : PAD;
      long nextShape = i + 1 < n ? tokens[i + 1].shape : PAD;
      long prevLower = i > 0 ? tokens[i - 1].lower : PAD;
      long nextLower = i + 1 < n ? tokens[i + 1].lower : PAD;
      buffer[k++] = f(14, prevShape, t.shape);
      buffer[k++] = f(15, t.shape, nextShape);
      buffer[k++] = f(16, prevLower, t.lower);
      buffer[k++] = f(17, t.lower, nextLower);
      k = affixes(t.lowerText, buffer, k);
      buffer[k++] = f(30, i > 0 ? tokens[i - 1].suffix3 : PAD);
      buffer[k++] = f(31, i + 1 < n ? tokens[i + 1].suffix3 : PAD);
      for (int o = -1; o <= 1; o++) {
        int j = i + o;
        long[] clusters = j < 0 || j >= n ? null : tokens[j].info.clusterPrefixes();
        for (int p = 0; p < WordLexicon.CLUSTER_PREFIXES.length; p++) {
          buffer[k++] =
              f(
                  40 + WordLexicon.CLUSTER_PREFIXES.length * (o + 1) + p,
                  clusters == null ? PAD : clusters[p]);
        }
      }
      int caseBin = t.info.caseBin();
      buffer[k++] = f(60, caseBin, i == 0 ? 1 : 0);
      buffer[k++] = f(61, caseBin, shouting ? 1 : 0);
      buffer[k++] = f(62, i > 0 ? tokens[i - 1].info.caseBin() : -2);
      buffer[k++] = f(63, i + 1 < n ? tokens[i + 1].info.caseBin() : -2);
      buffer[k++] = f(64, t.shape, i == 0 ? 1 : 0);
      Integer flags = doc.flags.get(t.lowerText);
      buffer[k++] = f(65, flags == null ? 0 : flags, t.shape);
      buffer[k++] = f(66, t.shape, shouting ? 1 : 0);
      buffer[k++] = f(67, gazetteerTags[i]);
      buffer[k++] = f(68, gazetteerTags[i], t.shape);
      int corpusType = t.info.corpusType();
      buffer[k++] = f(80, corpusType);
      buffer[k++] = f(81, corpusType, t.shape);
      buffer[k++] = f(82, i > 0 ? tokens[i - 1].info.corpusType() : -2, corpusType);
      buffer[k++] = f(83, corpusType, i + 1 < n ? tokens[i + 1].info.corpusType() : -2);
      // Multi-word names the corpus tagger found in unlabeled news ("Standard Liege").
      buffer[k++] = f(84, phraseTags[i]);
      buffer[k++] = f(85, i > 0 ? phraseTags[i - 1] : -2, phraseTags[i]);
      buffer[k++] = f(86, phraseTags[i], i + 1 < n ? phraseTags[i + 1] : -2);
      // A hyphenated word is read through its parts too: "Tripoli-based", "German-Israeli".
      System.arraycopy(t.hyphenParts, 0, buffer, k, t.hyphenParts.length);
      k += t.hyphenParts.length;
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
          buffer[k++] = f(90, left);
          buffer[k++] = f(91, right);
        }
      }
      result[i] = java.util.Arrays.copyOf(buffer, k);
    }
    return result;
  }

  /** The word's token, from this thread's recent tokens when it is there. */
  private Token token(String word) {
    Map<String, Token> recent = recentTokens.get();
    Token token = recent.get(word);
    if (token == null) {
      if (recent.size() >= CACHED_WORDS) {
        recent.clear();
      }
      token = new Token(word, lexicon);
      recent.put(word, token);
    }
    return token;
  }

  /** Prefix and suffix hashes of lengths 1 to 4, computed without building substrings. */
  private static int affixes(String lower, long[] buffer, int k) {
    int n = lower.length();
    long prefix = 0xcbf29ce484222325L;
    long suffix = 0xcbf29ce484222325L;
    for (int len = 1; len <= 4 && len <= n; len++) {
      prefix = (prefix ^ lower.charAt(len - 1)) * 0x100000001b3L;
      suffix = (suffix ^ lower.charAt(n - len)) * 0x100000001b3L;
      buffer[k++] = f(20 + len, prefix);
      buffer[k++] = f(25 + len, suffix);
    }
    return k;
  }

  /** Second-pass features: first-pass labels of the same words elsewhere in the document. */
  public long[][] votes(String[] words, DocumentContext doc, int[] ownLabels) {
    long[][] result = new long[words.length][];
    long[] buffer = new long[8];
    for (int i = 0; i < words.length; i++) {
      result[i] = java.util.Arrays.copyOf(buffer, addVotes(buffer, 0, words, i, doc, ownLabels));
    }
    return result;
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

  private static int addVotes(
      long[] buffer, int k, String[] words, int i, DocumentContext doc, int[] ownLabels) {
    for (int o = -1; o <= 1; o++) {
      int j = i + o;
      if (j < 0 || j >= words.length) {
        continue;
      }
      int[] counts = doc.votes.get(words[j].toLowerCase(Locale.ROOT));
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

  private static final class Token {
    final long word;
    final long lower;
    final long shape;
    final long suffix3;
    final String lowerText;
    final WordLexicon.Info info;
    final long[] hyphenParts;

    Token(String text, WordLexicon lexicon) {
      lowerText = text.toLowerCase(Locale.ROOT);
      word = hash(text);
      lower = hash(lowerText);
      shape = shapeHash(text);
      long h = FNV_OFFSET;
      for (int i = Math.max(0, lowerText.length() - 3); i < lowerText.length(); i++) {
        h = (h ^ lowerText.charAt(i)) * FNV_PRIME;
      }
      suffix3 = h;
      info = lexicon.info(text);
      hyphenParts = hyphenParts(text, lowerText, lexicon);
    }

    /** Features of a hyphenated word's parts: "Tripoli-based", "German-Israeli". */
    private static long[] hyphenParts(String text, String lowerText, WordLexicon lexicon) {
      int hyphen = text.indexOf('-');
      int lastHyphen = text.lastIndexOf('-');
      if (hyphen <= 0 || lastHyphen == text.length() - 1) {
        return new long[0];
      }
      String head = text.substring(0, hyphen);
      String tail = lowerText.substring(lastHyphen + 1);
      WordLexicon.Info headInfo = lexicon.info(head);
      long tailHash = hash(tail);
      long headShape = shapeHash(head);
      return new long[] {
        f(100, tailHash),
        f(101, headInfo.corpusType(), tailHash),
        f(102, headInfo.corpusType(), headShape),
        f(103, headInfo.caseBin(), headShape),
        f(104, headInfo.clusterPrefixes() == null ? PAD : headInfo.clusterPrefixes()[1]),
        f(105, hash(head.toLowerCase(Locale.ROOT)))
      };
    }
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

  /** 64-bit FNV-1a of a string's chars. */
  static long hash(String text) {
    long h = FNV_OFFSET;
    for (int i = 0; i < text.length(); i++) {
      h = (h ^ text.charAt(i)) * FNV_PRIME;
    }
    return h;
  }

  private static long f(int template, long value) {
    return FeatureIndex.mix(template * 0x9E3779B97F4A7C15L + value);
  }

  private static long f(int template, long a, long b) {
    return FeatureIndex.mix(f(template, a) + b * 0xC2B2AE3D27D4EB4FL);
  }
}
