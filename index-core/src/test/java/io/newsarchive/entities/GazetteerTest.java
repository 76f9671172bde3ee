package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GazetteerTest {

  private static String[] lower(String text) {
    return text.toLowerCase(java.util.Locale.ROOT).split(" ");
  }

  @Test
  void tagsTheLongestListedNameFromTheJdkAndProjectLists() throws IOException {
    Gazetteer gazetteer = Gazetteer.build(Path.of("../data/gazetteers"));
    // kinds: 0 country, 1 city, 2 organization word, 3 organization, 4 name particle
    assertThat(gazetteer.tag(lower("troops left New Zealand for Kataib Hezbollah bases")))
        .containsExactly(0, 0, 1, 2, 0, 5, 7, 0);
    assertThat(gazetteer.tag(lower("Abu Mahdi in Baghdad"))).containsExactly(9, 0, 0, 3);
  }

  @Test
  void emptyGazetteerTagsNothing() {
    assertThat(Gazetteer.empty().tag(lower("New Zealand"))).containsExactly(0, 0);
  }
}
