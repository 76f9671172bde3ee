package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GazetteerTest {

  private static String[] lower(String text) {
    return text.toLowerCase(java.util.Locale.ROOT).split(" ");
  }

  /** Tag of a name's first token of list kind {@code kind}. */
  private static int first(int kind) {
    return 1 + 2 * kind;
  }

  /** Tag of a name's later tokens of list kind {@code kind}. */
  private static int rest(int kind) {
    return 2 + 2 * kind;
  }

  @Test
  void tagsTheLongestListedNameFromTheJdkAndProjectLists() throws IOException {
    Gazetteer gazetteer = Gazetteer.build(Path.of("../data/gazetteers"));
    assertThat(gazetteer.tag(lower("troops left New Zealand for Kataib Hezbollah bases")))
        .containsExactly(
            0,
            0,
            first(Gazetteer.COUNTRY),
            rest(Gazetteer.COUNTRY),
            0,
            first(Gazetteer.ORGANIZATION_WORD),
            first(Gazetteer.ORGANIZATION),
            0);
    assertThat(gazetteer.tag(lower("Abu Mahdi in Baghdad")))
        .containsExactly(
            first(Gazetteer.NAME_PARTICLE),
            first(Gazetteer.kindOf("first-names.txt")),
            0,
            first(Gazetteer.CITY));
    assertThat(gazetteer.tag(lower("Mike Pompeo met Germans from Aston Villa")))
        .containsExactly(
            first(Gazetteer.kindOf("first-names.txt")),
            0,
            0,
            first(Gazetteer.kindOf("demonyms.txt")),
            0,
            first(Gazetteer.kindOf("organizations-known.txt")),
            rest(Gazetteer.kindOf("organizations-known.txt")));
  }

  @Test
  void aNameOnSeveralListsKeepsTheKindOfTheFirst() throws IOException {
    Gazetteer gazetteer = Gazetteer.build(Path.of("../data/gazetteers"));
    // "chad" is a given name in first-names.txt and a country in the JDK's list.
    assertThat(gazetteer.kind("chad")).isEqualTo(Gazetteer.COUNTRY);
    assertThat(gazetteer.kind("sofia")).isEqualTo(Gazetteer.CITY);
    assertThat(gazetteer.kind("mike")).isEqualTo(Gazetteer.kindOf("first-names.txt"));
    assertThat(gazetteer.kind("kabul")).isEqualTo(Gazetteer.CITY);
  }

  @Test
  void emptyGazetteerTagsNothing() {
    assertThat(Gazetteer.empty().tag(lower("New Zealand"))).containsExactly(0, 0);
  }
}
