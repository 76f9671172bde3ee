package io.newsarchive.article;

import java.util.Locale;

/** The kinds of named entity that the archive extracts, filters and counts. */
public enum EntityType {
  /** A person, e.g. "Mike Pompeo". */
  PERSON("person"),
  /** A company, agency, party, armed group or newspaper, e.g. "State Department". */
  ORGANIZATION("org"),
  /** A country, city, region or other place, e.g. "Baghdad". */
  LOCATION("place");

  private final String key;

  EntityType(String key) {
    this.key = key;
  }

  /**
   * The short key used in URLs and JSON: {@code person}, {@code org} or {@code place}. Index field
   * names are declared apart, in the schema.
   */
  public String key() {
    return key;
  }

  /**
   * The type for a short key or enum name, case-insensitively.
   *
   * @throws IllegalArgumentException when {@code text} names no type
   */
  public static EntityType parse(String text) {
    String wanted = text.trim().toLowerCase(Locale.ROOT);
    for (EntityType type : values()) {
      if (type.key.equals(wanted) || type.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "unknown entity type '" + text + "': expected person, org or place");
  }
}
