package io.newsarchive.ingest;

import io.newsarchive.entities.EntityExtractor;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link IngestPipeline} runs.
 *
 * @param threads worker threads for extraction and indexing, at least 1
 * @param extractor the entity extractor applied to every article
 * @param commitInterval how often a long run commits, so that searchers see progress and a crash
 *     loses little
 */
public record IngestOptions(int threads, EntityExtractor extractor, Duration commitInterval) {

  /** Validates the options. */
  public IngestOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    Objects.requireNonNull(extractor, "extractor");
    if (commitInterval == null || commitInterval.isNegative() || commitInterval.isZero()) {
      throw new IllegalArgumentException("commit interval must be positive");
    }
  }

  /** One worker per available processor, the given extractor, a commit every minute. */
  public static IngestOptions defaults(EntityExtractor extractor) {
    return new IngestOptions(
        Runtime.getRuntime().availableProcessors(), extractor, Duration.ofMinutes(1));
  }
}
