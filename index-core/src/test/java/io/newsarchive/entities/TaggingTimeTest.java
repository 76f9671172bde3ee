package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Entity;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tagging time grows in proportion to the article's length: a 100 times longer article may take at
 * most 300 times as long (a ratio measured in one run, not a wall-clock bound), so one huge record
 * cannot stall an ingest.
 */
class TaggingTimeTest {

  private static NamedEntityExtractor extractor;
  private static LongArticles articles;

  @BeforeAll
  static void loadModelAndSentences() {
    extractor = NamedEntityExtractor.loadDefault();
    articles = LongArticles.fromSeedArticle();
  }

  /**
   * CPU seconds of this thread, not wall-clock time, so that other processes on a busy machine do
   * not skew the ratio.
   */
  private static double secondsToTag(String body) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    List<Entity> entities = extractor.extract("Pompeo Threatens to Close Embassy", body);
    double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;
    assertThat(entities).extracting(Entity::name).contains("Mike Pompeo", "Iraq");
    return seconds;
  }

  @Test
  void millionWordArticleTakesTimeProportionalToItsLength() {
    String small = articles.body(10_000);
    String large = articles.body(1_000_000);
    for (int warmUp = 0; warmUp < 5; warmUp++) {
      secondsToTag(small);
    }
    double smallSeconds = secondsToTag(small);
    double largeSeconds = secondsToTag(large);
    System.out.printf(
        "tagging: 10k words %.3f CPU s, 1M words %.3f CPU s, ratio %.1f%n",
        smallSeconds, largeSeconds, largeSeconds / smallSeconds);
    assertThat(largeSeconds).isLessThanOrEqualTo(smallSeconds * 100 * 3);
  }
}
