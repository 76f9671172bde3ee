package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NewsTokenizerTest {

  @Test
  void splitsPossessivesAndKeepsHyphenatedNamesWhole() {
    NewsTokenizer.Tokens tokens =
        NewsTokenizer.tokenize("Iraq\u2019s new prime minister, Mustafa al-Kadhimi, said so.");
    assertThat(tokens.words())
        .containsExactly(
            "Iraq",
            "'s",
            "new",
            "prime",
            "minister",
            ",",
            "Mustafa",
            "al-Kadhimi",
            ",",
            "said",
            "so",
            ".");
  }

  @Test
  void keepsAbbreviationsWholeAndDoesNotSplitSentencesAfterThem() {
    NewsTokenizer.Tokens tokens =
        NewsTokenizer.tokenize(
            "It urged more against the anti-U.S. groups. Attacks on U.S. troops rose.");
    assertThat(tokens.words()).contains("anti-U.S.", "U.S.");
    assertThat(tokens.sentenceStarts()).containsExactly(0, 8);
    assertThat(tokens.words()[8]).isEqualTo("Attacks");
  }

  @Test
  void offsetsPointIntoTheOriginalText() {
    String text = "\u201cWe will go,\u201d Trump said.";
    NewsTokenizer.Tokens tokens = NewsTokenizer.tokenize(text);
    int trump = Arrays.asList(tokens.words()).indexOf("Trump");
    assertThat(text.substring(tokens.starts()[trump], tokens.ends()[trump])).isEqualTo("Trump");
    assertThat(tokens.words()[0]).isEqualTo("\"");
  }

  @Test
  void ellipsisGluedBetweenWordsIsSplit() {
    NewsTokenizer.Tokens tokens =
        NewsTokenizer.tokenize("traders said....Cocoa Producers Alliance heard");
    assertThat(tokens.words())
        .containsExactly("traders", "said", "...", "Cocoa", "Producers", "Alliance", "heard");
  }

  @Test
  void lineBreaksEndSentences() {
    NewsTokenizer.Tokens tokens = NewsTokenizer.tokenize("First line\nSecond line");
    assertThat(tokens.sentenceStarts()).containsExactly(0, 2);
  }

  @Test
  void trailingPunctuationKeepsItsOrder() {
    NewsTokenizer.Tokens tokens = NewsTokenizer.tokenize("(said \u201cyes.\u201d) Then");
    assertThat(tokens.words()).containsExactly("(", "said", "\"", "yes", ".", "\"", ")", "Then");
  }

  @Test
  void longRunsOfPunctuationAndHugeWordsAreSplitInOneScan() {
    String periods = ".".repeat(300_000);
    String word = "x".repeat(300_000);
    NewsTokenizer.Tokens tokens =
        NewsTokenizer.tokenize("said" + ")".repeat(300_000) + " " + word + periods + " end");
    assertThat(tokens.words()).hasSize(1 + 300_000 + 1 + 100_000 + 1);
    assertThat(tokens.words()[300_001]).isEqualTo(word);
    assertThat(tokens.words()[300_002]).isEqualTo("...");
  }
}
