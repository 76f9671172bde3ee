package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NamedEntityExtractorTest {

  private static NamedEntityExtractor extractor;
  private static String title;
  private static String body;

  @BeforeAll
  static void loadModelAndSeed() throws IOException {
    extractor = NamedEntityExtractor.loadDefault();
    List<String> lines = Files.readAllLines(Path.of("../data/sample/kayhan-83245.txt"));
    int i = 0;
    while (!lines.get(i).startsWith("Publish Date")) {
      i++;
    }
    i++;
    while (lines.get(i).isBlank()) {
      i++;
    }
    title = lines.get(i);
    body = String.join("\n", lines.subList(i + 1, lines.size())).strip();
  }

  private static List<String> names(List<Entity> entities, EntityType type) {
    return entities.stream().filter(e -> e.type() == type).map(Entity::name).toList();
  }

  @Test
  void seedArticleYieldsItsPeopleOrganizationsAndPlaces() {
    List<Entity> entities = extractor.extract(title, body);
    assertThat(names(entities, EntityType.PERSON))
        .contains(
            "Mike Pompeo",
            "Mustafa al-Kadhimi",
            "Barham Salih",
            "Qassem Soleimani",
            "Abu Mahdi al-Muhandis",
            "Joel Wing")
        .containsAnyOf("Trump", "Donald Trump");
    assertThat(names(entities, EntityType.ORGANIZATION))
        .contains("Washington Post", "State Department", "Kataib Hezbollah", "Asaib Ahl al-Haq");
    assertThat(names(entities, EntityType.LOCATION))
        .contains("Iraq", "Baghdad", "Iran", "United States");
    assertThat(entities)
        .extracting(Entity::name)
        .doesNotContain("So", "Last", "Throughout", "Pompeo", "Kadhimi", "U.S.", "Pompeo Threatens")
        .doesNotHaveDuplicates();
  }

  @Test
  void surnameMentionsAreCountedUnderTheFullName() {
    Entity pompeo =
        extractor.extract(title, body).stream()
            .filter(e -> e.name().equals("Mike Pompeo"))
            .findFirst()
            .orElseThrow();
    assertThat(pompeo.mentions()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void headlineCaseProducesNoEntityTheBodyLacks() {
    List<Entity> withTitle = extractor.extract(title, body);
    List<Entity> bodyOnly = extractor.extract("", body);
    assertThat(withTitle)
        .extracting(Entity::name)
        .containsExactlyInAnyOrderElementsOf(bodyOnly.stream().map(Entity::name).toList());
  }

  @Test
  void datelinesInCapitalsGiveTheNamesBodyTextWouldGive() {
    // Reuters-style datelines: the place is never written in mixed case in the article itself.
    List<Entity> entities =
        extractor.extract(
            "",
            "NEW YORK, March 3 - Shares of the company rose after it said it would buy a"
                + " rival. In SAN JOSE, Calif., analysts said the deal was fair.");
    assertThat(names(entities, EntityType.LOCATION))
        .contains("New York", "California")
        .doesNotContain("NEW YORK", "Calif");
  }

  @Test
  void theNameOpeningADatelineIsAPlace() {
    assertThat(NamedEntityExtractor.isDateline(new String[] {"SAO", "PAULO", ",", "March", "3"}, 2))
        .isTrue();
    assertThat(
            NamedEntityExtractor.isDateline(
                new String[] {"OKLAHOMA", "CITY", ",", "Okla", ".", "March", "11", "-"}, 2))
        .isTrue();
    assertThat(NamedEntityExtractor.isDateline(new String[] {"Baker", ",", "who", "said"}, 1))
        .isFalse();
    List<Entity> entities =
        extractor.extract(
            "BRAZIL COFFEE EXPORTS",
            "SAO PAULO, March 3 - Brazil's coffee exports rose in February, the Brazilian Coffee"
                + " Institute said.");
    assertThat(names(entities, EntityType.LOCATION)).contains("Sao Paulo");
    assertThat(names(entities, EntityType.PERSON)).doesNotContain("Sao Paulo");
  }

  @Test
  void aCountryIsAlwaysAPlace() {
    List<Entity> entities =
        extractor.extract(
            "",
            "The U.S. said on Monday it would send more aid, and the UK said it would match it."
                + " Officials in Washington and London declined to comment.");
    assertThat(names(entities, EntityType.LOCATION)).contains("United States", "United Kingdom");
    assertThat(names(entities, EntityType.ORGANIZATION))
        .doesNotContain("United States", "United Kingdom");
  }

  @Test
  void aStateAbbreviationInADatelineIsAPlace() {
    List<Entity> entities =
        extractor.extract(
            "INDIANA BANK SETS DIVIDEND",
            "INDIANAPOLIS, Ind., March 3 - First Indiana Corp said its board declared a quarterly"
                + " dividend.");
    assertThat(names(entities, EntityType.LOCATION)).contains("Indianapolis", "Indiana");
    assertThat(names(entities, EntityType.ORGANIZATION)).doesNotContain("Ind", "Indiana");
  }

  @Test
  void emptyArticleHasNoEntities() {
    assertThat(extractor.extract("", "")).isEmpty();
    assertThat(extractor.extract(null, null)).isEmpty();
  }

  @Test
  void concurrentCallsGiveTheSameEntities() throws Exception {
    List<Entity> expected = extractor.extract(title, body);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Entity>>> results =
          pool.invokeAll(java.util.Collections.nCopies(8, () -> extractor.extract(title, body)));
      for (Future<List<Entity>> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
  }
}
