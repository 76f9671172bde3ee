package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
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
            new Entity("Mike Pompeo", EntityType.PERSON, 3, List.of("Pompeo")),
            new Entity("Mustafa al-Kadhimi", EntityType.PERSON, 2, List.of("Kadhimi")));
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
    assertThat(entities)
        .containsExactly(new Entity("United States", EntityType.LOCATION, 3, List.of("U.S.")));
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
            new Entity("Mike Pompeo", EntityType.PERSON, 2, List.of("Pompeo")),
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
            new Entity("Washington Post", EntityType.ORGANIZATION, 2, List.of("Post")),
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
            java.util.Map.of(),
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
            new Entity("California", EntityType.LOCATION, 2, List.of("Calif")),
            new Entity("New Jersey", EntityType.LOCATION, 1, List.of("N.J.")),
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

  @Test
  void endsOfAFullerNameBeforeOrAfterItAreThatName() {
    List<Entity> entities =
        EntityCanonicalizer.entities(
            List.of(
                body(EntityType.PERSON, "Bra", "Kanon"),
                body(EntityType.PERSON, "Denis", "Bra", "Kanon"),
                body(EntityType.PERSON, "Kanon"),
                body(EntityType.ORGANIZATION, "Cocoa", "Board"),
                body(EntityType.ORGANIZATION, "Ghana", "Cocoa", "Board")));
    assertThat(entities)
        .containsExactly(
            new Entity("Denis Bra Kanon", EntityType.PERSON, 3, List.of("Bra Kanon", "Kanon")),
            new Entity("Ghana Cocoa Board", EntityType.ORGANIZATION, 2, List.of("Cocoa Board")));
  }

  @Test
  void aShortFormThatEndsTwoNamesIsLeftOut() {
    List<Entity> entities =
        EntityCanonicalizer.entities(
            List.of(
                body(EntityType.PERSON, "James", "Baker"),
                body(EntityType.PERSON, "Howard", "Baker"),
                body(EntityType.PERSON, "Baker")));
    assertThat(entities)
        .extracting(Entity::name)
        .containsExactlyInAnyOrder("James Baker", "Howard Baker");
  }

  @Test
  void acronymsIntroducedOrSpelledByALongerNameAreThatName() {
    List<Entity> entities =
        EntityCanonicalizer.entities(
            List.of(
                body(EntityType.ORGANIZATION, "International", "Cocoa", "Organization"),
                body(EntityType.ORGANIZATION, "ICCO"),
                body(EntityType.ORGANIZATION, "International", "Coffee", "Organization"),
                body(EntityType.ORGANIZATION, "Securities", "and", "Exchange", "Commission"),
                body(EntityType.ORGANIZATION, "SEC"),
                body(
                    EntityType.ORGANIZATION,
                    "General",
                    "Agreement",
                    "on",
                    "Tariffs",
                    "and",
                    "Trade"),
                body(EntityType.ORGANIZATION, "GATT"),
                body(EntityType.ORGANIZATION, "ICO")),
            java.util.Map.of(
                "ICCO", List.of("International", "Cocoa", "Organization"),
                "ICO", List.of("International", "Coffee", "Organization")),
            UnaryOperator.identity());
    assertThat(entities)
        .containsExactlyInAnyOrder(
            new Entity(
                "International Cocoa Organization", EntityType.ORGANIZATION, 2, List.of("ICCO")),
            new Entity(
                "International Coffee Organization", EntityType.ORGANIZATION, 2, List.of("ICO")),
            new Entity(
                "Securities and Exchange Commission", EntityType.ORGANIZATION, 2, List.of("SEC")),
            new Entity(
                "General Agreement on Tariffs and Trade",
                EntityType.ORGANIZATION,
                2,
                List.of("GATT")));
  }

  @Test
  void anAcronymMaySpellADesignatorAndJoinInitialsByAnd() {
    List<Entity> entities =
        EntityCanonicalizer.entities(
            List.of(
                body(EntityType.ORGANIZATION, "American", "Motors"),
                body(EntityType.ORGANIZATION, "AMC"),
                body(EntityType.ORGANIZATION, "First", "Boston", "Inc"),
                body(EntityType.ORGANIZATION, "FBC"),
                body(EntityType.ORGANIZATION, "Standard", "and", "Poor", "'s"),
                body(EntityType.ORGANIZATION, "S", "and", "P")));
    assertThat(entities)
        .containsExactlyInAnyOrder(
            new Entity("American Motors", EntityType.ORGANIZATION, 2, List.of("AMC")),
            new Entity("First Boston Inc", EntityType.ORGANIZATION, 2, List.of("FBC")),
            new Entity("Standard and Poor", EntityType.ORGANIZATION, 2, List.of("S and P")));
  }

  @Test
  void anAcronymThatSpellsTwoNamesIsLeftOut() {
    List<Entity> entities =
        EntityCanonicalizer.entities(
            List.of(
                body(EntityType.ORGANIZATION, "International", "Cocoa", "Organization"),
                body(EntityType.ORGANIZATION, "International", "Coffee", "Organization"),
                body(EntityType.ORGANIZATION, "ICO")));
    assertThat(entities)
        .extracting(Entity::name)
        .containsExactlyInAnyOrder(
            "International Cocoa Organization", "International Coffee Organization");
  }

  @Test
  void aFirmWrittenLikeAPersonIsTheFirmItOpens() {
    List<Entity> entities =
        EntityCanonicalizer.entities(
            List.of(
                body(EntityType.PERSON, "Dean", "Witter"),
                body(EntityType.ORGANIZATION, "Dean", "Witter", "Reynolds", "Inc"),
                body(EntityType.ORGANIZATION, "Moody"),
                body(EntityType.ORGANIZATION, "Moody", "'s", "Investors", "Service", "Inc"),
                body(EntityType.ORGANIZATION, "Senate"),
                body(EntityType.ORGANIZATION, "Senate", "Finance", "Committee")));
    assertThat(entities)
        .containsExactlyInAnyOrder(
            new Entity(
                "Dean Witter Reynolds Inc", EntityType.ORGANIZATION, 2, List.of("Dean Witter")),
            new Entity(
                "Moody's Investors Service Inc", EntityType.ORGANIZATION, 2, List.of("Moody")),
            new Entity("Senate", EntityType.ORGANIZATION, 1),
            new Entity("Senate Finance Committee", EntityType.ORGANIZATION, 1));
  }

  @Test
  void aDesignatedCompanysShortFormIsTheCompanyUnlessItEndsAPersonsName() {
    List<Entity> entities =
        EntityCanonicalizer.entities(
            List.of(
                body(EntityType.ORGANIZATION, "Barrick", "Gold", "Corp"),
                body(EntityType.ORGANIZATION, "Barrick"),
                body(EntityType.ORGANIZATION, "Barrick"),
                body(EntityType.ORGANIZATION, "Baker", "Hughes", "Inc"),
                body(EntityType.PERSON, "James", "Baker"),
                body(EntityType.ORGANIZATION, "Baker"),
                body(EntityType.ORGANIZATION, "Reuters"),
                body(EntityType.ORGANIZATION, "Reuters", "Holdings", "Plc")),
            java.util.Map.of(
                "Barrick", List.of("Barrick", "Gold", "Corp"),
                "Baker", List.of("Baker", "Hughes", "Inc")),
            UnaryOperator.identity());
    assertThat(entities)
        .containsExactlyInAnyOrder(
            new Entity("Barrick Gold Corp", EntityType.ORGANIZATION, 3, List.of("Barrick")),
            new Entity("Baker Hughes Inc", EntityType.ORGANIZATION, 1),
            new Entity("James Baker", EntityType.PERSON, 2, List.of("Baker")),
            // Tagged an organization by the model itself, the agency stays apart from the firm.
            new Entity("Reuters", EntityType.ORGANIZATION, 1),
            new Entity("Reuters Holdings Plc", EntityType.ORGANIZATION, 1));
  }

  @Test
  void spellingsOfOneNameAreOneEntityWithoutForms() {
    List<Entity> entities =
        EntityCanonicalizer.entities(
            List.of(
                body(EntityType.ORGANIZATION, "Crédit", "Lyonnais"),
                body(EntityType.ORGANIZATION, "Credit", "Lyonnais"),
                body(EntityType.ORGANIZATION, "Crédit", "Lyonnais", "SA"),
                body(EntityType.LOCATION, "YAOUNDE")));
    assertThat(entities)
        .containsExactly(
            new Entity("Crédit Lyonnais", EntityType.ORGANIZATION, 3),
            new Entity("YAOUNDE", EntityType.LOCATION, 1));
  }

  @Test
  void aTitleIsNeverPartOfAPlaceAndATitleAloneIsNoPerson() {
    List<Entity> entities =
        EntityCanonicalizer.entities(
            List.of(
                body(EntityType.LOCATION, "Queen", "Elizabeth"),
                body(EntityType.PERSON, "U.K.", "Chancellor"),
                body(EntityType.PERSON, "Nigel", "Lawson")));
    assertThat(entities)
        .containsExactly(
            new Entity("Elizabeth", EntityType.PERSON, 1),
            new Entity("Nigel Lawson", EntityType.PERSON, 1));
  }
}
