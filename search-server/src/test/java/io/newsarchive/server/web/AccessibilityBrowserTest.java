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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * What the page offers a keyboard or screen-reader user and a reader in dark mode: few tab stops,
 * focus that follows a change, shortcuts, and text contrast, in a real headless Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTest {

  /**
   * Measures the WCAG contrast of every visible text element's colour against the background it
   * sits on; answers {dark, checked: [...], low: [...]}.
   */
  private static final String CONTRAST_SCRIPT =
      """
      const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
        .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
      const background = (el) => { for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || c[3] > 0.5) return c; } return [255, 255, 255]; };
      const checked = [], low = [];
      const selector = 'body, .brand a, label, .search-row button, .syntax-help summary, .stats,'
        + ' .facet h3, .facet-name, .count, .summary, .hit-title, .meta, .snippet, mark,'
        + ' .chip, .timeline .hint, .timeline-yaxis span, .link-button, legend';
      for (const el of document.querySelectorAll(selector)) {
        if (!el.getClientRects().length || !el.textContent.trim()) continue;
        const fg = lum(rgb(getComputedStyle(el).color)), bg = lum(background(el));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        const name = el.tagName.toLowerCase() + '.' + el.className + ' ' + ratio.toFixed(2);
        checked.push(name);
        if (ratio < 4.5) low.push(name);
      }
      return { dark: lum(background(document.body)) < 0.1, checked, low };
      """;

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
  void aFacetClickedFarDownShowsTheNewCountAndChipAndMarksTheFiltersBusy() {
    page.browser().emulateWidth(390);
    try {
      page.open("?q=oil");
      driver.findElement(By.id("filters-toggle")).click();
      // On a phone the filters come before the results: a facet high up leaves them far below.
      WebElement facet =
          driver.findElement(By.cssSelector(".facet[data-facet=place] .facet-value"));
      String place = facet.getAttribute("data-value");
      JavascriptExecutor js = (JavascriptExecutor) driver;
      js.executeScript("arguments[0].scrollIntoView({block: 'center'})", facet);
      assertThat(page.inViewport(driver.findElement(By.id("summary")))).isFalse();
      js.executeScript(
          "window.busySeen = [];"
              + " new MutationObserver(() => window.busySeen.push("
              + "document.getElementById('filters').getAttribute('aria-busy')))"
              + ".observe(document.getElementById('filters'), {attributes: true});");

      facet.click();
      page.awaitIdle();

      assertThat(page.params("place")).containsExactly(place);
      WebElement chip = driver.findElement(By.cssSelector("#active-filters .chip-place"));
      assertThat(page.inViewport(chip)).as("the new chip is in view").isTrue();
      assertThat(page.inViewport(driver.findElement(By.id("summary")))).as("the count").isTrue();
      assertThat(driver.switchTo().activeElement()).isEqualTo(chip);
      assertThat(js.executeScript("return window.busySeen"))
          .asList()
          .containsSubsequence("true", "false");
    } finally {
      page.browser().resetWidth();
    }
  }

  @Test
  void fewTabPressesReachTheFirstResultAndEachResultIsOneStop() {
    page.open("?q=oil");
    int fromLoad = page.tabsUntil(".hit-title", 0);
    int between = 0;
    for (int i = 1; i < 10; i++) {
      between = Math.max(between, page.tabsUntil(".hit-title", i));
    }
    page.open("?q=oil");
    new Actions(driver).sendKeys(Keys.TAB).perform();
    assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Skip to results");
    new Actions(driver).sendKeys(Keys.ENTER).perform();
    int afterSkip = page.tabsUntil(".hit-title", 0);
    System.out.printf(
        "Tab presses: page load to first result %d, most between two results %d,"
            + " after the skip link %d%n",
        fromLoad, between, afterSkip);

    // The skip link, the header, the date fields (three stops each), sort, one stop per facet
    // (ten of them), the panel of unusual terms and the timeline.
    assertThat(fromLoad).isLessThanOrEqualTo(30);
    assertThat(between).isEqualTo(1);
    assertThat(afterSkip).isLessThanOrEqualTo(4);

    // The right arrow enters a result's entity chips, the left arrow leads back to its title.
    WebElement title = driver.findElements(By.cssSelector("#results .hit-title")).get(9);
    page.script("arguments[0].focus()", title);
    List<WebElement> chips =
        driver
            .findElements(By.cssSelector("#results .hit"))
            .get(9)
            .findElements(By.cssSelector(".chip"));
    assertThat(chips).hasSizeGreaterThan(1);
    new Actions(driver).sendKeys(Keys.ARROW_RIGHT).perform();
    assertThat(driver.switchTo().activeElement()).isEqualTo(chips.get(0));
    new Actions(driver).sendKeys(Keys.ARROW_RIGHT).perform();
    assertThat(driver.switchTo().activeElement()).isEqualTo(chips.get(1));
    new Actions(driver).sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT).perform();
    assertThat(driver.switchTo().activeElement()).isEqualTo(title);
  }

  @Test
  void slashGoesToTheSearchBoxAndJAndKMoveBetweenResults() {
    page.open("?q=cocoa");
    List<WebElement> titles = driver.findElements(By.cssSelector("#results .hit-title"));
    Actions keys = new Actions(driver);

    keys.sendKeys("j").perform();
    assertThat(driver.switchTo().activeElement()).isEqualTo(titles.get(0));
    keys.sendKeys("j", "j").perform();
    assertThat(driver.switchTo().activeElement()).isEqualTo(titles.get(2));
    keys.sendKeys("k").perform();
    assertThat(driver.switchTo().activeElement()).isEqualTo(titles.get(1));

    keys.sendKeys("/").perform();
    WebElement box = driver.findElement(By.id("q"));
    assertThat(driver.switchTo().activeElement()).isEqualTo(box);
    // While typing, the keys are text.
    keys.sendKeys(Keys.END, " j/k").perform();
    assertThat(box.getAttribute("value")).isEqualTo("cocoa j/k");
    assertThat(driver.switchTo().activeElement()).isEqualTo(box);
  }

  @Test
  void bothColourSchemesKeepTextContrastAboveFourAndAHalf() throws IOException {
    for (String scheme : List.of("dark", "light")) {
      page.browser().emulateColorScheme(scheme);
      page.open("?q=cocoa&from=1987-01-01");
      @SuppressWarnings("unchecked")
      Map<String, Object> report = (Map<String, Object>) page.script(CONTRAST_SCRIPT);
      assertThat((Boolean) report.get("dark")).as(scheme).isEqualTo(scheme.equals("dark"));
      assertThat((List<?>) report.get("checked")).as(scheme).hasSizeGreaterThan(8);
      assertThat((List<?>) report.get("low")).as(scheme + ": text below 4.5:1").isEmpty();
      if (scheme.equals("dark")) {
        page.browser().screenshot(PageDriver.SCREENSHOTS.resolve("search-results-dark.png"));
      }
    }
  }
}
