package io.newsarchive.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The timeline on a touch screen, its scale and y-axis, and its reset button, in a real headless
 * Chromium over Reuters-21578.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineBrowserTest {

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
  void onATouchScreenTheTimelineScrollsThePageAndOnlyASidewaysDragFilters() {
    page.browser().emulateWidth(390);
    try {
      page.open("?q=oil");
      long total = page.summaryTotal();
      JavascriptExecutor js = (JavascriptExecutor) driver;
      js.executeScript(
          "document.querySelector('#timeline .timeline-plot').scrollIntoView({block: 'center'})");
      int y = ((Number) js.executeScript("return window.scrollY")).intValue();
      Rectangle plot = page.viewportRect("#timeline .timeline-plot");
      int centreX = plot.x + plot.width / 2;
      int centreY = plot.y + plot.height / 2;

      page.browser().swipe(centreX, centreY, 0, -150);
      page.waiting()
          .until(d -> ((Number) js.executeScript("return window.scrollY")).intValue() > y);
      page.awaitIdle();
      assertThat(page.params("from")).isEmpty();
      assertThat(page.params("to")).isEmpty();
      assertThat(page.summaryTotal()).isEqualTo(total);

      plot = page.viewportRect("#timeline .timeline-plot");
      page.browser().swipe(plot.x + plot.width / 2, plot.y + plot.height / 2, 0, 0);
      page.awaitIdle();
      assertThat(page.params("from")).as("a tap filters nothing").isEmpty();
      assertThat(page.summaryTotal()).isEqualTo(total);

      page.browser().swipe(plot.x + plot.width / 4, plot.y + plot.height / 2, plot.width / 2, 0);
      page.awaitIdle();
      assertThat(page.params("from")).as("a sideways drag filters").hasSize(1);
      assertThat(page.summaryTotal()).isLessThan(total);
    } finally {
      page.browser().resetWidth();
    }
  }

  @Test
  void theTimelineScaleFollowsTheCountsHasAnAxisAndTheDatesCanBeReset() {
    page.open("?q=oil&from=1987-03-01&to=1987-12-31");
    List<Long> counts =
        driver.findElements(By.cssSelector("#timeline rect.bucket")).stream()
            .map(b -> Long.parseLong(b.getAttribute("data-count")))
            .toList();
    List<Long> nonZero = counts.stream().filter(c -> c > 0).sorted().toList();
    boolean dominated =
        nonZero.size() > 1
            && nonZero.get(nonZero.size() - 1) > 20 * nonZero.get((nonZero.size() - 1) / 2);
    WebElement scale = driver.findElement(By.cssSelector("#timeline .timeline-scale"));
    assertThat(scale.getAttribute("aria-pressed")).isEqualTo(String.valueOf(dominated));
    List<String> ticks = page.texts("#timeline .timeline-yaxis span");
    assertThat(ticks).hasSizeGreaterThanOrEqualTo(2).startsWith("0");

    scale.click();
    assertThat(scale.getAttribute("aria-pressed")).isEqualTo(String.valueOf(!dominated));
    assertThat(page.texts("#timeline .timeline-yaxis span")).isNotEqualTo(ticks);

    WebElement reset = driver.findElement(By.cssSelector("#timeline .timeline-reset"));
    assertThat(reset.isDisplayed()).isTrue();
    reset.click();
    page.awaitIdle();
    assertThat(page.params("from")).isEmpty();
    assertThat(page.params("to")).isEmpty();
    assertThat(page.params("q")).containsExactly("oil");
    assertThat(driver.findElement(By.cssSelector("#timeline .timeline-reset")).isDisplayed())
        .isFalse();
  }

  @Test
  void aTimelineWithOnePeriodFarAboveTheRestIsLogarithmic() {
    // Reuters-21578 is 1987; the seed article alone is 2020.
    page.open("?q=oil%20OR%20iran");
    WebElement scale = driver.findElement(By.cssSelector("#timeline .timeline-scale"));
    assertThat(scale.getAttribute("aria-pressed")).isEqualTo("true");
    assertThat(page.texts("#timeline .timeline-yaxis span")).contains("0", "10", "100");
  }
}
