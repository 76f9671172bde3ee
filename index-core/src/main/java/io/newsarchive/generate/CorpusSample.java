package io.newsarchive.generate;

import io.newsarchive.article.Article;
import io.newsarchive.ingest.ArticleReader;
import io.newsarchive.ingest.IngestListener;
import io.newsarchive.ingest.InputFile;
import io.newsarchive.ingest.InputFiles;
import io.newsarchive.ingest.ReadOptions;
import io.newsarchive.ingest.Rejection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What generated articles are made of, read from real corpora: every real article as a template
 * (its source, headline length in words, body length in sentences, publication time and bylines),
 * and per source the pool of its real headlines and body sentences. Immutable once read, so
 * thread-safe.
 */
public final class CorpusSample {

  /** A sentence ends at . ! or ? followed by space and a capital letter, digit or quote. */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\"'A-Z0-9])");

  private static final Pattern SPACE = Pattern.compile("\\s+");

  /** One real article, as the shape of a generated one. */
  record Template(
      int source, int titleWords, int sentences, long published, List<String> authors) {}

  /** The headlines and sentences of one source. */
  record Pool(String name, List<String[]> titles, List<String> sentences) {}

  private final List<Template> templates;
  private final List<Pool> pools;

  private CorpusSample(List<Template> templates, List<Pool> pools) {
    this.templates = List.copyOf(templates);
    this.pools = List.copyOf(pools);
  }

  /**
   * Reads every article under {@code paths}, in any format {@code newsarchive index} reads.
   *
   * @throws IllegalArgumentException when the paths hold no article with a headline
   * @throws IOException when a path does not exist or a file cannot be read
   */
  public static CorpusSample read(List<Path> paths) throws IOException {
    IngestListener quiet =
        new IngestListener() {
          @Override
          public void rejected(Rejection rejection) {
            // A malformed record only leaves the sample one article smaller.
          }

          @Override
          public void warned(Rejection warning) {
            // Repaired records are as good as any.
          }
        };
    Builder builder = new Builder();
    for (InputFile file : InputFiles.discover(paths, Optional.empty(), quiet)) {
      try (ArticleReader reader = file.open(ReadOptions.defaults(), quiet)) {
        for (Optional<Article> next = reader.next(); next.isPresent(); next = reader.next()) {
          builder.add(next.get());
        }
      }
    }
    return builder.build("under " + paths);
  }

  /**
   * The sample of {@code articles}.
   *
   * @throws IllegalArgumentException when no article has a headline
   */
  public static CorpusSample of(List<Article> articles) {
    Builder builder = new Builder();
    articles.forEach(builder::add);
    return builder.build("among " + articles.size() + " articles");
  }

  List<Template> templates() {
    return templates;
  }

  Pool pool(int source) {
    return pools.get(source);
  }

  /** How many real articles the sample holds. */
  public int articles() {
    return templates.size();
  }

  /** Collects templates and pools, numbering sources in the order they are met. */
  private static final class Builder {
    private final List<Template> templates = new ArrayList<>();
    private final List<Pool> pools = new ArrayList<>();
    private final Map<String, Integer> sources = new HashMap<>();

    CorpusSample build(String where) {
      if (templates.isEmpty()) {
        throw new IllegalArgumentException("no article with a headline " + where);
      }
      return new CorpusSample(templates, pools);
    }

    void add(Article article) {
      String[] title = words(article.title());
      if (title.length == 0) {
        return;
      }
      int source =
          sources.computeIfAbsent(
              article.source(),
              name -> {
                pools.add(new Pool(name, new ArrayList<>(), new ArrayList<>()));
                return pools.size() - 1;
              });
      Pool pool = pools.get(source);
      pool.titles().add(title);
      String body = SPACE.matcher(article.body()).replaceAll(" ").strip();
      int sentences = 0;
      if (!body.isEmpty()) {
        for (String sentence : SENTENCE_END.split(body)) {
          pool.sentences().add(sentence);
          sentences++;
        }
      }
      long published =
          article.published() == null ? Long.MIN_VALUE : article.published().toEpochMilli();
      templates.add(new Template(source, title.length, sentences, published, article.authors()));
    }

    private static String[] words(String text) {
      String stripped = text.strip();
      return stripped.isEmpty() ? new String[0] : SPACE.split(stripped);
    }
  }
}
