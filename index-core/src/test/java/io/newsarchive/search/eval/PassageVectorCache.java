package io.newsarchive.search.eval;

import io.newsarchive.schema.ArticleFields;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;

/**
 * The passage vectors of every article of an index, by article id, encoded once and kept in a file
 * so that later runs of the benchmark read them instead.
 */
final class PassageVectorCache {

  /** An article's title and body, as stored. */
  record Text(String id, String title, String body) {}

  private PassageVectorCache() {}

  /** Every article's stored id, title and body, in index order. */
  static List<Text> texts(DirectoryReader reader) throws IOException {
    List<Text> texts = new ArrayList<>();
    StoredFields stored = reader.storedFields();
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      Document document = stored.document(doc);
      String id = document.get(ArticleFields.ID);
      if (id != null) {
        texts.add(
            new Text(id, document.get(ArticleFields.TITLE), document.get(ArticleFields.BODY)));
      }
    }
    return texts;
  }

  /**
   * The vectors of every article's passages, read from {@code cache} when it exists, otherwise
   * encoded on {@code threads} threads and written there; prints the throughput.
   */
  static Map<String, float[][]> of(
      PassageEncoder encoder, List<Text> texts, Path cache, Settings settings) throws IOException {
    if (Files.exists(cache)) {
      return read(cache);
    }
    List<List<String>> passages = new ArrayList<>();
    int total = 0;
    for (Text text : texts) {
      List<String> split = PassageEncoder.passages(text.title(), text.body(), settings.words());
      passages.add(split);
      total += split.size();
    }
    oneThreadRate(encoder, passages);
    Map<String, float[][]> vectors = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        String id = texts.get(i).id();
        List<String> split = passages.get(i);
        tasks.add(
            pool.submit(() -> {
              float[][] encoded = new float[split.size()][];
              for (int p = 0; p < split.size(); p++) {
                encoded[p] = encoder.passage(split.get(p));
              }
              vectors.put(id, encoded);
            }));
      }
      for (Future<?> task : tasks) {
        task.get();
      }
    } catch (InterruptedException | ExecutionException e) {
      throw new IOException("encoding failed: " + e.getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s: %d articles, %d passages of <= %d words in %.1f s on %d threads (%.1f passages/s)%n",
        encoder,
        texts.size(),
        total,
        settings.words(),
        seconds,
        settings.threads(),
        total / seconds);
    write(cache, vectors);
    return vectors;
  }

  /** The runtime's settings: words per passage and encoding threads. */
  record Settings(int words, int threads) {}

  /** Passages per second on the calling thread, over the first 300 passages after 20 unmeasured. */
  private static void oneThreadRate(PassageEncoder encoder, List<List<String>> passages) {
    List<String> flat = new ArrayList<>();
    passages.forEach(flat::addAll);
    int warm = Math.min(20, flat.size());
    flat.subList(0, warm).forEach(encoder::passage);
    List<String> sample = flat.subList(warm, Math.min(flat.size(), warm + 300));
    long words = 0;
    long start = System.nanoTime();
    for (String passage : sample) {
      encoder.passage(passage);
      words += passage.split("\\s+").length;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s: one thread, %d passages (mean %.0f words) in %.1f s: %.1f passages/s%n",
        encoder,
        sample.size(),
        sample.isEmpty() ? 0.0 : (double) words / sample.size(),
        seconds,
        sample.size() / seconds);
  }

  private static void write(Path cache, Map<String, float[][]> vectors) throws IOException {
    Files.createDirectories(cache.getParent());
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
      out.writeInt(vectors.size());
      for (Map.Entry<String, float[][]> entry : vectors.entrySet()) {
        out.writeUTF(entry.getKey());
        float[][] passages = entry.getValue();
        out.writeInt(passages.length);
        out.writeInt(passages[0].length);
        for (float[] vector : passages) {
          for (float v : vector) {
            out.writeFloat(v);
          }
        }
      }
    }
  }

  private static Map<String, float[][]> read(Path cache) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
      int articles = in.readInt();
      Map<String, float[][]> vectors = new LinkedHashMap<>();
      for (int a = 0; a < articles; a++) {
        String id = in.readUTF();
        float[][] passages = new float[in.readInt()][in.readInt()];
        for (float[] vector : passages) {
          for (int i = 0; i < vector.length; i++) {
            vector[i] = in.readFloat();
          }
        }
        vectors.put(id, passages);
      }
      return vectors;
    }
  }
}
