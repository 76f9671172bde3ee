package io.newsarchive.server.web;

import io.newsarchive.testing.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Debian Chromium driven through its own chromedriver. Both binaries are given by path,
 * so Selenium never looks for (or downloads) a browser or driver.
 */
final class BrowserSession implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;

  private BrowserSession(ChromeDriver driver) {
    this.driver = driver;
  }

  /**
   * Returns when both the browser and its driver are installed; otherwise skips the calling test,
   * or fails it with {@code CI=true} (see {@link Prerequisites}).
   */
  static void requireInstalled() {
    Prerequisites.require(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium is missing: looked for "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + "; .ci/install-browser installs Debian's chromium and chromium-driver");
  }

  /** Starts the browser with a fresh profile in {@code work}. */
  static BrowserSession start(Path work) throws IOException {
    Path profile = Files.createTempDirectory(work, "chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--lang=en-GB",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return new BrowserSession(driver);
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Lays the page out as on a phone {@code width} CSS pixels wide. */
  void emulateWidth(int width) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", true));
  }

  /** Undoes {@link #emulateWidth}. */
  void resetWidth() {
    driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", false));
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  /**
   * Puts one finger on the viewport at ({@code x}, {@code y}) CSS pixels, moves it by ({@code dx},
   * {@code dy}) in ten steps, then lifts it, as a touch screen reports a swipe; with no movement
   * this is a tap. Touch input stays on until {@link #resetWidth}.
   */
  void swipe(int x, int y, int dx, int dy) {
    driver.executeCdpCommand(
        "Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 1));
    touch("touchStart", List.of(Map.of("x", x, "y", y)));
    int steps = dx == 0 && dy == 0 ? 0 : 10;
    for (int i = 1; i <= steps; i++) {
      touch("touchMove", List.of(Map.of("x", x + dx * i / steps, "y", y + dy * i / steps)));
    }
    touch("touchEnd", List.of());
  }

  private void touch(String type, List<Map<String, Integer>> points) {
    driver.executeCdpCommand(
        "Input.dispatchTouchEvent", Map.of("type", type, "touchPoints", points));
  }

  /** Lets the page see {@code scheme} ("dark" or "light") as the system's colour preference. */
  void emulateColorScheme(String scheme) {
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
  }

  /** Saves a PNG of the viewport. */
  void screenshot(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
  }

  /** Quits the browser; the profile stays in the caller's temporary folder. */
  @Override
  public void close() {
    driver.quit();
  }
}
