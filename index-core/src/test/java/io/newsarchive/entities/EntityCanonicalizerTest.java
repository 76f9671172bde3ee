package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityCanonicalizerTest {

  private static Mention body(EntityType type, String... words) {
    return new Mention(Arrays.asList(words), type, false);
  }

  private static Mention headline(EntityType type, String... words) {
    return new Mention(Arrays.asList(words), type, true);
  }

  @Test
  void laterSurnameMapsToTheFullNameSeenEarlier() {
    List<Entity> entities =
        EntityCanonicalizer.entities(
            List.of(
                body(EntityType.PERSON, "Mike", "Pompeo"),
                body(EntityType.PERSON, "Pompeo"),
                body(EntityType.ORGANIZATION, "Pompeo"),
                body(EntityType.PERSON, "Kadhimi"),
                body(EntityType.PERSON, "Mustafa", "al-Kadhimi")));
    assertThat(entities)
        .containsExactly(
            new Entity("Mike Pompeo", EntityType.PERSON, 3),
            new Entity("Mustafa al-Kadhimi", EntityType.PERSON, 2));
  }

  @Test
  void possessiveLeadingTheAndTitlesAreStripped() {
    List<Entity> entities =
        EntityCanonicalizer.entities(
            List.of(
                body(EntityType.LOCATION, "Iraq", "'s"),
                body(EntityType.LOCATION, "Iraq's"),
                body(EntityType.ORGANIZATION, "the", "Washington", "Post"),
                body(EntityType.PERSON, "President", "Barham", "Salih")));
    assertThat(entities)
        .containsExactly(
            new Entity("Iraq", EntityType.LOCATION, 2),
            new Entity("Washington Post", EntityType.ORGANIZATION, 1),
            new Entity("Barham Salih", EntityType.PERSON, 1));
  }

  @Test
  void aliasesMapToOneName() {
    List<Entity> entities =
        EntityCanonicalizer.entities(
            List.of(
                body(EntityType.LOCATION, "U.S."),
                body(EntityType.LOCATION, "US"),
                body(EntityType.LOCATION, "United", "States")));
    assertThat(entities).containsExactly(new Entity("United States", EntityType.LOCATION, 3));
  }

  @Test
  void headlineMentionsCountOnlyWhenTheBodyNamesTheEntity() {
    List<Entity> entities =
        EntityCanonicalizer.entities(
            List.of(
                headline(EntityType.PERSON, "Pompeo", "Threatens"),
                headline(EntityType.LOCATION, "Iraq"),
                headline(EntityType.PERSON, "Pompeo"),
                body(EntityType.PERSON, "Mike", "Pompeo"),
                body(EntityType.LOCATION, "Iraq")));
    assertThat(entities)
        .containsExactlyInAnyOrder(
            new Entity("Mike Pompeo", EntityType.PERSON, 2),
            new Entity("Iraq", EntityType.LOCATION, 2));
  }

  @Test
  void capitalizedDatelineAndShortOrganizationNameJoinTheirFullSpelling() {
    List<Entity> entities =
        EntityCanonicalizer.entities(
            List.of(
                body(EntityType.LOCATION, "WASHINGTON"),
                body(EntityType.ORGANIZATION, "Washington", "Post"),
                body(EntityType.ORGANIZATION, "Post"),
                body(EntityType.LOCATION, "Washington"),
                body(EntityType.ORGANIZATION, "NATO")));
    assertThat(entities)
        .containsExactlyInAnyOrder(
            new Entity("Washington", EntityType.LOCATION, 2),
            new Entity("Washington Post", EntityType.ORGANIZATION, 2),
            new Entity("NATO", EntityType.ORGANIZATION, 1));
  }

  @Test
  void mentionsWithoutLettersAreDropped() {
    assertThat(EntityCanonicalizer.entities(List.of(body(EntityType.ORGANIZATION, "1996", "'s"))))
        .isEmpty();
  }

  @Test
  void namesInCapitalsOnlyTakeTheirUsualSpellingButAcronymsStay() {
    java.util.Map<String, String> usual =
        java.util.Map.of(
            "NEW", "New", "YORK", "York", "OF", "of", "ENGLAND", "England", "WHO", "who", "BANK",
            "Bank");
    List<Entity> entities =
        EntityCanonicalizer.entities(
            List.of(
                body(EntityType.LOCATION, "NEW", "YORK"),
                body(EntityType.ORGANIZATION, "BANK", "OF", "ENGLAND"),
                body(EntityType.ORGANIZATION, "WHO"),
                body(EntityType.ORGANIZATION, "NAPM")),
            word -> usual.getOrDefault(word, word));
    assertThat(entities)
        .extracting(Entity::name)
        .containsExactly("New York", "Bank of England", "WHO", "NAPM");
  }

  @Test
  void stateAbbreviationsNameTheStateOnlyForPlaces() {
    List<Entity> entities =
        EntityCanonicalizer.entities(
            List.of(
                body(EntityType.LOCATION, "Calif"),
                body(EntityType.LOCATION, "California"),
                body(EntityType.LOCATION, "N.J."),
                body(EntityType.PERSON, "Miss")));
    assertThat(entities)
        .containsExactly(
            new Entity("California", EntityType.LOCATION, 2),
            new Entity("New Jersey", EntityType.LOCATION, 1),
            new Entity("Miss", EntityType.PERSON, 1));
  }

  @Test
  void commonNounsAndFeedBoilerplateAreNotNames() {
    List<Entity> entities =
        EntityCanonicalizer.entities(
            List.of(
                body(EntityType.ORGANIZATION, "AI"),
                body(EntityType.ORGANIZATION, "Full", "Article"),
                body(EntityType.LOCATION, "Christmas"),
                body(EntityType.ORGANIZATION, "OpenAI")));
    assertThat(entities).containsExactly(new Entity("OpenAI", EntityType.ORGANIZATION, 1));
  }
}
