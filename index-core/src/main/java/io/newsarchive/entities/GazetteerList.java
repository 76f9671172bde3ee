package io.newsarchive.entities;

/**
 * The name lists of {@code data/gazetteers/} that a model's {@link Gazetteer} is built from, in
 * precedence order: a name on several lists keeps the kind of the first. Each list's kind is
 * written into the models trained with it and is a feature of their weights, so a kind never
 * changes; a new list takes a new kind. The lists of {@link Layer#ALSO} are matched on their own,
 * after the others: a name on one of them keeps the kind the other lists give it and is also tagged
 * with theirs ("Nurnberg" a place and a club), so that the tagger can learn when the list that
 * names a club or a firm is the one that counts. A city that a league team is named after comes
 * first among them, so that "Chicago" is tagged as a team's city rather than as a club or a firm.
 */
enum GazetteerList {
  ORGANIZATIONS("organizations.txt", 2),
  ORGANIZATIONS_KNOWN("organizations-known.txt", 3),
  PLACES("places.txt", 4),
  DEMONYMS("demonyms.txt", 5),
  ORGANIZATION_WORDS("organization-words.txt", 6),
  NAME_PARTICLES("name-particles.txt", 7),
  LAST_NAMES("last-names.txt", 8),
  FIRST_NAMES("first-names.txt", 9),
  TEAM_CITIES("team-cities.txt", 13, Layer.ALSO),
  SPORTS_CLUBS("sports-clubs.txt", 10, Layer.ALSO),
  LISTED_COMPANIES("listed-companies.txt", 11, Layer.ALSO),
  SPORTS_TEAMS("sports-teams.txt", 12, Layer.ALSO),
  POLITICAL_PARTIES("political-parties.txt", 14, Layer.ALSO),
  UNIVERSITIES("universities.txt", 15, Layer.ALSO),
  AIRLINES("airlines.txt", 16, Layer.ALSO);

  /** Whether a list's names take part in the precedence of kinds or are tagged on their own. */
  enum Layer {
    /** A name keeps the kind of the first of these lists that holds it. */
    FIRST,
    /** Tagged apart from the other layer, with the kind of the first of these lists. */
    ALSO
  }

  private final String file;
  private final int kind;
  private final Layer layer;

  GazetteerList(String file, int kind) {
    this(file, kind, Layer.FIRST);
  }

  GazetteerList(String file, int kind, Layer layer) {
    this.file = file;
    this.kind = kind;
    this.layer = layer;
  }

  /** Which of the two layers of tags the list's names are given in. */
  Layer layer() {
    return layer;
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
