package io.newsarchive.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the search page in a real headless Chromium against the real server and an index built
 * from the seed article and Reuters-21578. Skips when Chromium or the corpus is absent (fails with
 * {@code CI=true}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchPageBrowserTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d[\\d,]*)");

  private ArchiveUnderTest archive;
  private BrowserSession browser;
  private WebDriver driver;
  private WebDriverWait wait;

  /**
   * Starts the browser and the server once for the class. When Chromium or the corpus is missing
   * this skips every test (or, with {@code CI=true}, fails them) with a message saying what.
   */
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
  void typingAQueryShowsHighlightedResults() throws IOException {
    openPage("");
    WebElement box = driver.findElement(By.id("q"));
    assertThat(driver.findElement(By.cssSelector("label[for=q]")).getText())
        .isEqualTo("Search articles");

    box.sendKeys("cocoa", Keys.ENTER);
    awaitIdle();

    assertThat(currentParams("q")).containsExactly("cocoa");
    List<WebElement> hits = driver.findElements(By.cssSelector("#results .hit"));
    assertThat(hits).hasSize(10);
    assertThat(driver.findElements(By.cssSelector("#results .hit mark")))
        .isNotEmpty()
        .allSatisfy(mark -> assertThat(mark.getText()).containsIgnoringCase("cocoa"));
    WebElement first = hits.get(0);
    assertThat(first.findElement(By.cssSelector(".source")).getText()).isEqualTo("reuters");
    assertThat(first.findElement(By.cssSelector("time")).getText()).contains("1987");
    assertThat(summaryText()).contains("for “cocoa”").contains("showing 1–10");
    assertThat(summaryTotal()).isGreaterThan(10);
    assertThat(driver.findElement(By.id("timeline")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("pager")).isDisplayed()).isTrue();

    browser.screenshot(SCREENSHOTS.resolve("search-results.png"));
  }

  @Test
  void exportAndFeedLinksCarryTheCurrentSearch() throws Exception {
    openPage("?q=cocoa&sort=oldest&page=2");
    String csv = driver.findElement(By.id("export-csv")).getAttribute("href");
    String jsonl = driver.findElement(By.id("export-jsonl")).getAttribute("href");
    String feed = driver.findElement(By.id("feed-link")).getAttribute("href");
    assertThat(csv)
        .startsWith(archive.baseUrl() + "api/export?")
        .contains("q=cocoa", "sort=oldest", "format=csv")
        .doesNotContain("page=", "size=", "facets=");
    assertThat(jsonl).contains("q=cocoa", "format=jsonl");
    assertThat(feed)
        .startsWith(archive.baseUrl() + "api/feed?")
        .contains("q=cocoa")
        .doesNotContain("sort=", "page=");
    assertThat(
            driver
                .findElement(By.cssSelector("link[rel=alternate][type='application/atom+xml']"))
                .getAttribute("href"))
        .isEqualTo(feed);
    // The links work: the server takes exactly what the page puts in them.
    for (String link : List.of(csv, jsonl, feed)) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(HttpRequest.newBuilder(URI.create(link)).build(), BodyHandlers.ofString());
      assertThat(response.statusCode()).as(link).isEqualTo(200);
    }
  }

  @Test
  void nextPageFollowsTheCursorAndBackReturns() {
    openPage("?q=oil");
    List<String> firstPage = hitIds();
    driver.findElement(By.id("next-page")).click();
    awaitIdle();

    assertThat(currentParams("page")).containsExactly("2");
    assertThat(currentParams("cursor")).hasSize(1);
    assertThat(hitIds()).hasSize(10).doesNotContainAnyElementsOf(firstPage);
    assertThat(summaryText()).contains("showing 11–20");
    assertThat(focusedId()).isEqualTo("results-heading");

    driver.navigate().back();
    awaitIdle();
    assertThat(hitIds()).isEqualTo(firstPage);
  }

  @Test
  void addingAnEntityFacetNarrowsResultsAndChangesTheUrl() {
    openPage("?q=oil");
    long before = summaryTotal();
    WebElement facet = driver.findElement(By.cssSelector(".facet[data-facet=place] .facet-value"));
    String place = facet.getAttribute("data-value");
    long count = parseNumber(facet.findElement(By.cssSelector(".count")).getText());
    assertThat(count).isBetween(1L, before);

    facet.click();
    awaitIdle();

    assertThat(currentParams("place")).containsExactly(place);
    assertThat(currentParams("q")).containsExactly("oil");
    assertThat(summaryTotal()).isEqualTo(count);
    WebElement chip = driver.findElement(By.cssSelector("#active-filters .chip-place"));
    assertThat(chip.getAttribute("aria-label")).isEqualTo("Remove filter Place: " + place);
    assertThat(facetButton("place", place).getAttribute("aria-pressed")).isEqualTo("true");
    assertThat(focusedDataValue()).isEqualTo(place);
    assertThat(driver.switchTo().activeElement())
        .as("focus on the new filter's chip")
        .isEqualTo(chip);

    driver.navigate().back();
    awaitIdle();
    assertThat(currentParams("place")).isEmpty();
    assertThat(summaryTotal()).isEqualTo(before);

    driver.navigate().forward();
    awaitIdle();
    assertThat(currentParams("place")).containsExactly(place);
    assertThat(summaryTotal()).isEqualTo(count);

    driver.findElement(By.cssSelector("#active-filters .chip-place")).click();
    awaitIdle();
    assertThat(currentParams("place")).isEmpty();
    assertThat(summaryTotal()).isEqualTo(before);
    assertThat(driver.findElements(By.cssSelector("#active-filters .chip"))).isEmpty();
  }

  @Test
  void openingAnArticleShowsItsEntitiesAndRelatedArticles() {
    openPage("?q=Pompeo");
    WebElement title = driver.findElement(By.cssSelector("#results .hit .hit-title"));
    assertThat(title.getText()).contains("Pompeo Threatens");
    title.click();
    awaitIdle();

    assertThat(currentParams("article")).containsExactly("kayhan.ir-83245");
    WebElement heading = driver.findElement(By.id("article-title"));
    assertThat(heading.getText())
        .isEqualTo("Pompeo Threatens to ‘Liquidate’ Iraq’s Anti-Terror Groups");
    assertThat(focusedId()).isEqualTo("article-title");
    assertThat(driver.findElement(By.id("results-view")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("article-meta")).getText())
        .contains("kayhan.ir")
        .contains("2020");
    assertThat(driver.findElements(By.cssSelector("#article-body p")).size()).isGreaterThan(10);
    assertThat(texts(By.cssSelector("#article-entities .chip")))
        .anySatisfy(name -> assertThat(name).contains("Pompeo"))
        .anySatisfy(name -> assertThat(name).contains("Iraq"));

    List<WebElement> related = driver.findElements(By.cssSelector("#related a"));
    assertThat(related).isNotEmpty();
    String relatedTitle = related.get(0).getText();
    related.get(0).click();
    awaitIdle();
    assertThat(currentParams("article")).doesNotContain("kayhan.ir-83245").hasSize(1);
    assertThat(driver.findElement(By.id("article-title")).getText()).isEqualTo(relatedTitle);

    driver.navigate().back();
    awaitIdle();
    assertThat(driver.findElement(By.id("article-title")).getText()).contains("Pompeo Threatens");
    driver.findElement(By.id("back-to-results")).click();
    awaitIdle();
    assertThat(currentParams("article")).isEmpty();
    assertThat(driver.findElement(By.id("results-view")).isDisplayed()).isTrue();
    assertThat(currentParams("q")).containsExactly("Pompeo");
    assertThat(driver.switchTo().activeElement().getAttribute("href"))
        .as("focus returns to the link of the article just read")
        .contains("article=kayhan.ir-83245");
  }

  @Test
  void draggingAcrossTheTimelineFiltersByThoseDates() {
    openPage("?q=oil&source=reuters");
    List<WebElement> buckets = driver.findElements(By.cssSelector("#timeline rect.bucket"));
    int n = buckets.size();
    assertThat(n).isGreaterThan(3);
    List<Long> counts = new ArrayList<>();
    List<String> starts = new ArrayList<>();
    for (WebElement bucket : buckets) {
      counts.add(Long.parseLong(bucket.getAttribute("data-count")));
      starts.add(bucket.getAttribute("data-start"));
    }
    int lo = n / 4;
    int hi = n / 2;
    WebElement plot = driver.findElement(By.cssSelector("#timeline .timeline-plot"));
    int width = plot.getRect().getWidth();
    int xLo = bucketCentre(lo, n, width);
    int xHi = bucketCentre(hi, n, width);
    new Actions(driver)
        .moveToElement(plot, xLo, 0)
        .clickAndHold()
        .moveByOffset((xHi - xLo) / 2, 0)
        .moveByOffset(xHi - xLo - (xHi - xLo) / 2, 0)
        .release()
        .perform();
    awaitIdle();

    long expected = counts.subList(lo, hi + 1).stream().mapToLong(Long::longValue).sum();
    assertThat(expected).isPositive();
    String from = LocalDate.ofInstant(Instant.parse(starts.get(lo)), ZoneOffset.UTC).toString();
    assertThat(currentParams("from")).containsExactly(from);
    assertThat(currentParams("to")).hasSize(1);
    LocalDate to = LocalDate.parse(currentParams("to").get(0));
    assertThat(driver.findElement(By.id("from")).getAttribute("value")).isEqualTo(from);
    assertThat(driver.findElement(By.id("to")).getAttribute("value")).isEqualTo(to.toString());
    assertThat(summaryTotal()).isEqualTo(expected);
    for (WebElement time : driver.findElements(By.cssSelector("#results .hit time"))) {
      LocalDate day =
          LocalDate.ofInstant(Instant.parse(time.getAttribute("datetime")), ZoneOffset.UTC);
      assertThat(day).isBetween(LocalDate.parse(from), to);
    }
    assertThat(texts(By.cssSelector("#active-filters .chip")))
        .contains("From: " + pageDate(LocalDate.parse(from)) + "×", "To: " + pageDate(to) + "×");
  }

  @Test
  void theTimelineCanBeOperatedByKeyboard() {
    openPage("?q=oil&source=reuters");
    List<WebElement> buckets = driver.findElements(By.cssSelector("#timeline rect.bucket"));
    String lastStart = buckets.get(buckets.size() - 1).getAttribute("data-start");
    String secondLastStart = buckets.get(buckets.size() - 2).getAttribute("data-start");
    WebElement plot = driver.findElement(By.cssSelector("#timeline .timeline-plot"));
    ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", plot);

    plot.sendKeys(Keys.END, Keys.chord(Keys.SHIFT, Keys.ARROW_LEFT));
    assertThat(driver.findElement(By.id("timeline-status")).getAttribute("textContent"))
        .contains(" to ")
        .contains("articles");
    plot.sendKeys(Keys.ENTER);
    awaitIdle();

    String from = LocalDate.ofInstant(Instant.parse(secondLastStart), ZoneOffset.UTC).toString();
    assertThat(currentParams("from")).containsExactly(from);
    assertThat(LocalDate.parse(currentParams("to").get(0)))
        .isAfterOrEqualTo(LocalDate.ofInstant(Instant.parse(lastStart), ZoneOffset.UTC));
  }

  @Test
  void aMalformedQueryGetsAReadableMessageNextToTheSearchBoxAndKeepsTheResults() {
    openPage("?q=cocoa");
    List<String> before = hitIds();
    WebElement box = driver.findElement(By.id("q"));
    box.clear();
    box.sendKeys("cocoa \"exports", Keys.ENTER);
    awaitIdle();

    WebElement error = driver.findElement(By.id("search-error"));
    wait.until(ExpectedConditions.visibilityOf(error));
    assertThat(error.getAttribute("role")).isEqualTo("alert");
    assertThat(error.getText())
        .isEqualTo(
            "Query syntax error. The query has an unmatched quote at column 7: close it or remove"
                + " it (a quoted phrase is not closed).")
        .doesNotContain("Exception")
        .doesNotContain("at io.")
        .doesNotContain("Lexical")
        .doesNotContain("{");
    assertThat(box.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(box.getAttribute("aria-describedby")).contains("search-error");
    assertThat(hitIds()).as("the previous results stay").isEqualTo(before);
    assertThat(driver.findElement(By.id("results-view")).getAttribute("class")).contains("stale");
    assertThat(summaryText()).contains("previous search");

    box.clear();
    box.sendKeys("cocoa exports", Keys.ENTER);
    awaitIdle();
    assertThat(error.isDisplayed()).isFalse();
    assertThat(box.getAttribute("aria-invalid")).isNull();
    assertThat(driver.findElement(By.id("results-view")).getAttribute("class"))
        .doesNotContain("stale");
    assertThat(driver.findElements(By.cssSelector("#results .hit"))).isNotEmpty();
  }

  @Test
  void aQueryWithoutHitsOffersTheSpellingSuggestion() {
    openPage("?q=cocao");
    WebElement zero = driver.findElement(By.id("zero-hits"));
    assertThat(zero.isDisplayed()).isTrue();
    assertThat(zero.getText()).contains("No articles match “cocao”");
    WebElement suggestion = zero.findElement(By.cssSelector("a.did-you-mean"));
    assertThat(suggestion.getText()).isEqualTo("cocoa");

    suggestion.click();
    awaitIdle();
    assertThat(currentParams("q")).containsExactly("cocoa");
    assertThat(driver.findElements(By.cssSelector("#results .hit"))).isNotEmpty();
  }

  @Test
  void anUnknownArticleGetsANotFoundViewWithoutEmptyPanels() {
    openPage("?q=cocoa&article=nope-123");

    assertThat(driver.findElement(By.id("article-title")).getText()).isEqualTo("Article not found");
    assertThat(driver.findElement(By.id("article-missing-text")).getText())
        .startsWith("This archive has no article with the id “nope-123”.");
    assertThat(driver.findElement(By.id("article-error")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("article-entities-h")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("related-h")).isDisplayed()).isFalse();
    assertThat(driver.getTitle()).startsWith("Article not found");

    driver.findElement(By.id("article-missing-back")).click();
    awaitIdle();
    assertThat(currentParams("article")).isEmpty();
    assertThat(currentParams("q")).containsExactly("cocoa");
    assertThat(driver.findElements(By.cssSelector("#results .hit"))).isNotEmpty();
  }

  @Test
  void datesInTheWrongOrderAreExplainedNextToTheDates() {
    openPage("?q=oil&from=1987-06-01&to=1987-03-01");

    WebElement error = driver.findElement(By.id("date-error"));
    assertThat(error.isDisplayed()).isTrue();
    assertThat(error.getText())
        .isEqualTo(
            "From is after to. The From date is later than the To date: swap the two dates, or"
                + " clear one of them.");
    assertThat(driver.findElement(By.id("search-error")).isDisplayed()).isFalse();
    WebElement from = driver.findElement(By.id("from"));
    assertThat(from.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(from.getAttribute("aria-describedby")).isEqualTo("date-error");
    // The message sits in the date fieldset, next to the fields it is about.
    assertThat(
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return document.querySelector('#filter-form fieldset')"
                        + ".contains(document.getElementById('date-error'))"))
        .isEqualTo(true);
  }

  @Test
  void typingOffersSuggestionsFromTheArchive() throws Exception {
    // The page asks once per pause in typing: wait for the suggester's first build, so that the
    // test is about the page, not about how soon after start-up the build ends.
    archive.awaitSuggestion("Pompe", "Mike Pompeo");
    openPage("");
    driver.findElement(By.id("q")).sendKeys("Pompe");

    wait.until(d ->
        d.findElements(By.cssSelector("#suggestions option")).stream()
            .anyMatch(o -> "Mike Pompeo".equals(o.getAttribute("value"))));
  }

  @Test
  void untrustedArticleTextIsShownAsTextNotMarkup() {
    openPage("?q=" + ArchiveUnderTest.HOSTILE_WORD);
    WebElement title = driver.findElement(By.cssSelector("#results .hit .hit-title"));
    assertThat(title.getText()).contains("<img src=x onerror=");
    assertThat(driver.findElements(By.cssSelector("#results img, #results script"))).isEmpty();
    assertThat(((JavascriptExecutor) driver).executeScript("return window.hostileRan === true"))
        .isEqualTo(false);

    title.click();
    awaitIdle();
    assertThat(driver.findElement(By.id("article-title")).getText()).contains("<img src=x");
    assertThat(texts(By.cssSelector("#article-title mark, #article-body mark")))
        .contains(ArchiveUnderTest.HOSTILE_WORD);
    assertThat(driver.findElements(By.cssSelector("#article-view img"))).isEmpty();
  }

  @Test
  void aNarrowScreenNeedsNoSidewaysScrolling() throws IOException {
    browser.emulateWidth(360);
    try {
      openPage("?q=cocoa");
      JavascriptExecutor js = (JavascriptExecutor) driver;
      Number scrollWidth = (Number) js.executeScript("return document.documentElement.scrollWidth");
      assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(360);
      WebElement toggle = driver.findElement(By.id("filters-toggle"));
      assertThat(toggle.isDisplayed()).isTrue();
      assertThat(driver.findElement(By.id("filters")).isDisplayed()).isFalse();
      assertThat(driver.findElement(By.cssSelector("#results .hit")).isDisplayed()).isTrue();
      browser.screenshot(SCREENSHOTS.resolve("search-results-narrow.png"));
      toggle.click();
      assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
      assertThat(driver.findElement(By.id("filters")).isDisplayed()).isTrue();
    } finally {
      browser.resetWidth();
    }
  }

  // ---- helpers ------------------------------------------------------------------------

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

  private String summaryText() {
    return driver.findElement(By.id("summary")).getText();
  }

  private long summaryTotal() {
    return parseNumber(summaryText());
  }

  private static long parseNumber(String text) {
    Matcher m = FIRST_NUMBER.matcher(text);
    assertThat(m.find()).as("a number in '%s'", text).isTrue();
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  private List<String> hitIds() {
    return driver.findElements(By.cssSelector("#results .hit")).stream()
        .map(hit -> hit.getAttribute("data-id"))
        .toList();
  }

  private List<String> texts(By by) {
    return driver.findElements(by).stream().map(e -> e.getText().replace("\n", "")).toList();
  }

  private WebElement facetButton(String filter, String value) {
    return driver.findElements(By.cssSelector(".facet-value")).stream()
        .filter(b -> filter.equals(b.getAttribute("data-filter")))
        .filter(b -> value.equals(b.getAttribute("data-value")))
        .findFirst()
        .orElseThrow();
  }

  private String focusedId() {
    return driver.switchTo().activeElement().getAttribute("id");
  }

  private String focusedDataValue() {
    return driver.switchTo().activeElement().getAttribute("data-value");
  }

  /** A date as the page writes it everywhere: "26 Sep 2020". */
  private static String pageDate(LocalDate date) {
    return date.format(DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK));
  }

  /** Offset from the plot's centre, as Actions measures it, of bucket {@code i}'s centre. */
  private static int bucketCentre(int i, int n, int width) {
    double x = (i + 0.5) * width / n;
    return (int) Math.round(x - width / 2.0);
  }
}
