package io.newsarchive.entities.train;

import io.newsarchive.entities.FeatureIndex;
import io.newsarchive.entities.NerLabels;
import io.newsarchive.entities.NerModel;
import io.newsarchive.entities.TokenFeatures;
import io.newsarchive.entities.WordLexicon;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Learns a {@link WordLexicon} from unlabeled news text. Capitalization bins count how often each
 * word is capitalized when not first in a sentence. Word clusters are hierarchical: each frequent
 * word gets a vector of positive pointwise mutual information with the most frequent words as its
 * left and right neighbours, centred and normalized, and the words are split in two by spherical
 * 2-means, recursively, so a word's path of 0s and 1s plays the part of a Brown-cluster bit string.
 * Not thread-safe.
 */
final class WordLexiconBuilder {

  private static final int MIN_CASE_COUNT = 3;
  private static final int MIN_CLUSTER_COUNT = 4;
  private static final int MAX_CLUSTER_WORDS = 120_000;
  private static final int CONTEXT_WORDS = 300;
  private static final int DIMENSIONS = 2 * CONTEXT_WORDS;
  private static final int MAX_DEPTH = 40;
  private static final int MIN_SPLIT = 6;

  private final Map<String, Integer> ids = new HashMap<>();
  private final List<String> words = new ArrayList<>();
  private final List<int[]> sentences = new ArrayList<>();
  private final List<Integer> documentStarts = new ArrayList<>();
  private final Map<String, long[]> caseCounts = new HashMap<>();
  private int[] spellingCounts = new int[1 << 16];
  private final Consumer<String> log;
  private long tokens;

  WordLexiconBuilder(Consumer<String> log) {
    this.log = log;
  }

  /**
   * Reads the corpora and builds the lexicon.
   *
   * @throws IOException when a corpus file cannot be read
   */
  WordLexicon build(Path corpora) throws IOException {
    UnlabeledText.forEachNewsDocument(
        corpora,
        document -> {
          documentStarts.add(sentences.size());
          document.forEach(this::add);
        });
    documentStarts.add(sentences.size());
    UnlabeledText.forEachConllSentence(corpora, this::add);
    log.accept("unlabeled text: " + tokens + " tokens, " + words.size() + " distinct words");
    Map<String, Byte> bins = new HashMap<>();
    caseCounts.forEach((word, counts) -> {
      if (counts[1] >= MIN_CASE_COUNT) {
        bins.put(word, WordLexicon.binOf(counts[0], counts[1]));
      }
    });
    Map<String, String> clusters = cluster();
    Map<String, String> spellings = spellings();
    log.accept(
        "lexicon: "
            + bins.size()
            + " case bins, "
            + clusters.size()
            + " clustered words, "
            + spellings.size()
            + " usual spellings of words also printed in capitals");
    return new WordLexicon(bins, clusters, Map.of(), spellings);
  }

  /**
   * The entity type {@code model} gives each capitalized word most often across the news text (not
   * the CoNLL files, whose labels the model has learned), as {@code 3 * type + confidence}: type
   * 0-3 a CoNLL type, 4 mostly no entity; confidence 2 for at least 90% of its capitalized
   * mentions, 1 for at least 60%, else 0. Words capitalized fewer than three times are left out.
   * Names of two to {@link WordLexicon#MAX_PHRASE} words that the model found at least three times
   * are added the same way, keyed by their lower-cased words joined by spaces; their confidence is
   * the share of their most frequent type. Each news story is tagged as one document, so the model
   * sees the rest of the story as it does at run time.
   */
  Map<String, Byte> corpusTypes(NerModel model) {
    // Stories are tagged in parallel slices; vote counts are sums, so the result is the same.
    int slices = 64;
    List<Map<String, int[]>> parts =
        IntStream.range(0, slices)
            .parallel()
            .mapToObj(slice -> typeVotes(model, slice, slices))
            .toList();
    Map<String, int[]> votes = new HashMap<>();
    for (Map<String, int[]> part : parts) {
      part.forEach((word, counts) -> {
        int[] sum = votes.computeIfAbsent(word, k -> new int[5]);
        for (int v = 0; v < 5; v++) {
          sum[v] += counts[v];
        }
      });
    }
    Map<String, Byte> types = new HashMap<>();
    votes.forEach((word, counts) -> {
      int total = 0;
      int best = 0;
      for (int v = 0; v < 5; v++) {
        total += counts[v];
        best = counts[v] > counts[best] ? v : best;
      }
      if (total >= 3) {
        double share = (double) counts[best] / total;
        int confidence = share >= 0.9 ? 2 : share >= 0.6 ? 1 : 0;
        types.put(word, (byte) (3 * best + confidence));
      }
    });
    log.accept("corpus types: " + types.size() + " words");
    return types;
  }

  /** Type votes of capitalized words and multi-word names over every {@code slices}-th story. */
  private Map<String, int[]> typeVotes(NerModel model, int slice, int slices) {
    Map<String, int[]> votes = new HashMap<>();
    for (int d = slice; d + 1 < documentStarts.size(); d += slices) {
      List<String[]> document = new ArrayList<>();
      for (int s = documentStarts.get(d); s < documentStarts.get(d + 1); s++) {
        int[] encoded = sentences.get(s);
        String[] sentence = new String[encoded.length];
        for (int i = 0; i < encoded.length; i++) {
          sentence[i] = words.get(encoded[i]);
        }
        document.add(sentence);
      }
      List<int[]> labels = model.tag(document);
      for (int s = 0; s < document.size(); s++) {
        String[] sentence = document.get(s);
        for (NerLabels.Span span : NerLabels.decode(labels.get(s))) {
          int length = span.end() - span.start();
          if (length >= 2 && length <= WordLexicon.MAX_PHRASE) {
            String phrase =
                String.join(" ", Arrays.asList(sentence).subList(span.start(), span.end()));
            votes.computeIfAbsent(phrase.toLowerCase(Locale.ROOT), k -> new int[5])[span.type()]++;
          }
        }
        for (int i = 0; i < sentence.length; i++) {
          if (Character.isUpperCase(sentence[i].charAt(0))) {
            int type = NerLabels.type(labels.get(s)[i]);
            votes
                .computeIfAbsent(sentence[i].toLowerCase(Locale.ROOT), k -> new int[5])[
                type < 0 ? 4 : type]++;
          }
        }
      }
    }
    return votes;
  }

  private void add(String[] sentence) {
    int[] encoded = new int[sentence.length];
    boolean shouting = TokenFeatures.isShouting(sentence);
    for (int i = 0; i < sentence.length; i++) {
      String w = sentence[i];
      encoded[i] =
          ids.computeIfAbsent(
              w,
              k -> {
                words.add(k);
                return words.size() - 1;
              });
      char c = w.charAt(0);
      if (encoded[i] >= spellingCounts.length) {
        spellingCounts = Arrays.copyOf(spellingCounts, 2 * spellingCounts.length);
      }
      if (i > 0 && !shouting && Character.isLetter(c)) {
        // A word in capitals counts as a spelling only among words that are not: "NATO said",
        // not a dateline ("NEW YORK, March 3") or a heading.
        if (!TokenFeatures.isAllCaps(w)
            || !inCapitals(sentence, i - 1) && !inCapitals(sentence, i + 1)) {
          spellingCounts[encoded[i]]++;
        }
        long[] counts = caseCounts.computeIfAbsent(w.toLowerCase(Locale.ROOT), k -> new long[2]);
        counts[0] += Character.isUpperCase(c) ? 1 : 0;
        counts[1]++;
      }
    }
    tokens += sentence.length;
    sentences.add(encoded);
  }

  private static boolean inCapitals(String[] sentence, int i) {
    return i >= 0
        && i < sentence.length
        && sentence[i].length() > 1
        && TokenFeatures.isAllCaps(sentence[i]);
  }

  /**
   * For each word the text prints in capitals somewhere (headlines, datelines), its most frequent
   * spelling in running text, when that is not in capitals and was seen at least twice.
   */
  private Map<String, String> spellings() {
    Map<String, Integer> best = new HashMap<>();
    Set<String> capitalized = new HashSet<>();
    for (int id = 0; id < words.size(); id++) {
      String w = words.get(id);
      String key = w.toLowerCase(Locale.ROOT);
      if (w.length() > 1 && TokenFeatures.isAllCaps(w)) {
        capitalized.add(key);
      }
      if (spellingCounts[id] > 0) {
        Integer current = best.get(key);
        if (current == null || spellingCounts[id] > spellingCounts[current]) {
          best.put(key, id);
        }
      }
    }
    Map<String, String> result = new HashMap<>();
    for (String key : capitalized) {
      Integer id = best.get(key);
      if (id != null && spellingCounts[id] >= 2 && !TokenFeatures.isAllCaps(words.get(id))) {
        result.put(key, words.get(id));
      }
    }
    return result;
  }

  private Map<String, String> cluster() {
    int[] frequency = new int[words.size()];
    for (int[] s : sentences) {
      for (int id : s) {
        frequency[id]++;
      }
    }
    Integer[] byFrequency = new Integer[words.size()];
    for (int i = 0; i < byFrequency.length; i++) {
      byFrequency[i] = i;
    }
    Arrays.sort(byFrequency, (a, b) -> Integer.compare(frequency[b], frequency[a]));
    int[] row = new int[words.size()];
    int[] context = new int[words.size()];
    Arrays.fill(row, -1);
    Arrays.fill(context, -1);
    int vocabulary = 0;
    for (int rank = 0; rank < byFrequency.length && rank < MAX_CLUSTER_WORDS; rank++) {
      int id = byFrequency[rank];
      if (frequency[id] < MIN_CLUSTER_COUNT) {
        break;
      }
      row[id] = vocabulary++;
      if (rank < CONTEXT_WORDS) {
        context[id] = rank;
      }
    }
    float[][] vectors = project(row, context, vocabulary, frequency);
    String[] paths = new String[vocabulary];
    int[] all = new int[vocabulary];
    for (int i = 0; i < vocabulary; i++) {
      all[i] = i;
    }
    split(vectors, all, new StringBuilder(), paths, new Random(7));
    Map<String, String> clusters = new HashMap<>();
    for (int id = 0; id < words.size(); id++) {
      if (row[id] >= 0 && !paths[row[id]].isEmpty()) {
        clusters.put(words.get(id), paths[row[id]]);
      }
    }
    return clusters;
  }

  /** PPMI of (word, frequent neighbour on the left or right), one dimension per neighbour. */
  private float[][] project(int[] row, int[] context, int vocabulary, int[] frequency) {
    FeatureIndex pairs = new FeatureIndex(1 << 22);
    int[] counts = new int[1 << 22];
    long[] contextTotals = new long[2 * CONTEXT_WORDS];
    long[] wordTotals = new long[vocabulary];
    long total = 0;
    for (int[] s : sentences) {
      for (int i = 0; i < s.length; i++) {
        int w = row[s[i]];
        if (w < 0) {
          continue;
        }
        for (int side = 0; side < 2; side++) {
          int j = side == 0 ? i - 1 : i + 1;
          int c = j < 0 || j >= s.length ? -1 : context[s[j]];
          if (c < 0) {
            continue;
          }
          int feature = side * CONTEXT_WORDS + c;
          int slot = pairs.add((long) w * (2L * CONTEXT_WORDS) + feature + 1);
          if (slot >= counts.length) {
            counts = Arrays.copyOf(counts, counts.length * 2);
          }
          counts[slot]++;
          contextTotals[feature]++;
          wordTotals[w]++;
          total++;
        }
      }
    }
    log.accept("cluster contexts: " + pairs.size() + " word-neighbour pairs");
    double[] smoothed = new double[contextTotals.length];
    double smoothedTotal = 0;
    for (int c = 0; c < smoothed.length; c++) {
      smoothed[c] = Math.pow(contextTotals[c], 0.75);
      smoothedTotal += smoothed[c];
    }
    float[][] vectors = new float[vocabulary][DIMENSIONS];
    long[] keys = pairs.featuresByRow();
    for (int slot = 0; slot < keys.length; slot++) {
      long key = keys[slot] - 1;
      int w = (int) (key / (2L * CONTEXT_WORDS));
      int c = (int) (key % (2L * CONTEXT_WORDS));
      double pmi = Math.log(counts[slot] * smoothedTotal / ((double) wordTotals[w] * smoothed[c]));
      if (pmi > 0) {
        vectors[w][c] = (float) pmi;
      }
    }
    for (float[] v : vectors) {
      normalize(v);
    }
    float[] mean = new float[DIMENSIONS];
    for (float[] v : vectors) {
      for (int d = 0; d < DIMENSIONS; d++) {
        mean[d] += v[d] / vectors.length;
      }
    }
    for (float[] v : vectors) {
      for (int d = 0; d < DIMENSIONS; d++) {
        v[d] -= mean[d];
      }
      normalize(v);
    }
    return vectors;
  }

  /** Splits {@code members} in two by spherical 2-means and recurses, writing bit paths. */
  private static void split(
      float[][] vectors, int[] members, StringBuilder path, String[] paths, Random random) {
    if (members.length < MIN_SPLIT || path.length() >= MAX_DEPTH) {
      for (int m : members) {
        paths[m] = path.toString();
      }
      return;
    }
    float[] first = vectors[members[random.nextInt(members.length)]];
    int farthest = members[0];
    float lowest = Float.POSITIVE_INFINITY;
    for (int m : members) {
      float similarity = dot(vectors[m], first);
      if (similarity < lowest) {
        lowest = similarity;
        farthest = m;
      }
    }
    float[][] centroids = {first.clone(), vectors[farthest].clone()};
    boolean[] side = new boolean[members.length];
    int ones = 0;
    for (int iteration = 0; iteration < 8; iteration++) {
      float[][] sums = new float[2][DIMENSIONS];
      ones = 0;
      for (int k = 0; k < members.length; k++) {
        float[] v = vectors[members[k]];
        side[k] = dot(v, centroids[1]) > dot(v, centroids[0]);
        float[] sum = sums[side[k] ? 1 : 0];
        for (int d = 0; d < DIMENSIONS; d++) {
          sum[d] += v[d];
        }
        ones += side[k] ? 1 : 0;
      }
      if (ones == 0 || ones == members.length) {
        break;
      }
      normalize(sums[0]);
      normalize(sums[1]);
      centroids = sums;
    }
    if (ones == 0 || ones == members.length) {
      for (int m : members) {
        paths[m] = path.toString();
      }
      return;
    }
    int[] left = new int[members.length - ones];
    int[] right = new int[ones];
    int l = 0;
    int r = 0;
    for (int k = 0; k < members.length; k++) {
      if (side[k]) {
        right[r++] = members[k];
      } else {
        left[l++] = members[k];
      }
    }
    int depth = path.length();
    split(vectors, left, path.append('0'), paths, random);
    path.setLength(depth);
    split(vectors, right, path.append('1'), paths, random);
    path.setLength(depth);
  }

  private static float dot(float[] a, float[] b) {
    float s = 0;
    for (int d = 0; d < a.length; d++) {
      s += a[d] * b[d];
    }
    return s;
  }

  private static void normalize(float[] v) {
    double norm = Math.sqrt(dot(v, v));
    if (norm > 0) {
      for (int d = 0; d < v.length; d++) {
        v[d] /= (float) norm;
      }
    }
  }
}
