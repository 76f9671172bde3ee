package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files the web page finds in a folder of the class path, packed in a jar or not. */
class WebPageTest {

  @Test
  void theFilesOfAJarsFolderAreListedWithTheFolderNamedEitherWay(@TempDir Path dir)
      throws IOException {
    Path jar = dir.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name : new String[] {"web/", "web/index.html", "web/sub/a.js", "other/b.js"}) {
        out.putNextEntry(new JarEntry(name));
        if (!name.endsWith("/")) {
          out.write(name.getBytes());
        }
        out.closeEntry();
      }
    }
    String base = "jar:" + jar.toUri() + "!/web";
    for (String folder : new String[] {base, base + "/"}) {
      assertThat(WebPage.names(URI.create(folder).toURL()))
          .as(folder)
          .containsExactlyInAnyOrder("index.html", "sub/a.js");
    }
    // The listing leaves the jar closed: it can be deleted at once (and on Windows, only then).
    Files.delete(jar);
  }

  @Test
  void theFilesOfAFolderAreListedWithTheirPathsWithinIt(@TempDir Path dir) throws IOException {
    Path web = Files.createDirectories(dir.resolve("web/sub"));
    try (OutputStream out = Files.newOutputStream(dir.resolve("web/index.html"))) {
      out.write(1);
    }
    Files.writeString(web.resolve("a.js"), "x");
    URL folder = dir.resolve("web").toUri().toURL();

    assertThat(WebPage.names(folder)).containsExactlyInAnyOrder("index.html", "sub/a.js");
  }
}
