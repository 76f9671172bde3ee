package io.newsarchive.article;

import java.util.Objects;

/**
 * A named entity found in one article: its canonical name, its type and how often the article
 * mentions it.
 *
 * @param name canonical name, e.g. "Mike Pompeo" for mentions "Mike Pompeo" and "Pompeo"
 * @param type person, organization or location
 * @param mentions number of mentions in the article's title and body, at least 1
 */
public record Entity(String name, EntityType type, int mentions) {

  /** Validates that the name is not blank and the count is positive. */
  public Entity {
    Objects.requireNonNull(type, "type");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("entity name must not be blank");
    }
    if (mentions < 1) {
      throw new IllegalArgumentException("entity mentions must be at least 1, got " + mentions);
    }
    name = name.strip();
  }
}
