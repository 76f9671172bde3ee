package io.newsarchive.opensearch;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The articles in several languages of index-core's tests ({@code fixtures/languages}), copied to a
 * directory: on the test class path they are a directory or, once index-core is packaged, entries
 * of its test jar.
 */
final class LanguageFixtures {

  private LanguageFixtures() {}

  /** Copies the fixtures into {@code dir} and returns it. */
  static Path copyTo(Path dir) throws IOException, URISyntaxException {
    URI uri = LanguageFixtures.class.getResource("/fixtures/languages").toURI();
    if (!uri.getScheme().equals("jar")) {
      copy(Path.of(uri), dir);
      return dir;
    }
    try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
      copy(jar.provider().getPath(uri), dir);
    }
    return dir;
  }

  private static void copy(Path from, Path to) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      Path target = to.resolve(from.relativize(file).toString());
      Files.createDirectories(target.getParent());
      Files.copy(file, target);
    }
  }
}
