package io.newsarchive.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Folders of this repository, found from the test's working directory (a module folder). */
public final class Repository {

  private Repository() {}

  /** The repository's root: the nearest folder at or above the working directory with mvnw. */
  public static Path root() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("data"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root (a folder with mvnw) at or above " + start);
  }

  /** The bundled sample folder, {@code data/sample}, holding the seed article. */
  public static Path sample() {
    return root().resolve("data").resolve("sample");
  }

  /** The bundled seed article, {@code data/sample/kayhan-83245.txt}. */
  public static Path seedArticle() {
    return sample().resolve("kayhan-83245.txt");
  }
}
