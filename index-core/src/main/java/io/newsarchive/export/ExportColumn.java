package io.newsarchive.export;

import io.newsarchive.article.CodeScheme;
import io.newsarchive.article.EntityType;
import io.newsarchive.search.Hit;
import java.util.List;
import java.util.function.Function;

/**
 * One column of an export (a field of each JSON Lines object), in file order: its name and how it
 * reads its values from a hit. A column holds either one text or a list of texts.
 */
public enum ExportColumn {
  ID("id", Shape.ONE, hit -> List.of(hit.id())),
  /** ISO-8601 in UTC; no value for an undated article. */
  PUBLISHED(
      "published",
      Shape.ONE,
      hit -> hit.published() == null ? List.of() : List.of(hit.published().toString())),
  SOURCE("source", Shape.ONE, hit -> List.of(hit.source())),
  TITLE("title", Shape.ONE, hit -> List.of(hit.title())),
  URL("url", Shape.ONE, hit -> List.of(hit.url())),
  LANGUAGE("language", Shape.ONE, hit -> List.of(hit.article().language())),
  /** Canonical names, as the facets show them. */
  PERSONS("persons", Shape.MANY, hit -> hit.entities().get(EntityType.PERSON)),
  ORGS("orgs", Shape.MANY, hit -> hit.entities().get(EntityType.ORGANIZATION)),
  PLACES("places", Shape.MANY, hit -> hit.entities().get(EntityType.LOCATION)),
  /** Editor-assigned codes, by scheme. */
  TOPICS("topics", Shape.MANY, hit -> hit.article().codes(CodeScheme.TOPICS)),
  PLACE_CODES("placeCodes", Shape.MANY, hit -> hit.article().codes(CodeScheme.PLACES)),
  PERSON_CODES("personCodes", Shape.MANY, hit -> hit.article().codes(CodeScheme.PEOPLE)),
  ORG_CODES("orgCodes", Shape.MANY, hit -> hit.article().codes(CodeScheme.ORGS)),
  EXCHANGES("exchanges", Shape.MANY, hit -> hit.article().codes(CodeScheme.EXCHANGES)),
  /** The body text; only in an export that asks for it. */
  BODY("body", Shape.ONE, hit -> List.of(hit.article().body()));

  /** Whether a column holds one value (possibly none) or a list. */
  public enum Shape {
    /** A single text, or none (an undated article's date). */
    ONE,
    /** A list of texts, possibly empty. */
    MANY
  }

  private final String title;
  private final Shape shape;
  private final Function<Hit, List<String>> values;

  ExportColumn(String title, Shape shape, Function<Hit, List<String>> values) {
    this.title = title;
    this.shape = shape;
    this.values = values;
  }

  /** The columns of an export without bodies, in file order. */
  public static List<ExportColumn> withoutBody() {
    return List.of(values()).subList(0, BODY.ordinal());
  }

  /** Every column, the body last. */
  public static List<ExportColumn> withBody() {
    return List.of(values());
  }

  /** The name in the header row and the JSON field name. */
  public String title() {
    return title;
  }

  /** Whether the column holds one value or a list. */
  public Shape shape() {
    return shape;
  }

  /** The values of this column for {@code hit}: at most one for a column of {@link Shape#ONE}. */
  public List<String> values(Hit hit) {
    List<String> found = values.apply(hit);
    return found == null ? List.of() : found;
  }
}
