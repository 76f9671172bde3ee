package io.newsarchive.search;

/**
 * The story an article belongs to: the wire copies and updates of one text.
 *
 * @param id the story id, shared by every article of the story
 * @param articles how many articles of the archive belong to it, at least 1
 */
public record Story(String id, long articles) {

  /** Validates. */
  public Story {
    if (id.isEmpty() || articles < 1) {
      throw new IllegalArgumentException("a story has an id and at least one article");
    }
  }
}
