package io.newsarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

  @Test
  void leavesPlainTextAlone() {
    assertThat(HtmlText.toText("Prices < 5p\nand rising")).isEqualTo("Prices < 5p\nand rising");
  }

  @Test
  void keepsParagraphsAndListItemsAsLines() {
    assertThat(HtmlText.toText("<p>One <i>two</i></p><ul><li>three</li><li>four</li></ul>five"))
        .isEqualTo("One two\nthree\nfour\nfive");
  }

  @Test
  void decodesEntitiesInTextWithoutTags() {
    assertThat(HtmlText.toText("Health &amp; Medicine &#8211; news"))
        .isEqualTo("Health & Medicine – news");
  }

  @Test
  void cleansMarkupThatWasEscapedTwice() {
    assertThat(HtmlText.toText("The post &lt;strong&gt;Big news&lt;/strong&gt; appeared"))
        .isEqualTo("The post Big news appeared");
    assertThat(HtmlText.toText("Health &amp;amp; Medicine")).isEqualTo("Health & Medicine");
  }

  @Test
  void oneLineJoinsLinesWithSpaces() {
    assertThat(HtmlText.oneLine("<p>Head</p><p>line</p>")).isEqualTo("Head line");
    assertThat(HtmlText.oneLine("  Head\u00a0 line\t ")).isEqualTo("Head line");
    assertThat(HtmlText.oneLine("Already clean")).isEqualTo("Already clean");
  }
}
