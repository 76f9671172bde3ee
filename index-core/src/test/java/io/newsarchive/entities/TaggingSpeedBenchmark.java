package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Entity;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prints how long the bundled tagger takes on one thread for articles of 10k, 100k and 1M words, in
 * CPU seconds of the tagging thread (what other processes on a busy machine do not change) and in
 * wall-clock seconds. Not part of the default test run (surefire only picks up {@code *Test}
 * classes); run it with {@code ./mvnw -pl index-core test -Dtest=TaggingSpeedBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TaggingSpeedBenchmark {

  private static final int[] LENGTHS = {10_000, 100_000, 1_000_000};
  private static final int ROUNDS = 3;

  @Test
  void printsTaggingTimeByArticleLength() {
    NamedEntityExtractor extractor = NamedEntityExtractor.loadDefault();
    LongArticles articles = LongArticles.fromSeedArticle();
    String warmUp = articles.body(10_000);
    for (int round = 0; round < 10; round++) {
      extractor.extract("Pompeo Threatens to Close Embassy", warmUp);
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int words : LENGTHS) {
      String body = articles.body(words);
      double bestCpu = Double.MAX_VALUE;
      double bestWall = Double.MAX_VALUE;
      for (int round = 0; round < ROUNDS; round++) {
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        List<Entity> entities = extractor.extract("Pompeo Threatens to Close Embassy", body);
        bestWall = Math.min(bestWall, (System.nanoTime() - wall) / 1e9);
        bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        assertThat(entities).extracting(Entity::name).contains("Mike Pompeo", "Iraq");
      }
      System.out.printf(
          "%,10d words  best of %d: %7.3f CPU s  %7.3f wall s  %,9.0f words per CPU s%n",
          words, ROUNDS, bestCpu, bestWall, words / bestCpu);
    }
  }
}
