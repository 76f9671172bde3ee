package io.newsarchive.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Drives the page's research panels (what is unusual in the results, editors' codes, excluding a
 * facet value) in headless Chromium against the real server over Reuters-21578. Skips when Chromium
 * or the corpus is absent (fails with {@code CI=true}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResearchPanelsBrowserTest {

  private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d[\\d,]*)");

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
  void theUnusualTermsLoadWhenOpenedAndAWordJoinsTheQuery() {
    openPage("?q=cocoa");
    WebElement panel = driver.findElement(By.id("unusual"));
    assertThat(panel.isDisplayed()).isTrue();
    assertThat(panel.getDomAttribute("open")).isNull();
    assertThat(driver.findElements(By.cssSelector("#unusual .unusual-term"))).isEmpty();

    panel.findElement(By.tagName("summary")).click();
    wait.until(
        d -> !d.findElements(By.cssSelector("#unusual [data-list=terms] .unusual-term")).isEmpty());
    List<String> words = terms("terms");
    assertThat(words).contains("icco", "buffer").doesNotContain("the", "said");
    assertThat(terms("org")).contains("International Cocoa Organization");

    term("terms", "icco").click();
    awaitIdle();
    assertThat(currentParams("q")).containsExactly("cocoa icco");
    // Still open, it describes the new results.
    wait.until(d -> "false".equals(d.findElement(By.id("unusual")).getDomAttribute("aria-busy")));
    assertThat(terms("terms")).isNotEmpty();

    term("org", "International Cocoa Organization").click();
    awaitIdle();
    assertThat(currentParams("org")).containsExactly("International Cocoa Organization");
  }

  @Test
  void anUnusualPhraseJoinsTheQueryInQuotes() {
    openPage("?q=cocoa");
    driver.findElement(By.cssSelector("#unusual summary")).click();
    wait.until(d ->
        !d.findElements(By.cssSelector("#unusual [data-list=phrases] .unusual-term")).isEmpty());
    assertThat(terms("phrases")).contains("buffer stock").allMatch(phrase -> phrase.contains(" "));

    term("phrases", "buffer stock").click();
    awaitIdle();
    assertThat(currentParams("q")).containsExactly("cocoa \"buffer stock\"");
    assertThat(driver.findElement(By.cssSelector("#results .hit")).isDisplayed()).isTrue();
  }

  @Test
  void editorsCodesAreFacetsAndTheArticlesCodesAreFilterLinks() {
    openPage("?q=cocoa");
    WebElement topics = driver.findElement(By.cssSelector(".facet[data-facet=topic]"));
    assertThat(topics.isDisplayed()).isTrue();
    WebElement cocoa =
        topics.findElements(By.cssSelector(".facet-value")).stream()
            .filter(button -> "cocoa".equals(button.getDomAttribute("data-value")))
            .findFirst()
            .orElseThrow();
    cocoa.click();
    awaitIdle();
    assertThat(currentParams("topic")).containsExactly("cocoa");
    assertThat(driver.findElement(By.cssSelector(".chip-topic")).getText()).contains("cocoa");

    driver.findElement(By.cssSelector("#results .hit .hit-title")).click();
    awaitIdle();
    wait.until(d -> !d.findElements(By.cssSelector("#article-codes .code-link")).isEmpty());
    WebElement code =
        driver.findElements(By.cssSelector("#article-codes .code-link")).stream()
            .filter(link -> "placeCode".equals(link.getDomAttribute("data-filter")))
            .findFirst()
            .orElseThrow();
    String place = code.getText();
    code.click();
    awaitIdle();
    assertThat(currentParams("placeCode")).containsExactly(place);
    assertThat(currentParams("q")).isEmpty();
  }

  @Test
  void aFacetValueIsLeftOutAndMoreValuesOfOneFacetAreShown() throws IOException {
    openPage("?q=oil");
    long before = summaryTotal();
    WebElement first = driver.findElement(By.cssSelector(".facet[data-facet=place] .facet-value"));
    String place = first.getDomAttribute("data-value");
    long count =
        Long.parseLong(first.findElement(By.cssSelector(".count")).getText().replace(",", ""));
    driver.findElement(By.cssSelector(".facet[data-facet=place] .facet-exclude")).click();
    awaitIdle();

    assertThat(currentParams("notPlace")).containsExactly(place);
    assertThat(currentParams("place")).isEmpty();
    WebElement chip = driver.findElement(By.cssSelector("#active-filters .chip-excluded"));
    assertThat(chip.getText()).contains(place);
    assertThat(chip.findElement(By.tagName("span")).getCssValue("text-decoration"))
        .contains("line-through");
    assertThat(summaryTotal()).isEqualTo(before - count);

    int shown = driver.findElements(By.cssSelector(".facet[data-facet=place] .facet-value")).size();
    assertThat(shown).isEqualTo(10);
    driver.findElement(By.cssSelector(".facet[data-facet=place] .facet-more")).click();
    wait.until(d ->
        d.findElements(By.cssSelector(".facet[data-facet=place] .facet-value")).size() > shown);
    assertThat(values(By.cssSelector(".facet[data-facet=place] .facet-value")))
        .doesNotContain(place);
    assertThat(driver.findElements(By.cssSelector(".facet[data-facet=person] .facet-value")))
        .hasSize(10);
    browser.screenshot(Path.of("target", "screenshots", "excluded-value.png"));

    chip.click();
    awaitIdle();
    assertThat(currentParams("notPlace")).isEmpty();
    assertThat(summaryTotal()).isEqualTo(before);
  }

  private long summaryTotal() {
    Matcher m = FIRST_NUMBER.matcher(driver.findElement(By.id("summary")).getText());
    assertThat(m.find()).isTrue();
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  private List<String> values(By by) {
    return driver.findElements(by).stream().map(e -> e.getDomAttribute("data-value")).toList();
  }

  private List<String> terms(String list) {
    return driver
        .findElements(By.cssSelector("#unusual [data-list=" + list + "] .unusual-term"))
        .stream()
        .map(button -> button.getDomAttribute("data-term"))
        .toList();
  }

  private WebElement term(String list, String value) {
    return driver
        .findElements(By.cssSelector("#unusual [data-list=" + list + "] .unusual-term"))
        .stream()
        .filter(button -> value.equals(button.getDomAttribute("data-term")))
        .findFirst()
        .orElseThrow();
  }

  private void openPage(String query) {
    driver.get(archive.baseUrl() + query);
    awaitIdle();
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

  private List<String> currentParams(String name) {
    String query = URI.create(driver.getCurrentUrl()).getRawQuery();
    List<String> values = new ArrayList<>();
    if (query == null) {
      return values;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        values.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return values;
  }
}
