package io.newsarchive.entities;

import io.newsarchive.article.Entity;
import java.util.List;
import java.util.function.Supplier;

/**
 * Finds the people, organizations and places named in an article. Implementations are thread-safe:
 * the indexer calls one instance from several threads.
 */
public interface EntityExtractor {

  /**
   * The entities named in an article's title and body, each once, with its canonical name and its
   * number of mentions.
   */
  List<Entity> extract(String title, String body);

  /** An extractor that finds nothing, for indexing without entity extraction. */
  static EntityExtractor none() {
    return (title, body) -> List.of();
  }

  /**
   * The extractor that {@code load} makes, which starts making it at once on a thread of its own;
   * the first call waits for it. When {@code load} fails, every call throws {@link
   * ExtractorUnavailableException} with its reason.
   */
  static EntityExtractor loadedInBackground(Supplier<? extends EntityExtractor> load) {
    return new BackgroundLoadedExtractor(load);
  }
}
