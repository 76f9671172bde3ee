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

  /** The time at which the fixtures are published unless a test says otherwise. */
  static final Instant PUBLISHED = Instant.parse("1987-03-03T10:00:00Z");

  /** The article of fixture {@code name} as published by {@code source}. */
  static Article article(String name, String source) {
    return article(name, source, PUBLISHED);
  }

  /** The article of fixture {@code name} as published by {@code source} at {@code published}. */
  static Article article(String name, String source, Instant published) {
    String text = read(name);
    int end = text.indexOf('\n');
    return article(source + "/" + name, text.substring(0, end), text.substring(end + 1), published);
  }

  /**
   * An article of source and id {@code sourceAndId} ({@code source/id}) with {@code title} and
   * {@code body}, published at {@code published}.
   */
  static Article article(String sourceAndId, String title, String body, Instant published) {
    int slash = sourceAndId.indexOf('/');
    return Article.builder()
        .source(sourceAndId.substring(0, slash))
        .sourceId(sourceAndId.substring(slash + 1))
        .title(title)
        .body(body.strip())
        .published(published, "")
        .language("en")
        .build();
  }

  /** The body of fixture {@code name}, without its headline. */
  static String body(String name) {
    String text = read(name);
    return text.substring(text.indexOf('\n') + 1).strip();
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
