package io.newsarchive.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns queries and articles into sentence embeddings with all-MiniLM-L6-v2 (quantized to 8 bits,
 * 384 dimensions), run in process on ONNX Runtime from the model file that its Maven artifact
 * ships: an article becomes one unit vector per passage of at most {@value #PASSAGE_WORDS} words
 * (the title before the first), a query one unit vector. Each call runs on the calling thread
 * alone, so concurrent calls use one core each.
 *
 * <p>Thread-safe: ONNX Runtime sessions and the tokenizer may be called from several threads.
 */
public final class PassageEmbedder implements AutoCloseable {

  /** Most words of a passage: about 200 word pieces, within the 256 the model was trained on. */
  public static final int PASSAGE_WORDS = 150;

  /** Length of every vector. */
  public static final int DIMENSION = 384;

  private static final String MODEL = "all-minilm-l6-v2-q";

  private final OrtSession session;
  private final EmbeddingModel model;

  private PassageEmbedder(OrtSession session, EmbeddingModel model) {
    this.session = session;
    this.model = model;
  }

  /**
   * Loads the model from the class path (about a second, and some 100 MB of native memory).
   *
   * @throws IOException when the model or ONNX Runtime cannot be loaded
   */
  public static PassageEmbedder load() throws IOException {
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        InputStream tokenizer = resource(MODEL + "-tokenizer.json");
        InputStream onnx = resource(MODEL + ".onnx")) {
      // One thread a call: the server and the ingest workers already run one call per core.
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      OrtSession session = environment.createSession(onnx.readAllBytes(), options);
      OnnxBertBiEncoder encoder =
          new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
      EmbeddingModel model =
          new AbstractInProcessEmbeddingModel(Runnable::run) {
            @Override
            protected OnnxBertBiEncoder model() {
              return encoder;
            }
          };
      return new PassageEmbedder(session, model);
    } catch (OrtException | UnsatisfiedLinkError e) {
      throw new IOException("cannot load the sentence-embedding model: " + e.getMessage(), e);
    }
  }

  /** The unit vector of a query's text. */
  public float[] query(String text) {
    return embed(text);
  }

  /** The unit vector of one passage of an article, one of its {@link #passages}. */
  public float[] passage(String text) {
    return embed(text);
  }

  /** One unit vector per passage of the article ({@link #passages}). */
  public float[][] article(String title, String body) {
    List<String> passages = passages(title, body);
    float[][] vectors = new float[passages.size()][];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = embed(passages.get(i));
    }
    return vectors;
  }

  /**
   * The article's text cut into passages of at most {@value #PASSAGE_WORDS} words, the title before
   * the first; an article without text is its title alone.
   */
  public static List<String> passages(String title, String body) {
    String[] words = body == null || body.isBlank() ? new String[0] : body.strip().split("\\s+");
    String head = title == null || title.isBlank() ? "" : title.strip() + ". ";
    List<String> passages = new ArrayList<>();
    for (int start = 0; start < words.length; start += PASSAGE_WORDS) {
      int end = Math.min(words.length, start + PASSAGE_WORDS);
      String text = String.join(" ", Arrays.asList(words).subList(start, end));
      passages.add(start == 0 ? head + text : text);
    }
    if (passages.isEmpty()) {
      passages.add(head.strip());
    }
    return passages;
  }

  private float[] embed(String text) {
    float[] vector = model.embed(text.isBlank() ? "-" : text).content().vector();
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

  private static InputStream resource(String name) throws IOException {
    InputStream in = PassageEmbedder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("no " + name + " on the class path");
    }
    return in;
  }

  /** Releases the model's native memory; calls after this fail. */
  @Override
  public void close() throws IOException {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IOException("cannot release the sentence-embedding model: " + e.getMessage(), e);
    }
  }
}
