package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
  void aTokensRowsAndItsWindowsSumsWeighWhatItsFeatureHashesWeigh() {
    NerModel model = NamedEntityExtractor.loadDefault().model();
    FeatureTable table = model.table();
    TokenFeatures hashes = new TokenFeatures(model.lexicon(), model.gazetteer());
    TokenFeatures rows = new TokenFeatures(model.lexicon(), model.gazetteer(), table);
    List<String[]> document =
        List.of(
            "Mike Pompeo met Tripoli-based officials in Washington on Monday .".split(" "),
            "U.S. SECRETARY OF STATE POMPEO SAID THE TALKS WOULD GO ON".split(" "),
            "Pompeo told Reuters the German-Israeli talks were useful , Pompeo said .".split(" "),
            "Ok".split(" "));
    TokenFeatures.DocumentContext context = new TokenFeatures.DocumentContext(document);
    int labels = NerLabels.COUNT;
    int known = 0;
    for (int round = 0; round < 2; round++) {
      // The second round reads every word's sums from the thread's cache.
      for (String[] sentence : document) {
        long[][] expected = hashes.sentence(sentence, context);
        WordFeatures[] tokens = rows.tokens(sentence);
        long[][] actual = rows.sentenceRows(sentence, tokens, context).arrays();
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
          // Each of the token's rows is the row of one of its hashes; the window gives the rest.
          long[] looked = Arrays.stream(expected[i]).map(table::row).toArray();
          assertThat(looked).as("token %s", sentence[i]).contains(actual[i]);
          assertThat(actual[i].length).isLessThan(looked.length - 20);
          float[] one = new float[2 * labels];
          for (long row : looked) {
            if (row >= 0) {
              table.addFirst(row, one, 0);
              table.addSecond(row, one, labels);
              known++;
            }
          }
          float[] summed = new float[2 * labels];
          for (int o = -WordFeatures.REACH; o <= WordFeatures.REACH; o++) {
            float[] window = rows.at(tokens, i + o).weights();
            table.addFirst(window, o + WordFeatures.REACH, summed, 0);
            table.addSecond(window, o + WordFeatures.REACH, summed, labels);
          }
          for (long row : actual[i]) {
            if (row >= 0) {
              table.addFirst(row, summed, 0);
              table.addSecond(row, summed, labels);
            }
          }
          for (int y = 0; y < 2 * labels; y++) {
            assertThat(summed[y])
                .as("token %s, weight %d", sentence[i], y)
                .isCloseTo(one[y], within(1e-3f));
          }
        }
      }
    }
    assertThat(known).isGreaterThan(500);
  }

  @Test
  void shoutedHeadlinesAreRecognized() {
    assertThat(TokenFeatures.isShouting("SOCCER - JAPAN GET LUCKY WIN".split(" "))).isTrue();
    assertThat(TokenFeatures.isShouting("Japan get a lucky win".split(" "))).isFalse();
  }
}
