package io.newsarchive.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * What the page says before and around a search: the start view, the order in force and the
 * spelling offered, in a real headless Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartViewBrowserTest {

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
  void theStartViewOffersThisArchivesNamesStoriesTopicsAndSyntax() throws IOException {
    page.open("");
    page.browser().screenshot(PageDriver.SCREENSHOTS.resolve("start.png"));
    WebElement start = driver.findElement(By.id("start"));
    assertThat(start.isDisplayed()).isTrue();
    String text = start.getText();
    assertThat(text)
        .contains("Most mentioned", "Newest stories", "\"oil prices\"~5", "goverment~", "export*")
        .contains("person:", "org:", "place:", "topic:", "Topics here");
    assertThat(page.texts("#start .start-topics a")).contains("earn", "acq", "crude");
    List<String> hits = page.hitIds();

    start.findElement(By.linkText("crude")).click();
    page.awaitIdle();
    assertThat(page.params("q")).containsExactly("topic:crude");
    assertThat(start.isDisplayed()).isFalse();
    assertThat(page.summaryTotal()).isPositive();

    page.open("");
    start = driver.findElement(By.id("start"));
    start.findElements(By.cssSelector(".start-list a")).stream()
        .filter(a -> a.getAttribute("href").contains("article="))
        .findFirst()
        .orElseThrow()
        .click();
    page.awaitIdle();
    assertThat(page.params("article")).containsExactly(hits.get(0));
  }

  @Test
  void theSortBoxShowsTheOrderInForce() {
    page.open("");
    Select sort = new Select(driver.findElement(By.id("sort")));
    assertThat(sort.getFirstSelectedOption().getText()).isEqualTo("Newest first");
    List<Instant> dates =
        driver.findElements(By.cssSelector("#results .hit time")).stream()
            .map(time -> Instant.parse(time.getAttribute("datetime")))
            .toList();
    assertThat(dates).hasSizeGreaterThan(1).isSortedAccordingTo(Comparator.reverseOrder());

    page.open("?q=cocoa");
    assertThat(new Select(driver.findElement(By.id("sort"))).getFirstSelectedOption().getText())
        .isEqualTo("Relevance");
  }

  @Test
  void aRareMisspellingWithHitsOffersTheCommonSpelling() {
    page.open("?q=goverment");
    assertThat(page.summaryTotal()).isPositive();
    WebElement notes = driver.findElement(By.id("zero-hits"));
    assertThat(notes.getText()).contains("Did you mean government?");

    notes.findElement(By.cssSelector("a.did-you-mean")).click();
    page.awaitIdle();
    assertThat(page.params("q")).containsExactly("government");
  }
}
