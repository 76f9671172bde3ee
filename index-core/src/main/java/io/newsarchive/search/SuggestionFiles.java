package io.newsarchive.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;

/**
 * The files of one build of the suggestions ({@link TitleSuggester}): a folder of its own under the
 * system's temporary folder, memory-mapped, so that the suggester's index lives in the page cache
 * rather than in the heap (32 MB for 122,000 articles, which the heap held before). Once the
 * build's reader has mapped them, {@link #unlinkMapped()} removes the files from the folder where
 * the system allows it (not on Windows), so that a process that dies leaves nothing behind; {@link
 * #close()} deletes whatever is left, and so does a process that exits before (a stopped server
 * amid a build). Not thread-safe.
 */
final class SuggestionFiles implements Closeable {

  private static final System.Logger LOG = System.getLogger(SuggestionFiles.class.getName());

  private final Path folder;
  private final Directory directory;
  private final Thread atExit = new Thread(this::delete, "newsarchive-suggest-cleanup");

  private SuggestionFiles(Path folder) throws IOException {
    this.folder = folder;
    this.directory = new MMapDirectory(folder);
    Runtime.getRuntime().addShutdownHook(atExit);
  }

  /** A new, empty folder. */
  static SuggestionFiles create() throws IOException {
    return new SuggestionFiles(Files.createTempDirectory("newsarchive-suggest-"));
  }

  /** The folder. */
  Path folder() {
    return folder;
  }

  /** The folder as a Lucene directory; the suggester that is given it closes it. */
  Directory directory() {
    return directory;
  }

  /** Removes the files from the folder, where the system lets mapped files be removed. */
  void unlinkMapped() {
    for (Path file : files()) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // Mapped files cannot be removed on this system: close() removes them.
        return;
      }
    }
  }

  /** Deletes the folder and what is left in it; a failure is logged, not thrown. */
  @Override
  public void close() {
    delete();
    try {
      Runtime.getRuntime().removeShutdownHook(atExit);
    } catch (IllegalStateException e) {
      // The process is exiting: the hook runs, and finds nothing left.
    }
  }

  private void delete() {
    try {
      for (Path file : files()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "cannot delete the suggestions' files in " + folder + ": " + e);
    }
  }

  private List<Path> files() {
    try (Stream<Path> list = Files.list(folder)) {
      return list.toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
