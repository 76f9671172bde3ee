package io.newsarchive.search;

import io.newsarchive.article.EntityType;
import io.newsarchive.schema.ArticleFields;
import java.util.Locale;

/** A field whose values a search can count over the whole matching set. */
public enum FacetField {
  SOURCE(ArticleFields.SOURCE),
  PERSON(ArticleFields.PERSON),
  ORG(ArticleFields.ORG),
  PLACE(ArticleFields.PLACE),
  LANGUAGE(ArticleFields.LANGUAGE);

  private final String field;

  FacetField(String field) {
    this.field = field;
  }

  /** The index field whose sorted-set doc values are counted. */
  public String field() {
    return field;
  }

  /** The lower-case name used in URLs and JSON. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The facet that counts entities of one type. */
  public static FacetField of(EntityType type) {
    return switch (type) {
      case PERSON -> PERSON;
      case ORGANIZATION -> ORG;
      case LOCATION -> PLACE;
    };
  }

  /**
   * The facet named by {@code text}, case-insensitively.
   *
   * @throws InvalidRequestException when {@code text} names no facet
   */
  public static FacetField parse(String text) {
    for (FacetField facet : values()) {
      if (facet.key().equalsIgnoreCase(text.strip())) {
        return facet;
      }
    }
    throw new InvalidRequestException(
        "facets", "unknown facet '" + text + "'", "use source, person, org, place or language");
  }
}
