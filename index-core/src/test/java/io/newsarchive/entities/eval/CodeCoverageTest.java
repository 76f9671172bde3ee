package io.newsarchive.entities.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.article.CodeScheme;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeCoverageTest {

  @Test
  void placeCodesMatchNamesAndPeopleCodesMatchLastNames() {
    Article article =
        Article.builder()
            .source("reuters")
            .title("Baker sees talks")
            .body("text")
            .codes(CodeScheme.PLACES, List.of("usa", "west-germany", "japan"))
            .codes(CodeScheme.PEOPLE, List.of("james-baker", "volcker"))
            .build();
    CodeCoverage coverage = new CodeCoverage();
    coverage.add(
        article,
        List.of(
            new Entity("United States", EntityType.LOCATION, 2),
            new Entity("West Germany", EntityType.LOCATION, 1),
            new Entity("James Baker", EntityType.PERSON, 1)));
    assertThat(coverage.summary())
        .contains(
            "PLACES: 1 articles with codes, 3 codes, 66.7% of codes covered, 0.0% of articles")
        .contains("PEOPLE: 1 articles with codes, 2 codes, 50.0% of codes covered");
  }

  @Test
  void aStateOrACapitalCoversItsCountry() {
    Article article =
        Article.builder()
            .source("reuters")
            .title("t")
            .body("text")
            .codes(CodeScheme.PLACES, List.of("usa", "japan", "france"))
            .build();
    CodeCoverage coverage = new CodeCoverage(Map.of("japan", List.of("tokyo")));
    coverage.add(
        article,
        List.of(
            new Entity("California", EntityType.LOCATION, 1),
            new Entity("Tokyo", EntityType.LOCATION, 1)));
    assertThat(coverage.summary())
        .contains("3 codes, 66.7% of codes covered")
        .contains("most often missed: france 1");
  }

  @Test
  void readsCapitalsFromTheFactbookFactsShippedWithReuters() throws IOException {
    Path factbook =
        SharedCorpora.require("corpora/reuters21578/feldman-cia-worldfactbook-data.txt");
    Map<String, List<String>> capitals = CodeCoverage.capitals(factbook);
    assertThat(capitals.get("japan")).containsExactly("tokyo");
    assertThat(capitals.get("united states")).containsExactly("washington");
    assertThat(capitals.get("united kingdom")).containsExactly("london");
    assertThat(capitals).hasSizeGreaterThan(200);
  }
}
