package io.newsarchive.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;

/**
 * A Persian article beside the English ones, in a real headless Chromium: its headline, snippet,
 * text and source run right to left, and the English ones still left to right.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RightToLeftBrowserTest {

  private static final String SOURCE = "روزنامه تهران";
  private static final String TITLE = "افزایش قیمت نفت در بازارهای جهانی";

  private PageDriver page;

  /** Starts the server and the browser once for the class (skips without Chromium or corpus). */
  @BeforeAll
  void start(@TempDir Path work) throws IOException {
    Article persian =
        Article.builder()
            .source(SOURCE)
            .sourceId("fa-1")
            .title(TITLE)
            .body(
                "قیمت نفت خام روز دوشنبه در بازارهای جهانی افزایش یافت. کارشناسان می‌گویند کاهش"
                    + " تولید کشورهای عضو اوپک باعث این افزایش شده است.")
            .published(Instant.parse("1987-06-02T08:00:00Z"), "2 June 1987")
            .language("fa")
            .build();
    page = PageDriver.start(work, List.of(persian));
  }

  @AfterAll
  void stop() throws IOException {
    if (page != null) {
      page.close();
    }
  }

  private String direction(WebElement element) {
    return (String) page.script("return getComputedStyle(arguments[0]).direction", element);
  }

  @Test
  void aPersianHeadlineSnippetTextAndSourceRunRightToLeft() {
    page.open("?lang=fa&q=" + URLEncoder.encode("بازارها", StandardCharsets.UTF_8));

    assertThat(page.texts("#results .hit .hit-title")).containsExactly(TITLE);
    assertThat(direction(page.find("#results .hit .hit-title"))).isEqualTo("rtl");
    assertThat(direction(page.find("#results .hit .snippet"))).isEqualTo("rtl");
    assertThat(page.texts("#results .hit .snippet mark")).contains("بازارهای");
    WebElement source =
        page.findAll(".facet-value[data-filter='source'] .facet-name").stream()
            .filter(name -> name.getText().equals(SOURCE))
            .findFirst()
            .orElseThrow();
    assertThat(direction(source)).isEqualTo("rtl");

    page.find("#results .hit .hit-title").click();
    page.awaitIdle();
    assertThat(direction(page.find("#article-title"))).isEqualTo("rtl");
    assertThat(direction(page.find("#article-body p"))).isEqualTo("rtl");
    assertThat(page.find("#article-entities").getText())
        .contains("Names are tagged in English articles only.");
  }

  @Test
  void englishHeadlinesStillRunLeftToRight() {
    page.open("?q=cocoa");

    assertThat(direction(page.find("#results .hit .hit-title"))).isEqualTo("ltr");
    assertThat(direction(page.find("#results .hit .snippet"))).isEqualTo("ltr");
  }
}
