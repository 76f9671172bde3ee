package io.newsarchive.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates articles recombined from a {@link CorpusSample}. Each generated article copies the
 * shape of a real article drawn at random (so sources keep their real frequencies, and headlines
 * and bodies their real lengths): its headline joins the start of one real headline of the same
 * source to the end of another, its body is as many real sentences of that source as the real body
 * had, drawn at random, and its date is the real date moved back by a random whole number of weeks
 * within the span (so the weekday and time-of-day shape stays). The same sample and seed give the
 * same articles. Not thread-safe.
 */
public final class ArchiveGenerator {

  /** A generated article, in the fields of the JSON Lines schema. */
  public record GeneratedArticle(
      String id,
      String source,
      String title,
      String body,
      Instant published,
      List<String> authors) {}

  private static final JsonFactory JSON = new JsonFactory();

  private final CorpusSample sample;
  private final SplittableRandom random;
  private final long seed;
  private final int spanWeeks;
  private long generated;

  /**
   * @param sample what articles are made of
   * @param seed the seed of the random draws
   * @param span how far back dates may be moved; at least 0
   */
  public ArchiveGenerator(CorpusSample sample, long seed, Duration span) {
    if (span.isNegative()) {
      throw new IllegalArgumentException("the date span must not be negative: " + span);
    }
    this.sample = sample;
    this.seed = seed;
    this.random = new SplittableRandom(seed);
    this.spanWeeks = Math.toIntExact(span.toDays() / 7);
  }

  /** The next article. */
  public GeneratedArticle next() {
    CorpusSample.Template shape = sample.templates().get(random.nextInt(sample.articles()));
    CorpusSample.Pool pool = sample.pool(shape.source());
    String title = title(pool.titles(), shape.titleWords());
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < shape.sentences() && !pool.sentences().isEmpty(); i++) {
      body.append(i == 0 ? "" : " ")
          .append(pool.sentences().get(random.nextInt(pool.sentences().size())));
    }
    Instant published = null;
    if (shape.published() != Long.MIN_VALUE) {
      long weeks = spanWeeks == 0 ? 0 : random.nextInt(spanWeeks + 1);
      published = Instant.ofEpochMilli(shape.published()).minus(Duration.ofDays(7 * weeks));
    }
    return new GeneratedArticle(
        "gen-" + seed + "-" + generated++,
        pool.name(),
        title,
        body.toString(),
        published,
        shape.authors());
  }

  /** The first half of one real headline and the second half of another, {@code words} long. */
  private String title(List<String[]> titles, int words) {
    String[] first = titles.get(random.nextInt(titles.size()));
    String[] second = titles.get(random.nextInt(titles.size()));
    int head = Math.min(first.length, (words + 1) / 2);
    int tail = Math.min(second.length, words - head);
    List<String> joined = new ArrayList<>(words);
    for (int i = 0; i < head; i++) {
      joined.add(first[i]);
    }
    for (int i = second.length - tail; i < second.length; i++) {
      joined.add(second[i]);
    }
    return String.join(" ", joined);
  }

  /** Writes the next {@code count} articles to {@code out} as JSON Lines, one per line. */
  public void write(OutputStream out, long count) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      json.setRootValueSeparator(null);
      for (long i = 0; i < count; i++) {
        GeneratedArticle article = next();
        json.writeStartObject();
        json.writeStringField("id", article.id());
        json.writeStringField("source", article.source());
        json.writeStringField("title", article.title());
        if (!article.body().isEmpty()) {
          json.writeStringField("body", article.body());
        }
        if (article.published() != null) {
          json.writeStringField("published", article.published().toString());
        }
        json.writeStringField("language", "en");
        if (!article.authors().isEmpty()) {
          json.writeArrayFieldStart("authors");
          for (String author : article.authors()) {
            json.writeString(author);
          }
          json.writeEndArray();
        }
        json.writeEndObject();
        json.writeRaw('\n');
      }
    }
  }
}
