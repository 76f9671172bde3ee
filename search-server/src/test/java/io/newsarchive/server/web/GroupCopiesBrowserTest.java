package io.newsarchive.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The "Group copies" box of the search page, in headless Chromium over Reuters-21578, whose Fed
 * "customer repurchase" items repeat one text. Skips when Chromium or the corpus is absent (fails
 * with {@code CI=true}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupCopiesBrowserTest {

  private static final String QUERY = "?q=%22customer+repurchase%22";

  private ArchiveUnderTest archive;
  private BrowserSession browser;
  private WebDriver driver;
  private WebDriverWait wait;

  @BeforeAll
  void start(@TempDir Path work) throws IOException {
    BrowserSession.requireInstalled();
    archive = ArchiveUnderTest.start(work.resolve("index"));
    browser = BrowserSession.start(work);
    driver = browser.driver();
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
    if (archive != null) {
      archive.close();
    }
  }

  @Test
  void groupingCopiesShowsHowManyCopiesAHitStandsFor() {
    driver.get(archive.baseUrl() + QUERY);
    awaitIdle();
    WebElement box = driver.findElement(By.id("group-copies"));
    assertThat(box.isSelected()).isFalse();
    assertThat(driver.findElements(By.cssSelector("#results .copies"))).isEmpty();

    box.click();
    awaitIdle();

    assertThat(driver.getCurrentUrl()).contains("collapse=story");
    assertThat(driver.findElement(By.id("group-copies")).isSelected()).isTrue();
    List<WebElement> copies = driver.findElements(By.cssSelector("#results .copies"));
    assertThat(copies)
        .isNotEmpty()
        .allSatisfy(note -> assertThat(note.getText()).matches("\\d+ copies"));
    assertThat(copies.get(0).getAttribute("title")).startsWith("From reuters");
    assertThat(driver.findElement(By.id("summary")).getText()).containsPattern("\\d+ stories\\.");

    driver.findElement(By.id("group-copies")).click();
    awaitIdle();
    assertThat(driver.getCurrentUrl()).doesNotContain("collapse");
    assertThat(driver.findElements(By.cssSelector("#results .copies"))).isEmpty();
  }

  /** Waits until the page has finished the update that the last action started. */
  private void awaitIdle() {
    wait.until(d ->
        Boolean.TRUE.equals(
            ((JavascriptExecutor) d)
                .executeScript(
                    "return document.readyState === 'complete'"
                        + " && document.getElementById('results-view')"
                        + ".getAttribute('aria-busy') === 'false'")));
  }
}
