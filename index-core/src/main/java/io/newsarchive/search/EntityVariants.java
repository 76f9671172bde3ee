package io.newsarchive.search;

import java.util.List;

/**
 * One entity under its canonical name.
 *
 * @param name the canonical name
 * @param articles the articles that hold it under any of its names
 * @param variants each name the archive holds for it, with the articles holding that name, most
 *     first; an article holds one name per entity, so these add up to {@code articles}
 */
public record EntityVariants(String name, long articles, List<FacetCount> variants) {

  /** Copies the variants. */
  public EntityVariants {
    variants = List.copyOf(variants);
  }
}
