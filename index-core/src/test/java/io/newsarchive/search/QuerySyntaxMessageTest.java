package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** The sentences a query that does not parse is refused with. */
class QuerySyntaxMessageTest {

  private final ArticleQueryParser parser = new ArticleQueryParser();

  private String detail(String q) {
    InvalidRequestException e =
        catchThrowableOfType(
            InvalidRequestException.class, () -> parser.textQuery(q, MinimumMatch.ALL));
    assertThat(e).as(q).isNotNull();
    assertThat(e.param()).contains("q");
    assertThat(e.detail())
        .as(q)
        .doesNotContain("Lexical")
        .doesNotContain("lexical state")
        .doesNotContain("Encountered")
        .doesNotContain("<EOF>")
        .doesNotContain("Cannot parse")
        .endsWith(".");
    return e.detail();
  }

  @Test
  void anUnmatchedQuoteIsNamedWithItsColumn() {
    assertThat(detail("cocoa \"exports"))
        .startsWith("The query has an unmatched quote at column 7: close it or remove it");
  }

  @Test
  void unbalancedParenthesesAreNamedWithTheirColumn() {
    assertThat(detail("cocoa AND (oil")).contains("'(' at column 11 that is never closed");
    assertThat(detail("cocoa) AND oil")).contains("')' without its '(' at column 6");
  }

  @Test
  void anOperatorWithoutItsWordsSaysWhatToAdd() {
    assertThat(detail("cocoa AND"))
        .isEqualTo(
            "The query ends with 'AND', which needs a word after it: add one or remove 'AND'.");
    assertThat(detail("cocoa AND OR oil"))
        .startsWith("The query has 'OR' at column 11 where a word");
  }

  @Test
  void aStrayEscapeIsExplained() {
    assertThat(detail("cocoa\\")).contains("'\\', which escapes nothing");
  }
}
