package io.newsarchive.story;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The texts of {@code fixtures/stories}: a wire story ({@code original}), a copy of it with a new
 * headline, a figure written differently and the last sentence cut ({@code copy}), an update with
 * one more paragraph ({@code update}), an article on another subject that quotes one of its
 * paragraphs ({@code shared-paragraph}) and a headline-only item ({@code short}).
 */
final class StoryFixtures {

  private StoryFixtures() {}

  /** The article of fixture {@code name} as published by {@code source}. */
  static Article article(String name, String source) {
    String text = read(name);
    int end = text.indexOf('\n');
    return Article.builder()
        .source(source)
        .sourceId(name)
        .title(text.substring(0, end))
        .body(text.substring(end + 1).strip())
        .published(Instant.parse("1987-03-03T10:00:00Z"), "")
        .language("en")
        .build();
  }

  /** The signature of fixture {@code name}. */
  static StorySignature signature(String name) {
    Article article = article(name, "test");
    return StorySignature.of(article.title(), article.body()).orElseThrow();
  }

  private static String read(String name) {
    String resource = "/fixtures/stories/" + name + ".txt";
    try (InputStream in = StoryFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
