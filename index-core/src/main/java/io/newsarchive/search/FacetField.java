package io.newsarchive.search;

import io.newsarchive.article.CodeScheme;
import io.newsarchive.article.EntityType;
import io.newsarchive.schema.ArticleFields;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A field whose values a search can count over the whole matching set: sources, tagged entities,
 * languages, and the codes editors assigned ({@link CodeScheme}). The key of a facet that a filter
 * narrows to its values is that filter's name, so a clicked value becomes {@code key=value}.
 */
public enum FacetField {
  SOURCE(ArticleFields.SOURCE, "source"),
  PERSON(ArticleFields.PERSON, "person"),
  ORG(ArticleFields.ORG, "org"),
  PLACE(ArticleFields.PLACE, "place"),
  LANGUAGE(ArticleFields.LANGUAGE, "language"),
  TOPIC(CodeScheme.TOPICS.field(), "topic"),
  PLACE_CODE(CodeScheme.PLACES.field(), "placeCode"),
  PERSON_CODE(CodeScheme.PEOPLE.field(), "personCode"),
  ORG_CODE(CodeScheme.ORGS.field(), "orgCode"),
  EXCHANGE(CodeScheme.EXCHANGES.field(), "exchange");

  /**
   * The facets a search counts when it names none: sources, entities and languages. The editors'
   * codes are counted when asked for, as the page does when an archive has them, so that an API
   * page costs what it did before codes were facets.
   */
  public static final Set<FacetField> DEFAULTS =
      Set.copyOf(EnumSet.of(SOURCE, PERSON, ORG, PLACE, LANGUAGE));

  private final String field;
  private final String key;

  FacetField(String field, String key) {
    this.field = field;
    this.key = key;
  }

  /** The index field whose sorted-set doc values are counted. */
  public String field() {
    return field;
  }

  /** The name used in URLs and JSON. */
  public String key() {
    return key;
  }

  /** The facet that counts entities of one type. */
  public static FacetField of(EntityType type) {
    return switch (type) {
      case PERSON -> PERSON;
      case ORGANIZATION -> ORG;
      case LOCATION -> PLACE;
    };
  }

  /** The entity type this facet counts, if it counts entities. */
  public Optional<EntityType> entityType() {
    return switch (this) {
      case PERSON -> Optional.of(EntityType.PERSON);
      case ORG -> Optional.of(EntityType.ORGANIZATION);
      case PLACE -> Optional.of(EntityType.LOCATION);
      default -> Optional.empty();
    };
  }

  /** The facet that counts the codes of one scheme. */
  public static FacetField of(CodeScheme scheme) {
    return switch (scheme) {
      case TOPICS -> TOPIC;
      case PLACES -> PLACE_CODE;
      case PEOPLE -> PERSON_CODE;
      case ORGS -> ORG_CODE;
      case EXCHANGES -> EXCHANGE;
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
        "facets",
        "unknown facet '" + text + "'",
        "use " + Arrays.stream(values()).map(FacetField::key).collect(Collectors.joining(", ")));
  }
}
