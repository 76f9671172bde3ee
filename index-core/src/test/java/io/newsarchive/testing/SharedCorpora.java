package io.newsarchive.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared corpora folder beside the repository ({@code ../shared}, holding {@code corpora/} and
 * {@code seed/}), or the folder the system property {@code newsarchive.shared} names. The build
 * passes that property to every test; the fallback serves runs from an IDE.
 */
public final class SharedCorpora {

  /** The system property naming the shared folder. */
  public static final String PROPERTY = "newsarchive.shared";

  private SharedCorpora() {}

  /** The shared folder, whether or not it exists. */
  public static Path root() {
    String configured = System.getProperty(PROPERTY, "");
    Path root =
        configured.isBlank() ? Repository.root().resolveSibling("shared") : Path.of(configured);
    return root.toAbsolutePath().normalize();
  }

  /**
   * The file or folder {@code relative} to the shared folder, e.g. {@code corpora/reuters21578};
   * when it is absent the calling test is skipped, or fails with {@code CI=true} (see {@link
   * Prerequisites}).
   */
  public static Path require(String relative) {
    Path path = root().resolve(relative).normalize();
    Prerequisites.require(
        Files.exists(path),
        relative
            + " from the shared corpora is missing: looked for "
            + path
            + "; point -D"
            + PROPERTY
            + "=DIR at the folder that holds corpora/ and seed/");
    return path;
  }
}
