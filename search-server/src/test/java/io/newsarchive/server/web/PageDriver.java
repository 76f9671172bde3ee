package io.newsarchive.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page in a headless Chromium over {@link ArchiveUnderTest}, with what its browser tests
 * read and do: open a URL, wait for the page to settle, read the URL, the summary and the results,
 * press keys. One per test class.
 */
final class PageDriver implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d[\\d,]*)");

  private final ArchiveUnderTest archive;
  private final BrowserSession browser;
  private final ChromeDriver driver;
  private final WebDriverWait wait;

  private PageDriver(ArchiveUnderTest archive, BrowserSession browser) {
    this.archive = archive;
    this.browser = browser;
    this.driver = browser.driver();
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /**
   * Starts the server over a copy of the Reuters index in {@code work} and a browser. Skips the
   * calling tests (or, with {@code CI=true}, fails them) when Chromium or the corpus is missing.
   */
  static PageDriver start(Path work) throws IOException {
    return start(work, List.of());
  }

  /** Like {@link #start(Path)}, with {@code extra} articles added to the index. */
  static PageDriver start(Path work, List<Article> extra) throws IOException {
    BrowserSession.requireInstalled();
    ArchiveUnderTest archive = ArchiveUnderTest.start(work.resolve("index"), extra);
    try {
      return new PageDriver(archive, BrowserSession.start(work));
    } catch (IOException | RuntimeException e) {
      archive.close();
      throw e;
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  BrowserSession browser() {
    return browser;
  }

  WebDriverWait waiting() {
    return wait;
  }

  String baseUrl() {
    return archive.baseUrl();
  }

  /** Opens the page at {@code query} (e.g. {@code ?q=oil}) and waits until it settles. */
  void open(String query) {
    driver.get(archive.baseUrl() + query);
    awaitIdle();
  }

  /** Waits until the page has finished the update that the last action started. */
  void awaitIdle() {
    wait.until(d ->
        Boolean.TRUE.equals(
            script(
                "return document.readyState === 'complete'"
                    + " && document.getElementById('results-view')"
                    + ".getAttribute('aria-busy') === 'false'")));
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** The values of the URL's parameter {@code name}. */
  List<String> params(String name) {
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

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> findAll(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  String summaryText() {
    return driver.findElement(By.id("summary")).getText();
  }

  /** The first number of the summary: how many articles match. */
  long summaryTotal() {
    Matcher m = FIRST_NUMBER.matcher(summaryText());
    assertThat(m.find()).as("a number in '%s'", summaryText()).isTrue();
    return Long.parseLong(m.group(1).replace(",", ""));
  }

  List<String> hitIds() {
    return findAll("#results .hit").stream().map(hit -> hit.getAttribute("data-id")).toList();
  }

  List<String> texts(String css) {
    return findAll(css).stream().map(e -> e.getText().replace("\n", "")).toList();
  }

  WebElement focused() {
    return driver.switchTo().activeElement();
  }

  /** Presses {@code keys} on whatever has the focus. */
  void press(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  /** Presses Tab until the {@code index}th element matching {@code css} has the focus. */
  int tabsUntil(String css, int index) {
    WebElement target = findAll(css).get(index);
    for (int presses = 1; presses <= 200; presses++) {
      press(Keys.TAB);
      if (focused().equals(target)) {
        return presses;
      }
    }
    throw new AssertionError("200 Tab presses did not reach " + css + " #" + index);
  }

  /** Whether all of {@code element} is inside the viewport. */
  boolean inViewport(WebElement element) {
    return Boolean.TRUE.equals(
        script(
            "const r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight;",
            element));
  }

  /** The box of the element {@code css} in viewport CSS pixels. */
  Rectangle viewportRect(String css) {
    @SuppressWarnings("unchecked")
    Map<String, Number> box =
        (Map<String, Number>)
            script(
                "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                    + " return {x: r.x, y: r.y, width: r.width, height: r.height};",
                css);
    return new Rectangle(
        box.get("x").intValue(),
        box.get("y").intValue(),
        box.get("height").intValue(),
        box.get("width").intValue());
  }

  @Override
  public void close() throws IOException {
    try {
      browser.close();
    } finally {
      archive.close();
    }
  }
}
