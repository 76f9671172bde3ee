package io.newsarchive.article;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named entity found in one article: its canonical name, its type, how often the article mentions
 * it and the shorter or other spellings the article wrote for it.
 *
 * @param name canonical name, e.g. "Mike Pompeo" for mentions "Mike Pompeo" and "Pompeo"
 * @param type person, organization or location
 * @param mentions number of mentions in the article's title and body, at least 1
 * @param forms what the article wrote and resolved to {@code name} when it differs from it (a
 *     surname, an acronym, a listed variant, another spelling), in the order first met; possibly
 *     empty
 */
public record Entity(String name, EntityType type, int mentions, List<String> forms) {

  /**
   * Validates that the name and forms are not blank and hold no tab or line break (stored values
   * separate them by tabs), that the count is positive and that no form repeats or is the name.
   */
  public Entity {
    Objects.requireNonNull(type, "type");
    name = requireName(name, "entity name");
    if (mentions < 1) {
      throw new IllegalArgumentException("entity mentions must be at least 1, got " + mentions);
    }
    forms = forms == null ? List.of() : List.copyOf(forms);
    Set<String> seen = new HashSet<>();
    for (String form : forms) {
      String checked = requireName(form, "entity form");
      if (!checked.equals(form) || checked.equals(name) || !seen.add(checked)) {
        throw new IllegalArgumentException(
            "entity form '" + form + "' of '" + name + "' is padded, repeated or the name itself");
      }
    }
  }

  /** An entity the article names only as {@code name}. */
  public Entity(String name, EntityType type, int mentions) {
    this(name, type, mentions, List.of());
  }

  /**
   * {@code entities} with those of one type and name as one, their mentions added up, without
   * forms, most mentioned first and otherwise in their order: an article's entities once several
   * names it holds were renamed to one.
   */
  public static List<Entity> merged(List<Entity> entities) {
    Map<String, Entity> merged = new LinkedHashMap<>();
    for (Entity entity : entities) {
      merged.merge(
          entity.type() + "\t" + entity.name(),
          entity.forms().isEmpty()
              ? entity
              : new Entity(entity.name(), entity.type(), entity.mentions()),
          (a, b) -> new Entity(a.name(), a.type(), a.mentions() + b.mentions()));
    }
    List<Entity> result = new ArrayList<>(merged.values());
    result.sort((a, b) -> Integer.compare(b.mentions(), a.mentions()));
    return result;
  }

  private static String requireName(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    if (value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(what + " must not hold a tab or line break: " + value);
    }
    return value.strip();
  }
}
