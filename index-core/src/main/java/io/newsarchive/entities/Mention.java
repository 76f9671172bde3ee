package io.newsarchive.entities;

import io.newsarchive.article.EntityType;
import java.util.List;

/**
 * One tagged mention of an entity in an article, before names are resolved.
 *
 * @param words the mention's tokens, normalized ("Iraq", "'s")
 * @param type person, organization or place
 * @param inTitle whether the mention is in the headline
 */
record Mention(List<String> words, EntityType type, boolean inTitle) {

  /** Validates that the mention has a token. */
  Mention {
    words = List.copyOf(words);
    if (words.isEmpty()) {
      throw new IllegalArgumentException("a mention needs at least one token");
    }
  }

  /** The mention's text, tokens joined as they are usually written. */
  String text() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      boolean glue = w.equals("'s") || w.equals("'") || w.equals(".") || w.equals(",");
      if (i > 0 && !glue) {
        out.append(' ');
      }
      out.append(w);
    }
    return out.toString();
  }
}
