package io.newsarchive.entities;

import io.newsarchive.article.EntityType;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@link EntityNames#key} of the names of one article, each computed once: an article asks for
 * the key of one name many times while resolving it, and a key folds accents and splits words.
 * Confined to one article's resolution; not thread-safe.
 */
final class SpellingKeys {

  private final Map<String, String> organizations = new HashMap<>();
  private final Map<String, String> others = new HashMap<>();

  /** The key of {@code name} as a name of {@code type}. */
  String of(EntityType type, String name) {
    // Only organizations' keys differ by type (their designators are dropped).
    Map<String, String> keys = type == EntityType.ORGANIZATION ? organizations : others;
    String key = keys.get(name);
    if (key == null) {
      key = EntityNames.key(type, name);
      keys.put(name, key);
    }
    return key;
  }
}
