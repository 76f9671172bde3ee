package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.EntityType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityNamesTest {

  @Test
  void spellingsThatDifferOnlyInCaseOrDesignatorAreOneEntityNamedAsMostArticlesNameIt() {
    EntityNames places =
        EntityNames.of(EntityType.LOCATION, Map.of("YAOUNDE", 9L, "Yaounde", 3L), Map.of());
    assertThat(places.canonical("YAOUNDE")).isEqualTo("Yaounde");
    assertThat(places.canonical("yaounde")).isEqualTo("Yaounde");
    assertThat(places.variants("Yaounde")).containsExactly("YAOUNDE", "Yaounde");

    EntityNames orgs =
        EntityNames.of(
            EntityType.ORGANIZATION,
            Map.of("Texaco Inc", 58L, "Texaco", 62L, "Moody's Investors Service Inc", 5L),
            Map.of());
    assertThat(orgs.canonical("Texaco Inc")).isEqualTo("Texaco");
    assertThat(orgs.canonical("Texaco Inc.")).isEqualTo("Texaco");
    assertThat(orgs.canonical("Moody's Investors Service"))
        .isEqualTo("Moody's Investors Service Inc");
    // Designators end organizations' names only: a person keeps them apart.
    assertThat(EntityNames.key(EntityType.PERSON, "Smith Co")).isEqualTo("smith co");
  }

  @Test
  void asManyArticlesNamingAnEntityEachWayNameItByItsFullerSpelling() {
    EntityNames orgs =
        EntityNames.of(
            EntityType.ORGANIZATION,
            Map.of("Standard and Poor", 124L, "Standard and Poor's Corp", 124L),
            Map.of());
    assertThat(orgs.canonical("Standard and Poor")).isEqualTo("Standard and Poor's Corp");
    assertThat(orgs.canonical("Standard and Poor's Corp")).isEqualTo("Standard and Poor's Corp");
  }

  @Test
  void aListedVariantIsItsNameEvenWhereNoArticleHoldsTheName() {
    EntityNames places =
        EntityNames.of(EntityType.LOCATION, Map.of("U.S.", 4L, "US", 2L), Map.of());
    assertThat(places.canonical("U.S.")).isEqualTo("United States");
    assertThat(places.canonical("US")).isEqualTo("United States");
    assertThat(places.variants("United States")).containsExactly("U.S.", "US");
  }

  @Test
  void aShortFormStandsForTheNameItIsAlmostAlwaysResolvedTo() {
    EntityNames people =
        EntityNames.of(
            EntityType.PERSON,
            Map.of("Ronald Reagan", 24L, "Reagan", 507L, "James Baker", 216L, "Baker", 52L),
            Map.of(
                "Reagan", Map.of("Ronald Reagan", 20L, "Nancy Reagan", 1L),
                "Baker", Map.of("James Baker", 30L, "Howard Baker", 9L)));
    assertThat(people.canonical("Reagan")).isEqualTo("Ronald Reagan");
    assertThat(people.canonical("REAGAN")).isEqualTo("Ronald Reagan");
    assertThat(people.variants("Ronald Reagan")).containsExactly("Reagan", "Ronald Reagan");
    // 30 of 39 is below the dominant share: "Baker" stays apart.
    assertThat(people.canonical("Baker")).isEqualTo("Baker");
    assertThat(people.variants("Baker")).containsExactly("Baker");
  }

  @Test
  void aFullNameOnlyOneArticleResolvesAShortFormToDoesNotSplitIt() {
    EntityNames people =
        EntityNames.of(
            EntityType.PERSON,
            Map.of("Reagan", 506L, "Ronald Reagan", 24L),
            Map.of(
                "Reagan",
                Map.of(
                    "Ronald Reagan", 11L,
                    "Nancy Reagan", 1L,
                    "Michael Reagan", 1L,
                    "Athough Reagan", 1L)));
    assertThat(people.canonical("Reagan")).isEqualTo("Ronald Reagan");
  }

  @Test
  void tooFewResolutionsLeaveAShortFormAlone() {
    EntityNames people =
        EntityNames.of(
            EntityType.PERSON,
            Map.of("Sumita", 12L, "Satoshi Sumita", 35L),
            Map.of("Sumita", Map.of("Satoshi Sumita", (long) EntityNames.MIN_RESOLUTIONS - 1)));
    assertThat(people.canonical("Sumita")).isEqualTo("Sumita");
  }
}
