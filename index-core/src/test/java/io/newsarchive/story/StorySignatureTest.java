package io.newsarchive.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import org.junit.jupiter.api.Test;

class StorySignatureTest {

  @Test
  void aCopyWithSmallEditsIsAboveTheThreshold() {
    assertThat(StoryFixtures.signature("original").similarity(StoryFixtures.signature("copy")))
        .isGreaterThanOrEqualTo(StoryMatcher.THRESHOLD);
    assertThat(StoryFixtures.signature("original").similarity(StoryFixtures.signature("update")))
        .isGreaterThanOrEqualTo(StoryMatcher.THRESHOLD);
  }

  @Test
  void anArticleThatQuotesOneParagraphIsBelowTheThreshold() {
    double similarity =
        StoryFixtures.signature("original").similarity(StoryFixtures.signature("shared-paragraph"));
    assertThat(similarity).isGreaterThan(0).isLessThan(StoryMatcher.THRESHOLD);
  }

  @Test
  void aTextIsIdenticalToItselfAndSharesEveryBandKey() {
    StorySignature one = StoryFixtures.signature("original");
    StorySignature two = StoryFixtures.signature("original");
    assertThat(one.similarity(two)).isEqualTo(1.0);
    assertThat(one.bandKeys()).containsExactly(two.bandKeys()).hasSize(StorySignature.BANDS);
  }

  @Test
  void caseAndPunctuationDoNotChangeTheSignature() {
    Article article = StoryFixtures.article("original", "test");
    StorySignature shouted =
        StorySignature.of(article.title(), article.body().toUpperCase().replace(",", " ;"))
            .orElseThrow();
    assertThat(shouted.similarity(StoryFixtures.signature("original"))).isEqualTo(1.0);
  }

  @Test
  void aHeadlineOnlyItemHasNoSignature() {
    Article article = StoryFixtures.article("short", "test");
    assertThat(StorySignature.of(article.title(), article.body())).isEmpty();
  }

  @Test
  void bytesReadBackToTheSameSignature() {
    StorySignature signature = StoryFixtures.signature("update");
    byte[] bytes = signature.toBytes();
    StorySignature read = StorySignature.fromBytes(bytes, 0, bytes.length);
    assertThat(read.similarity(signature)).isEqualTo(1.0);
    assertThat(read.bandKeys()).containsExactly(signature.bandKeys());
  }
}
