package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

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
  void shoutedHeadlinesAreRecognized() {
    assertThat(TokenFeatures.isShouting("SOCCER - JAPAN GET LUCKY WIN".split(" "))).isTrue();
    assertThat(TokenFeatures.isShouting("Japan get a lucky win".split(" "))).isFalse();
  }
}
