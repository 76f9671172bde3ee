package io.newsarchive.search.eval;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The word pieces of every article's passages and of the queries, tokenized once by the model's
 * tokenizer, which {@link StaticEmbeddingBenchmark} turns into vectors with each table it measures.
 */
record WordPieces(Map<String, long[][]> passages, Map<String, long[]> queries) {

  static WordPieces of(
      HuggingFaceTokenizer tokenizer,
      List<PassageVectorCache.Text> texts,
      Map<String, String> queries,
      Qrels qrels,
      Map<String, Integer> words) {
    Map<String, long[][]> passages = new LinkedHashMap<>();
    for (PassageVectorCache.Text text : texts) {
      List<String> split = PassageEncoder.passages(text.title(), text.body(), 150);
      long[][] ids = new long[split.size()][];
      for (int p = 0; p < ids.length; p++) {
        ids[p] = ids(tokenizer, split.get(p), words);
      }
      passages.put(text.id(), ids);
    }
    Map<String, long[]> queryIds = new LinkedHashMap<>();
    for (String id : qrels.queriesWithRelevant()) {
      queryIds.put(id, ids(tokenizer, queries.get(id), words));
    }
    return new WordPieces(passages, queryIds);
  }

  /** The rows of {@code text}: a word of {@code words} by its own row, others by word pieces. */
  private static long[] ids(
      HuggingFaceTokenizer tokenizer, String text, Map<String, Integer> words) {
    Encoding encoding = tokenizer.encode(text, false, false);
    if (words.isEmpty()) {
      return encoding.getIds();
    }
    List<Long> ids = new ArrayList<>();
    StaticCounts.words(
        encoding,
        (word, pieces) -> {
          Integer row = words.get(word);
          if (row != null) {
            ids.add((long) row);
          } else {
            for (long piece : pieces) {
              ids.add(piece);
            }
          }
        });
    return ids.stream().mapToLong(Long::longValue).toArray();
  }

  Vectors vectors(float[][] table) {
    Map<String, float[][]> passageVectors = new HashMap<>();
    Map<String, float[]> articleVectors = new HashMap<>();
    passages.forEach((id, ids) -> {
      float[][] vectors = new float[ids.length][];
      float[] article = new float[table[0].length];
      for (int p = 0; p < ids.length; p++) {
        vectors[p] = sum(table, ids[p]);
        for (int d = 0; d < article.length; d++) {
          article[d] += vectors[p][d];
        }
        unit(vectors[p]);
      }
      passageVectors.put(id, vectors);
      articleVectors.put(id, unit(article));
    });
    Map<String, float[]> queryVectors = new LinkedHashMap<>();
    queries.forEach((id, ids) -> queryVectors.put(id, unit(sum(table, ids))));
    return new Vectors(passageVectors, articleVectors, queryVectors);
  }

  private static float[] sum(float[][] table, long[] ids) {
    float[] vector = new float[table[0].length];
    for (long id : ids) {
      float[] row = table[(int) id];
      for (int d = 0; d < vector.length; d++) {
        vector[d] += row[d];
      }
    }
    return vector;
  }

  private static float[] unit(float[] vector) {
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0;
    for (int d = 0; d < vector.length; d++) {
      vector[d] *= scale;
    }
    return vector;
  }

  /** The unit vectors of every article's passages and whole text, and of the queries. */
  record Vectors(
      Map<String, float[][]> passages,
      Map<String, float[]> articles,
      Map<String, float[]> queries) {}
}
