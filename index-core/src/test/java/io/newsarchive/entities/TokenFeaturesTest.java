package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenFeaturesTest {

  @Test
  void shapesCollapseRunsOfLettersAndDigits() {
    assertThat(TokenFeatures.shape("Pompeo")).isEqualTo("Xx");
    assertThat(TokenFeatures.shape("U.S.")).isEqualTo("X.X.");
    assertThat(TokenFeatures.shape("al-Kadhimi")).isEqualTo("x-Xx");
    assertThat(TokenFeatures.shape("1996-08-22")).isEqualTo("d-d-d");
  }

  @Test
  void shapeHashMatchesTheHashOfTheShape() {
    for (String word : new String[] {"Pompeo", "U.S.", "al-Kadhimi", "1996", "", "McDONALD'S"}) {
      assertThat(TokenFeatures.shapeHash(word))
          .isEqualTo(TokenFeatures.hash(TokenFeatures.shape(word)));
    }
  }

  @Test
  void lowerCaseHashMatchesTheHashOfTheLowerCasedWord() {
    for (String word :
        new String[] {"Pompeo", "U.S.", "McDONALD'S", "", "1996", "ZÜRICH", "İSTANBUL", "ΟΔΟΣ"}) {
      assertThat(TokenFeatures.lowerCaseHash(word))
          .isEqualTo(TokenFeatures.hash(word.toLowerCase(java.util.Locale.ROOT)));
    }
  }

  @Test
  void theRowsOfASentencesFeaturesAreTheTablesRowsOfItsFeatureHashes() {
    NerModel model = NamedEntityExtractor.loadDefault().model();
    TokenFeatures hashes = new TokenFeatures(model.lexicon(), model.gazetteer());
    TokenFeatures rows = new TokenFeatures(model.lexicon(), model.gazetteer(), model.table());
    List<String[]> document =
        List.of(
            "Mike Pompeo met Tripoli-based officials in Washington on Monday .".split(" "),
            "U.S. SECRETARY OF STATE POMPEO SAID THE TALKS WOULD GO ON".split(" "),
            "Pompeo told Reuters the German-Israeli talks were useful , Pompeo said .".split(" "));
    TokenFeatures.DocumentContext context = new TokenFeatures.DocumentContext(document);
    for (int round = 0; round < 2; round++) {
      // The second round reads every word's rows from the thread's cache.
      for (String[] sentence : document) {
        long[][] expected = hashes.sentence(sentence, context);
        long[][] actual = rows.sentenceRows(sentence, rows.tokens(sentence), context);
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
          long[] looked = Arrays.stream(expected[i]).map(model.table()::row).toArray();
          assertThat(actual[i]).as("token %s", sentence[i]).containsExactly(looked);
        }
      }
    }
  }

  @Test
  void shoutedHeadlinesAreRecognized() {
    assertThat(TokenFeatures.isShouting("SOCCER - JAPAN GET LUCKY WIN".split(" "))).isTrue();
    assertThat(TokenFeatures.isShouting("Japan get a lucky win".split(" "))).isFalse();
  }
}
