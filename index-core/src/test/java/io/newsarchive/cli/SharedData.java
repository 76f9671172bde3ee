package io.newsarchive.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared corpora folder that sits beside the repository. */
final class SharedData {

  private SharedData() {}

  /** The shared folder, or a skipped test with a clear message when it is absent. */
  static Path require(String child) {
    String configured = System.getProperty("newsarchive.shared", "../../shared");
    Path path = Path.of(configured).resolve(child).toAbsolutePath().normalize();
    assumeTrue(
        Files.exists(path),
        () -> path + " is absent: skipping the test that needs the shared corpora");
    return path;
  }

  /** The repository's own data folder with the bundled sample. */
  static Path bundledData() {
    return Path.of("..", "data", "sample").toAbsolutePath().normalize();
  }
}
