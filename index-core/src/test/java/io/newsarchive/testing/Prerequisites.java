package io.newsarchive.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test does when an input outside the repository (a corpus, a browser) is missing: it is
 * skipped on a developer's machine, and fails when the environment variable {@code CI} is {@code
 * true}, so that continuous integration cannot pass by skipping.
 */
public final class Prerequisites {

  private Prerequisites() {}

  /** True when the environment variable {@code CI} is {@code true}, as CI services set it. */
  public static boolean strict() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Returns when {@code present}; otherwise fails the calling test (with {@code CI=true}) or skips
   * it, saying {@code problem}.
   *
   * @param problem what is missing, where it was looked for and how to provide it
   */
  public static void require(boolean present, String problem) {
    if (present) {
      return;
    }
    if (strict()) {
      fail(problem + " [CI=true: a missing input fails the build instead of skipping the test]");
    }
    Assumptions.abort(problem + " [skipped; with CI=true this fails]");
  }
}
