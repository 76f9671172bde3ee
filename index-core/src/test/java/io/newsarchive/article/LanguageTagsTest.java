package io.newsarchive.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTagsTest {

  @Test
  void regionsScriptsAndCaseAreDropped() {
    assertThat(LanguageTags.normalize("en-US")).isEqualTo("en");
    assertThat(LanguageTags.normalize("en_GB")).isEqualTo("en");
    assertThat(LanguageTags.normalize("EN")).isEqualTo("en");
    assertThat(LanguageTags.normalize("fa-IR")).isEqualTo("fa");
    assertThat(LanguageTags.normalize("zh-Hant-TW")).isEqualTo("zh");
  }

  @Test
  void threeLetterCodesAndEnglishNamesBecomeTwoLetterCodes() {
    assertThat(LanguageTags.normalize("eng")).isEqualTo("en");
    assertThat(LanguageTags.normalize("fas")).isEqualTo("fa");
    assertThat(LanguageTags.normalize("per")).isEqualTo("fa");
    assertThat(LanguageTags.normalize("ger")).isEqualTo("de");
    assertThat(LanguageTags.normalize("ara")).isEqualTo("ar");
    assertThat(LanguageTags.normalize("English")).isEqualTo("en");
    assertThat(LanguageTags.normalize("Persian")).isEqualTo("fa");
    assertThat(LanguageTags.normalize("Farsi")).isEqualTo("fa");
  }

  @Test
  void anUnknownTagKeepsItsPrimarySubtagAndEmptyStaysEmpty() {
    assertThat(LanguageTags.normalize("xq-YY")).isEqualTo("xq");
    assertThat(LanguageTags.normalize("")).isEmpty();
    assertThat(Article.builder().source("s").title("t").language(" en-US ").build().language())
        .isEqualTo("en");
  }
}
