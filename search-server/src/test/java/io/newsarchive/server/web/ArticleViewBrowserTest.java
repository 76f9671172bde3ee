package io.newsarchive.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Reading one article of a search: its words marked, the next and previous results, and a permalink
 * to copy, in a real headless Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleViewBrowserTest {

  private PageDriver page;
  private ChromeDriver driver;

  /** Starts the server and the browser once for the class (skips without Chromium or corpus). */
  @BeforeAll
  void start(@TempDir Path work) throws IOException {
    page = PageDriver.start(work);
    driver = page.driver();
  }

  @AfterAll
  void stop() throws IOException {
    if (page != null) {
      page.close();
    }
  }

  @Test
  void theArticleViewMarksTheSearchWordsAndLeadsToTheNextAndPreviousResults() {
    page.open("?q=cocoa%20exports");
    List<String> ids = page.hitIds();
    driver.findElement(By.cssSelector("#results .hit .hit-title")).click();
    page.awaitIdle();

    assertThat(page.texts("#article-body mark"))
        .isNotEmpty()
        .allSatisfy(mark -> assertThat(mark.toLowerCase()).containsAnyOf("cocoa", "export"));
    assertThat(driver.findElement(By.id("prev-result")).isDisplayed()).isFalse();
    WebElement next = driver.findElement(By.id("next-result"));
    assertThat(next.getText()).isEqualTo("Next result →");

    next.click();
    page.awaitIdle();
    assertThat(page.params("article")).containsExactly(ids.get(1));
    assertThat(page.focused().getAttribute("id")).isEqualTo("article-title");
    driver.findElement(By.id("prev-result")).click();
    page.awaitIdle();
    assertThat(page.params("article")).containsExactly(ids.get(0));

    driver.findElement(By.id("back-to-results")).click();
    page.awaitIdle();
    assertThat(page.params("article")).isEmpty();
    assertThat(page.hitIds()).isEqualTo(ids);
  }

  @Test
  void copyLinkPutsThePermalinkOnTheClipboardOrInAFieldToCopy() {
    page.open("?q=cocoa&article=" + firstHitId());
    String url = driver.getCurrentUrl();
    driver.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of(
            "origin",
            page.baseUrl().replaceFirst("/$", ""),
            "permissions",
            List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    driver.findElement(By.id("copy-link")).click();
    page.waiting().until(d -> !d.findElement(By.id("copy-link-status")).getText().isEmpty());
    assertThat(driver.findElement(By.id("copy-link-status")).getText()).isEqualTo("Link copied.");
    assertThat(
            driver.executeAsyncScript(
                "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('' + e))"))
        .isEqualTo(url);

    // Without the Clipboard API the link is selected in a field, to copy by hand.
    page.script(
        "Object.defineProperty(Navigator.prototype, 'clipboard',"
            + " {get: () => undefined, configurable: true})");
    driver.findElement(By.id("copy-link")).click();
    WebElement field = driver.findElement(By.id("copy-link-field"));
    page.waiting().until(d -> field.isDisplayed());
    assertThat(field.getAttribute("value")).isEqualTo(url);
    assertThat(driver.switchTo().activeElement()).isEqualTo(field);
  }

  /** The id of the first result for cocoa. */
  private String firstHitId() {
    page.open("?q=cocoa");
    return page.hitIds().get(0);
  }
}
