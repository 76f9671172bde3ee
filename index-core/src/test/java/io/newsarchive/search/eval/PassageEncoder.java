package io.newsarchive.search.eval;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A sentence-embedding model from a Maven artifact, run in process on ONNX Runtime with one thread
 * per call, that turns a query or an article's passages into unit vectors. Thread-safe: ONNX
 * Runtime sessions may be run from several threads at once.
 */
final class PassageEncoder implements AutoCloseable {

  /** The models measured, by the name of their file in the artifact's jar. */
  enum Model {
    MINILM_Q("all-minilm-l6-v2-q", "", ""),
    MINILM("all-minilm-l6-v2", "", ""),
    // E5 was trained with these prefixes on both sides.
    E5_Q("e5-small-v2-q", "query: ", "passage: ");

    final String file;
    final String queryPrefix;
    final String passagePrefix;

    Model(String file, String queryPrefix, String passagePrefix) {
      this.file = file;
      this.queryPrefix = queryPrefix;
      this.passagePrefix = passagePrefix;
    }

    static Model named(String name) {
      for (Model model : values()) {
        if (model.file.equals(name)) {
          return model;
        }
      }
      throw new IllegalArgumentException(
          "no model " + name + "; one of " + Arrays.asList(values()));
    }

    @Override
    public String toString() {
      return file;
    }
  }

  private final Model model;
  private final OrtSession session;
  private final EmbeddingModel embeddings;

  private PassageEncoder(Model model, OrtSession session, EmbeddingModel embeddings) {
    this.model = model;
    this.session = session;
    this.embeddings = embeddings;
  }

  /** Loads {@code model} from the class path. */
  static PassageEncoder load(Model model) throws IOException {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        InputStream tokenizer = resource(model.file + "-tokenizer.json")) {
      // One thread a call: throughput per core, and parallel calls do not fight over the cores.
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      byte[] onnx;
      try (InputStream in = resource(model.file + ".onnx")) {
        onnx = in.readAllBytes();
      }
      OrtSession session = environment.createSession(onnx, options);
      OnnxBertBiEncoder encoder =
          new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
      EmbeddingModel embeddings =
          new AbstractInProcessEmbeddingModel(Runnable::run) {
            @Override
            protected OnnxBertBiEncoder model() {
              return encoder;
            }
          };
      return new PassageEncoder(model, session, embeddings);
    } catch (OrtException e) {
      throw new IOException("cannot load " + model.file + ": " + e.getMessage(), e);
    }
  }

  Model model() {
    return model;
  }

  /** The unit vector of a query. */
  float[] query(String text) {
    return embed(model.queryPrefix + text);
  }

  /** The unit vector of a passage of an article. */
  float[] passage(String text) {
    return embed(model.passagePrefix + text);
  }

  private float[] embed(String text) {
    float[] vector = embeddings.embed(text.isBlank() ? "-" : text).content().vector();
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    float scale = (float) (1 / Math.sqrt(Math.max(norm, 1e-12)));
    for (int i = 0; i < vector.length; i++) {
      vector[i] *= scale;
    }
    return vector;
  }

  /**
   * An article's text cut into passages of at most {@code words} words, the title before the first
   * one: the models were trained on passages of up to 256 word pieces.
   */
  static List<String> passages(String title, String body, int words) {
    String[] tokens = body == null ? new String[0] : body.strip().split("\\s+");
    List<String> passages = new ArrayList<>();
    String head = title == null || title.isBlank() ? "" : title.strip() + ". ";
    for (int start = 0; start < tokens.length; start += words) {
      int end = Math.min(tokens.length, start + words);
      String text = String.join(" ", Arrays.asList(tokens).subList(start, end));
      passages.add(start == 0 ? head + text : text);
    }
    if (passages.isEmpty()) {
      passages.add(head.isBlank() ? "-" : head.strip());
    }
    return passages;
  }

  static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = PassageEncoder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("no " + name + " on the class path");
    }
    return in;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new UncheckedIOException(new IOException(e.getMessage(), e));
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s", model);
  }
}
