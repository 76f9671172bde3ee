package io.newsarchive.ingest;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the input files to read under the paths a user gives, and the format of each.
 *
 * <p>Directories are walked recursively, following symbolic links, each directory's files in sorted
 * order, so the result is deterministic. Inside directories:
 *
 * <ul>
 *   <li>hidden files and directories (name starting with {@code .}) are passed over silently, as
 *       {@code ls} does;
 *   <li>files that travel with collections but hold no articles (README, {@code *.md}, {@code
 *       *.dtd}, checksums, and the Reuters-21578 category lists, category descriptions and CIA
 *       World Factbook data) are skipped and reported to {@link IngestListener#warned}, since there
 *       is nothing to fix.
 * </ul>
 *
 * <p>Every other file, and every file named directly, is read in the forced format when there is
 * one, else in the format {@link InputFormat#detect} finds in its content; a zip or tar archive is
 * always read as one, its entries detected one by one. Each file is named by its path below the
 * input the user named ({@link InputName}). A file whose format cannot be detected, an empty file,
 * or one that cannot be read is reported to {@link IngestListener#rejected} ("unrecognized format;
 * use --format") and skipped, never guessed. A file reached twice (two arguments, or a link) is
 * listed once. Thread-safe: each call keeps its own state.
 */
public final class InputFiles {

  private final Optional<InputFormat> forced;
  private final IngestListener listener;
  private final Set<Path> seen = new HashSet<>();
  private final List<InputFile> found = new ArrayList<>();

  private InputFiles(Optional<InputFormat> forced, IngestListener listener) {
    this.forced = Objects.requireNonNull(forced, "forced");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * The readable input files under {@code paths}, in the order given, each directory's content
   * sorted by path.
   *
   * @param paths files and directories named by the user
   * @param forced the format to read every file in, or empty to detect each file's format
   * @param listener receives the skipped files, with reasons
   * @throws NoSuchFileException when one of {@code paths} does not exist
   * @throws IOException when a directory cannot be listed at all
   */
  public static List<InputFile> discover(
      List<Path> paths, Optional<InputFormat> forced, IngestListener listener) throws IOException {
    InputFiles discovery = new InputFiles(forced, listener);
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new NoSuchFileException(path.toString(), null, "no such file or directory");
      }
      if (Files.isDirectory(path)) {
        for (Path file : discovery.walk(path)) {
          discovery.considerListed(InputName.below(path, file));
        }
      } else {
        discovery.consider(InputName.of(path));
      }
    }
    return List.copyOf(discovery.found);
  }

  private List<Path> walk(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        root,
        EnumSet.of(FileVisitOption.FOLLOW_LINKS),
        Integer.MAX_VALUE,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            boolean hidden = !dir.equals(root) && NonArticleFiles.isHidden(dir);
            return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && !NonArticleFiles.isHidden(file)) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            String reason =
                e instanceof FileSystemLoopException
                    ? "symbolic link loop; not followed"
                    : "cannot read: " + e;
            listener.rejected(new Rejection(file, 0, 0, reason));
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    return files;
  }

  /** A file met while walking a directory: skipped when its name says it holds no articles. */
  private void considerListed(InputName name) {
    Path file = name.shown();
    Optional<String> reason = NonArticleFiles.reason(file);
    if (reason.isPresent()) {
      listener.warned(new Rejection(file, 0, 0, "skipped: " + reason.get() + ", not articles"));
    } else {
      consider(name);
    }
  }

  private void consider(InputName name) {
    Path file = name.shown();
    if (TextSidecar.isSidecar(file.getFileName().toString())) {
      passSidecar(file);
      return;
    }
    try {
      if (!seen.add(file.toRealPath())) {
        return;
      }
      long bytes = Files.size(file);
      if (bytes == 0) {
        reject(file, "empty file; skipped");
        return;
      }
      Optional<InputFormat> detected = InputFormat.detect(file);
      // An archive stays an archive whatever --format says; its entries are detected.
      Optional<InputFormat> format =
          forced.isPresent() && !detected.equals(Optional.of(InputFormat.ARCHIVE))
              ? forced
              : detected;
      if (format.isEmpty()) {
        reject(file, "unrecognized format; use --format");
        return;
      }
      found.add(new InputFile(name, format.get(), bytes));
    } catch (IOException e) {
      reject(file, "cannot read: " + e);
    }
  }

  /** A sidecar is read with its text file; one without a text file is reported. */
  private void passSidecar(Path sidecar) {
    String name = sidecar.getFileName().toString();
    String stem = name.substring(0, name.length() - TextSidecar.SUFFIX.length());
    if (!Files.exists(sidecar.resolveSibling(stem + ".txt"))
        && !Files.exists(sidecar.resolveSibling(stem + ".txt.gz"))) {
      listener.warned(
          new Rejection(
              sidecar, 0, 0, "sidecar not used: no " + stem + ".txt beside it to describe"));
    }
  }

  private void reject(Path file, String reason) {
    listener.rejected(new Rejection(file, 0, 0, reason));
  }
}
