package io.newsarchive.search.eval;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.testing.SharedCorpora;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;

/**
 * How often each word piece of all-MiniLM-L6-v2's vocabulary, and each word of several word pieces,
 * occurs in the titles and descriptions of rss-news-2023, a news collection that neither judged set
 * is drawn from: the frequencies behind the smooth-inverse-frequency weights of {@link
 * StaticTable#countWeights}, and the words that {@link StaticTable#distilWords} adds to the table.
 *
 * @param pieces occurrences by word-piece id
 * @param words the most frequent words of several word pieces, most frequent first, with their
 *     occurrences
 * @param wordPieces the word pieces of each of {@code words}
 */
record StaticCounts(long[] pieces, Map<String, Long> words, Map<String, long[]> wordPieces) {

  /** The collection counted, under the shared data. */
  static final String CORPUS = "corpora/rss-news-2023/rss2023-news-en.jsonl.gz";

  private static final int MOST_WORDS = 30_000;

  /** The row of each of {@link #words} in a table that follows the word pieces with them. */
  Map<String, Integer> wordRows() {
    Map<String, Integer> rows = new HashMap<>();
    for (String word : words.keySet()) {
      rows.put(word, StaticTable.VOCABULARY + rows.size());
    }
    return rows;
  }

  /** The counts of the rows of a table that follows the word pieces with {@link #words}. */
  long[] withWords() {
    long[] all = new long[StaticTable.VOCABULARY + words.size()];
    System.arraycopy(pieces, 0, all, 0, StaticTable.VOCABULARY);
    int row = StaticTable.VOCABULARY;
    for (long count : words.values()) {
      all[row++] = count;
    }
    return all;
  }

  /** The counts, read from {@code cache} when it exists, otherwise counted and written there. */
  static StaticCounts of(Path cache) throws IOException {
    if (Files.exists(cache)) {
      return read(cache);
    }
    StaticCounts counts = count(SharedCorpora.require(CORPUS));
    Files.createDirectories(cache.toAbsolutePath().getParent());
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(cache))) {
      out.writeInt(counts.pieces.length);
      for (long c : counts.pieces) {
        out.writeLong(c);
      }
      out.writeInt(counts.words.size());
      for (Map.Entry<String, Long> word : counts.words.entrySet()) {
        out.writeUTF(word.getKey());
        out.writeLong(word.getValue());
        long[] ids = counts.wordPieces.get(word.getKey());
        out.writeInt(ids.length);
        for (long id : ids) {
          out.writeLong(id);
        }
      }
    }
    return counts;
  }

  private static StaticCounts read(Path cache) throws IOException {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(cache))) {
      long[] pieces = new long[in.readInt()];
      for (int t = 0; t < pieces.length; t++) {
        pieces[t] = in.readLong();
      }
      Map<String, Long> words = new LinkedHashMap<>();
      Map<String, long[]> wordPieces = new HashMap<>();
      int n = in.readInt();
      for (int w = 0; w < n; w++) {
        String word = in.readUTF();
        words.put(word, in.readLong());
        long[] ids = new long[in.readInt()];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = in.readLong();
        }
        wordPieces.put(word, ids);
      }
      return new StaticCounts(pieces, words, wordPieces);
    }
  }

  /** Counts the word pieces and words of every record's title and description in {@code corpus}. */
  static StaticCounts count(Path corpus) throws IOException {
    long[] pieces = new long[StaticTable.VOCABULARY];
    Map<String, Long> words = new HashMap<>();
    Map<String, long[]> wordPieces = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (HuggingFaceTokenizer tokenizer = StaticTable.tokenizer();
        BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(corpus)), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode record = json.readTree(line);
        String text = record.path("title").asText("") + " " + record.path("description").asText("");
        Encoding encoding = tokenizer.encode(text, false, false);
        for (long id : encoding.getIds()) {
          pieces[(int) id]++;
        }
        words(
            encoding,
            (word, ids) -> {
              if (ids.length > 1) {
                words.merge(word, 1L, Long::sum);
                wordPieces.putIfAbsent(word, ids);
              }
            });
      }
    }
    List<Map.Entry<String, Long>> ranked = new ArrayList<>(words.entrySet());
    ranked.sort(
        Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Long> most = new LinkedHashMap<>();
    for (Map.Entry<String, Long> word : ranked.subList(0, Math.min(MOST_WORDS, ranked.size()))) {
      most.put(word.getKey(), word.getValue());
    }
    wordPieces.keySet().retainAll(most.keySet());
    return new StaticCounts(pieces, most, wordPieces);
  }

  /** Calls {@code each} with every word of {@code encoding} and its word pieces. */
  static void words(Encoding encoding, BiConsumer<String, long[]> each) {
    String[] tokens = encoding.getTokens();
    long[] ids = encoding.getIds();
    int start = 0;
    for (int t = 1; t <= tokens.length; t++) {
      if (t == tokens.length || !tokens[t].startsWith("##")) {
        StringBuilder word = new StringBuilder(tokens[start]);
        for (int c = start + 1; c < t; c++) {
          word.append(tokens[c], 2, tokens[c].length());
        }
        long[] span = new long[t - start];
        System.arraycopy(ids, start, span, 0, span.length);
        each.accept(word.toString(), span);
        start = t;
      }
    }
  }
}
