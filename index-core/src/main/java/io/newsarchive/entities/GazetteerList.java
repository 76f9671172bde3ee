package io.newsarchive.entities;

/**
 * The name lists of {@code data/gazetteers/} that a model's {@link Gazetteer} is built from, in
 * precedence order: a name on several lists keeps the kind of the first. Each list's kind is
 * written into the models trained with it and is a feature of their weights, so a kind never
 * changes; a new list takes a new kind.
 */
enum GazetteerList {
  ORGANIZATIONS("organizations.txt", 2),
  ORGANIZATIONS_KNOWN("organizations-known.txt", 3),
  PLACES("places.txt", 4),
  DEMONYMS("demonyms.txt", 5),
  ORGANIZATION_WORDS("organization-words.txt", 6),
  NAME_PARTICLES("name-particles.txt", 7),
  LAST_NAMES("last-names.txt", 8),
  FIRST_NAMES("first-names.txt", 9);

  private final String file;
  private final int kind;

  GazetteerList(String file, int kind) {
    this.file = file;
    this.kind = kind;
  }

  /** The list's file name in {@code data/gazetteers/}. */
  String file() {
    return file;
  }

  /** The kind that {@link Gazetteer#kind} gives the list's names. */
  int kind() {
    return kind;
  }
}
