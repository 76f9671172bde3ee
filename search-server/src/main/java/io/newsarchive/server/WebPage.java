package io.newsarchive.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.newsarchive.article.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The web page's files, read once from the class path folder {@link SearchServer#WEB_FOLDER} and
 * served from memory, {@code index.html} also at {@code /}: a few small files, where Javalin's
 * static file handler mounted the application jar as a zip file system for each of its roots (four
 * mounts of the jar's 28,000 entries, 32 MB of the server's live heap). Each answer carries {@code
 * Cache-Control: max-age=0} and an {@code ETag}, so that a browser asks again on every load and
 * gets 304 when the file has not changed. Immutable, so thread-safe.
 */
final class WebPage {

  private record File(byte[] body, String type, String etag) {}

  /** By request path. */
  private final Map<String, File> files;

  private WebPage(Map<String, File> files) {
    this.files = files;
  }

  /** The files of the class path folder, none when the class path has no such folder. */
  static WebPage load() {
    URL folder = SearchServer.class.getResource(SearchServer.WEB_FOLDER);
    if (folder == null) {
      return new WebPage(Map.of());
    }
    try {
      Map<String, File> files = new TreeMap<>();
      for (String name : names(folder)) {
        byte[] body = read(SearchServer.WEB_FOLDER + "/" + name);
        String digest = HexFormat.of().formatHex(Sha256.newDigest().digest(body));
        File file = new File(body, type(name), '"' + digest.substring(0, 16) + '"');
        files.put("/" + name, file);
        if (name.equals("index.html")) {
          files.put("/", file);
        }
      }
      return new WebPage(Map.copyOf(files));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the web page from the class path: " + e, e);
    }
  }

  /** The paths the page's files answer at. */
  List<String> paths() {
    return List.copyOf(new TreeMap<>(files).keySet());
  }

  /** Answers a GET or HEAD of one of {@link #paths()}. */
  void serve(Context ctx) {
    File file = files.get(ctx.path());
    ctx.header("Cache-Control", "max-age=0");
    ctx.header("ETag", file.etag());
    if (file.etag().equals(ctx.header("If-None-Match"))) {
      ctx.status(HttpStatus.NOT_MODIFIED);
      return;
    }
    ctx.contentType(file.type());
    ctx.result(file.body());
  }

  /** The files under {@code folder}, a directory or a jar's folder, by their paths within it. */
  static List<String> names(URL folder) throws IOException {
    List<String> names = new ArrayList<>();
    if (folder.getProtocol().equals("file")) {
      Path root;
      try {
        root = Path.of(folder.toURI());
      } catch (URISyntaxException e) {
        throw new IOException("not a folder: " + folder, e);
      }
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile)
            .forEach(file -> names.add(root.relativize(file).toString().replace('\\', '/')));
      }
      return names;
    }
    URLConnection connection = folder.openConnection();
    if (!(connection instanceof JarURLConnection jarConnection)) {
      throw new IOException("cannot list the files of " + folder);
    }
    // Not the JDK's cached copy of the jar, which would stay open after the listing.
    jarConnection.setUseCaches(false);
    // The folder's entry name ends in a slash or not, as the class loader found it.
    String prefix = jarConnection.getEntryName().replaceFirst("/?$", "/");
    try (JarFile jar = jarConnection.getJarFile()) {
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
          names.add(entry.getName().substring(prefix.length()));
        }
      }
    }
    return names;
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in = SearchServer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no resource " + resource);
      }
      return in.readAllBytes();
    }
  }

  private static String type(String name) {
    String extension = name.substring(name.lastIndexOf('.') + 1);
    return switch (extension) {
      case "html" -> "text/html; charset=utf-8";
      case "js" -> "text/javascript; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "svg" -> "image/svg+xml";
      case "json" -> "application/json";
      default -> {
        String guessed = URLConnection.getFileNameMap().getContentTypeFor(name);
        yield guessed == null ? "application/octet-stream" : guessed;
      }
    };
  }
}
