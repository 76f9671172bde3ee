package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Entity;
import io.newsarchive.testing.Repository;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tagging time grows in proportion to the article's length: a 100 times longer article may take at
 * most 300 times as long (a ratio measured in one run, not a wall-clock bound), so one huge record
 * cannot stall an ingest.
 */
class TaggingTimeTest {

  private static NamedEntityExtractor extractor;
  private static List<String> sentences;

  @BeforeAll
  static void loadModelAndSentences() throws IOException {
    extractor = NamedEntityExtractor.loadDefault();
    sentences = new ArrayList<>();
    for (String line : Files.readAllLines(Repository.seedArticle())) {
      for (String sentence : line.split("(?<=[.!?])\\s+")) {
        if (sentence.split(" ").length > 3) {
          sentences.add(sentence.strip());
        }
      }
    }
  }

  /** The seed article's sentences in a seeded random order, in paragraphs, up to {@code words}. */
  static String article(int words) {
    Random random = new Random(words);
    StringBuilder text = new StringBuilder();
    int count = 0;
    while (count < words) {
      String sentence = sentences.get(random.nextInt(sentences.size()));
      text.append(sentence).append(random.nextInt(5) == 0 ? "\n\n" : " ");
      count += sentence.split(" ").length;
    }
    return text.toString();
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
    String small = article(10_000);
    String large = article(1_000_000);
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
