package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainSnippetTest {

  @Test
  void referencesBecomeCharactersAndMarksBecomeOffsets() {
    PlainSnippet plain =
        new Snippet("AT&amp;T &lt;b&gt; <mark>wins</mark> &#x27;big&#x27; &#x2F; &#39;", true)
            .plain();
    assertThat(plain.text()).isEqualTo("AT&T <b> wins 'big' / '");
    assertThat(plain.matches()).containsExactly(new PlainSnippet.Match(9, 13));
    assertThat(plain.text().substring(9, 13)).isEqualTo("wins");
  }

  @Test
  void offsetsCountUtf16CodeUnitsAsJavaScriptDoes() {
    // The emoji before the match is two UTF-16 code units.
    PlainSnippet plain = PlainSnippet.of("\uD83D\uDE00 <mark>caf\u00e9</mark> … <mark>x</mark>");
    assertThat(plain.matches())
        .containsExactly(new PlainSnippet.Match(3, 7), new PlainSnippet.Match(10, 11));
    assertThat(plain.text().substring(3, 7)).isEqualTo("caf\u00e9");
  }

  @Test
  void whatTheSearchMarksReadsBackToTheArticleText() {
    String text = "Tom & Jerry's \"cocoa\" <deal>";
    Snippet unmatched = Snippet.unmatched(text);
    assertThat(unmatched.plain()).isEqualTo(new PlainSnippet(text, List.of()));
  }

  @Test
  void aFragmentNotOfTheSnippetFormIsRefused() {
    assertThatThrownBy(() -> PlainSnippet.of("a </mark>"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PlainSnippet.of("a & b")).isInstanceOf(IllegalArgumentException.class);
  }
}
