package io.newsarchive.entities;

import io.newsarchive.testing.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Article bodies of any length made of the seed article's sentences, for measuring how tagging time
 * grows with length.
 */
final class LongArticles {

  private final List<String> sentences;

  private LongArticles(List<String> sentences) {
    this.sentences = sentences;
  }

  /** The sentences of the bundled seed article that have more than three words. */
  static LongArticles fromSeedArticle() {
    List<String> sentences = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(Repository.seedArticle())) {
        for (String sentence : line.split("(?<=[.!?])\\s+")) {
          if (sentence.split(" ").length > 3) {
            sentences.add(sentence.strip());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new LongArticles(sentences);
  }

  /** The sentences in a seeded random order, in paragraphs, up to {@code words} words. */
  String body(int words) {
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
}
