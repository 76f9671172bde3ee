package io.newsarchive.article;

/**
 * Editor-assigned category code lists that some collections carry (Reuters-21578's TOPICS, PLACES,
 * PEOPLE, ORGS and EXCHANGES; a feed item's categories are its {@link #TOPICS}). They are codes
 * such as {@code usa} or {@code reagan}, not extracted names, so they are kept apart from {@link
 * Entity}.
 */
public enum CodeScheme {
  TOPICS("topic"),
  PLACES("code_place"),
  PEOPLE("code_person"),
  ORGS("code_org"),
  EXCHANGES("exchange");

  private final String field;

  CodeScheme(String field) {
    this.field = field;
  }

  /** The index field that holds this scheme's codes. */
  public String field() {
    return field;
  }
}
