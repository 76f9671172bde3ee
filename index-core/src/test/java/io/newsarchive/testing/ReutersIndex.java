package io.newsarchive.testing;

import io.newsarchive.cli.IndexCommand;
import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The index that {@code newsarchive index} builds, with its bundled entity model, from the seed
 * article and the whole Reuters-21578 folder: built once and shared by every test class (in both
 * modules) that needs a real archive. Tests open it read-only; one that must write copies it first
 * ({@link #copyTo}).
 *
 * <p>It is cached under the repository's {@code target/reuters-index/}, in a folder named by the
 * schema version and a SHA-256 over everything the index depends on: the schema version, the
 * command line, the content of index-core's classes and resources (the indexing code and the
 * bundled model, the same whether read from {@code target/classes} or the jar), the repository's
 * {@code data/} folder, and each corpus file's name, size and modification time. A change to any of
 * them names a new folder, so a stale index is never reused; {@code mvn clean} removes them all. A
 * file lock keeps two JVMs (two forks, two modules) from building it at once: the second waits and
 * then reuses the first one's index.
 */
public record ReutersIndex(Path directory, String indexOutput) {

  /** Articles in the index: the seed and every Reuters-21578 record. */
  public static final int ARTICLES = 21_579;

  private static final String OUTPUT_FILE = "index-output.txt";

  /**
   * The shared index, built now if no current one is cached. Skips the calling test (or fails it
   * with {@code CI=true}) when the corpus is absent.
   *
   * @throws IllegalStateException when {@code newsarchive index} fails
   */
  public static synchronized ReutersIndex get() throws IOException {
    Path reuters = SharedCorpora.require("corpora/reuters21578");
    Path seed = Repository.seedArticle();
    List<String> inputs = List.of(seed.toString(), reuters.toString());
    Path cache = Repository.root().resolve("target").resolve("reuters-index");
    Files.createDirectories(cache);
    Path folder = cache.resolve("schema-" + ArticleFields.SCHEMA_VERSION + "-" + key(inputs));
    try (FileChannel channel =
        FileChannel.open(
            cache.resolve("build.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      channel.lock(); // held until the channel closes; another JVM waits here
      Path output = folder.resolve(OUTPUT_FILE);
      if (!Files.isRegularFile(output)) {
        build(cache, folder, inputs);
      }
      return new ReutersIndex(folder.resolve("index"), Files.readString(output));
    }
  }

  /** Copies the index into the empty or absent folder {@code target}, for a test that writes. */
  public Path copyTo(Path target) throws IOException {
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file :
          files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
        Files.copy(file, target.resolve(file.getFileName()));
      }
    }
    return target;
  }

  /** Runs {@code newsarchive index} into {@code folder}, dropping older cached indexes first. */
  private static void build(Path cache, Path folder, List<String> inputs) throws IOException {
    try (Stream<Path> old = Files.list(cache)) {
      for (Path stale : old.filter(Files::isDirectory).toList()) {
        deleteTree(stale);
      }
    }
    Path index = folder.resolve("index");
    Files.createDirectories(folder);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new IndexCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] args =
        Stream.concat(
                Stream.of("--index", index.toString(), "--progress", "never"), inputs.stream())
            .toArray(String[]::new);
    int exit = cli.execute(args);
    if (exit != 0) {
      throw new IllegalStateException(
          "newsarchive index " + String.join(" ", args) + " exited with " + exit + ":\n" + err);
    }
    // Written last: its presence marks a complete index.
    Path partial = folder.resolve(OUTPUT_FILE + ".partial");
    Files.writeString(partial, out.toString());
    Files.move(partial, folder.resolve(OUTPUT_FILE), StandardCopyOption.ATOMIC_MOVE);
  }

  /** 16 hex digits of the SHA-256 over everything the index depends on (see the class doc). */
  private static String key(List<String> inputs) throws IOException {
    MessageDigest digest = sha256();
    digest.update(
        ("schema " + ArticleFields.SCHEMA_VERSION + "\n").getBytes(StandardCharsets.UTF_8));
    for (String input : inputs) {
      digest.update(("input " + input + "\n").getBytes(StandardCharsets.UTF_8));
      hashListing(digest, Path.of(input));
    }
    hashCodeSource(digest);
    hashTree(digest, Repository.root().resolve("data"));
    return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
  }

  /** Names, sizes and modification times: the corpora are large and never edited in place. */
  private static void hashListing(MessageDigest digest, Path root) throws IOException {
    for (Path file : files(root)) {
      String line =
          root.relativize(file)
              + " "
              + Files.size(file)
              + " "
              + Files.getLastModifiedTime(file).toMillis()
              + "\n";
      digest.update(line.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Every class and resource of index-core, by name and content, from its folder or its jar. */
  private static void hashCodeSource(MessageDigest digest) throws IOException {
    Path location;
    try {
      location =
          Path.of(IndexCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("index-core's class location is not a file", e);
    }
    if (Files.isDirectory(location)) {
      hashTree(digest, location);
      return;
    }
    try (JarFile jar = new JarFile(location.toFile())) {
      // The jar adds its manifest and Maven metadata, which the classes folder lacks.
      List<JarEntry> entries =
          jar.stream()
              .filter(e -> !e.isDirectory() && !e.getName().startsWith("META-INF/"))
              .sorted(Comparator.comparing(JarEntry::getName))
              .toList();
      for (JarEntry entry : entries) {
        try (InputStream in = jar.getInputStream(entry)) {
          hashEntry(digest, entry.getName(), in);
        }
      }
    }
  }

  private static void hashTree(MessageDigest digest, Path root) throws IOException {
    for (Path file : files(root)) {
      String name = root.relativize(file).toString().replace('\\', '/');
      if (name.startsWith("META-INF/")) {
        continue;
      }
      try (InputStream in = Files.newInputStream(file)) {
        hashEntry(digest, name, in);
      }
    }
  }

  private static void hashEntry(MessageDigest digest, String name, InputStream in)
      throws IOException {
    digest.update(("file " + name + "\n").getBytes(StandardCharsets.UTF_8));
    byte[] buffer = new byte[64 * 1024];
    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
      digest.update(buffer, 0, n);
    }
  }

  /** The regular files at or under {@code root}, sorted by path. */
  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
