package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Entity;
import io.newsarchive.entities.eval.Casing;
import io.newsarchive.entities.eval.ConllCorpus;
import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CaseRestorerTest {

  private static NamedEntityExtractor extractor;
  private static CaseRestorer restorer;

  @BeforeAll
  static void loadModel() {
    extractor = NamedEntityExtractor.loadDefault();
    restorer = new CaseRestorer(extractor.model().lexicon());
  }

  @Test
  void aSentenceInCapitalsIsWrittenAsRunningText() {
    String[] words = "DE GAULLE SAID IN PARIS THAT THE UNITED NATIONS WOULD MEET .".split(" ");
    assertThat(String.join(" ", restorer.restore(List.<String[]>of(words)).get(0)))
        .isEqualTo("De Gaulle said in Paris that the United Nations would meet .");
  }

  @Test
  void wordsOfANameNewsKnowsAreCapitalized() {
    // "world" and "new" alone are mostly lower case in news; in these names they are not.
    String[] words = "THE WORLD CUP IN NEW YORK .".split(" ");
    assertThat(restorer.restore(words))
        .containsExactly("The", "World", "Cup", "in", "New", "York", ".");
  }

  @Test
  void aMixedCaseStoryIsLeftAsItIs() {
    // A results table in capitals inside a mixed-case story is what the tagger learned from.
    List<String[]> story =
        List.of(
            "NHL ICE HOCKEY - STANDINGS AFTER THURSDAY 'S GAMES .".split(" "),
            "The Vancouver Canucks beat the Buffalo Sabres on Thursday .".split(" "));
    assertThat(restorer.restore(story)).isSameAs(story);
  }

  @Test
  void aConllStoryUpperCasedYieldsTheEntitiesOfTheOriginal() throws IOException {
    ConllCorpus.Document story =
        ConllCorpus.read(SharedCorpora.require("corpora/conll2003/eng.testb")).stream()
            .filter(d ->
                String.join(" ", d.sentences().get(0).words())
                    .startsWith("Yeltsin plans return to Kremlin"))
            .findFirst()
            .orElseThrow();
    StringBuilder original = new StringBuilder();
    StringBuilder upper = new StringBuilder();
    for (ConllCorpus.Sentence s : story.sentences()) {
      original.append(String.join(" ", s.words())).append('\n');
      upper.append(String.join(" ", Casing.UPPER.apply(s.words()))).append('\n');
    }
    List<Entity> expected = extractor.extract("", original.toString());
    assertThat(expected)
        .extracting(Entity::name)
        .contains("Boris Yeltsin", "Mikhail Gorbachev", "Kremlin", "Moscow");
    assertThat(upper.toString()).isUpperCase();
    assertThat(new HashSet<>(extractor.extract("", upper.toString())))
        .isEqualTo(new HashSet<>(expected));
  }
}
