package io.newsarchive.ingest;

import io.newsarchive.article.Article;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the articles of a zip or tar archive ({@code .zip}, {@code .tar}, {@code .tar.gz}, {@code
 * .tgz}) entry by entry, streaming, with nothing extracted to disk. Each entry is detected and read
 * as if it were a file in a folder: hidden entries are passed over, entries that hold no articles
 * (README, checksums) are skipped with a warning, and rejections and warnings name the entry as
 * {@code archive.zip!/business/001.txt} with their line or record number. Every entry is detected
 * from its content: {@code --format} does not reach inside an archive.
 *
 * <p>An entry that expands past the {@link ArchiveLimits} (a zip bomb), cannot be read, has no
 * known format or is itself an archive is rejected with the reason, and reading goes on with the
 * next entry; past the limit on entries the rest of the archive is rejected at once. Not
 * thread-safe.
 */
public final class ArchiveReader implements ArticleReader {

  private static final int BUFFER = 64 * 1024;

  private final InputName name;
  private final ReadOptions options;
  private final IngestListener listener;
  private final ArchiveEntries entries;
  private final ArchiveSidecars sidecars;
  private ArticleReader current;
  private InputName currentName;
  private int entriesSeen;
  private boolean ended;

  private ArchiveReader(
      InputName name, ReadOptions options, IngestListener listener, ArchiveEntries entries) {
    this.name = name;
    this.options = options;
    this.listener = Objects.requireNonNull(listener, "listener");
    this.entries = entries;
    this.sidecars = new ArchiveSidecars(name, this.listener);
  }

  /**
   * Opens an archive for reading.
   *
   * @param name the archive and how it is named below the input the user named
   * @throws IOException when the archive cannot be opened (a zip without its central directory)
   */
  public static ArchiveReader open(InputName name, ReadOptions options, IngestListener listener)
      throws IOException {
    return new ArchiveReader(
        name, options, listener, ArchiveEntries.open(name.shown(), options.archiveLimits()));
  }

  /**
   * Whether the start of a file (after gunzipping) is a zip archive's first entry or a tar header,
   * whose {@code ustar} magic stands at byte 257.
   */
  static boolean looksLike(String head) {
    if (head.startsWith("PK\u0003\u0004") || head.startsWith("PK\u0005\u0006")) {
      return true;
    }
    int magic = head.indexOf("ustar");
    // A header's name field may hold multi-byte characters, so the offset in characters can be
    // less than 257.
    return magic >= 150 && magic <= 257 && head.indexOf('\0') >= 0;
  }

  @Override
  public Optional<Article> next() throws IOException {
    while (!ended) {
      if (current != null) {
        Optional<Article> article = readCurrent();
        if (article.isPresent()) {
          return article;
        }
        closeCurrent();
      }
      Optional<ArchiveEntries.Entry> entry = entries.next();
      if (entry.isEmpty()) {
        ended = true;
        sidecars.finish();
      } else if (++entriesSeen > options.archiveLimits().maxEntries()) {
        ended = true;
        listener.rejected(
            new Rejection(
                name.shown(),
                0,
                0,
                String.format(
                    "the archive has more than %,d entries, the most one archive may have; the"
                        + " rest is not read",
                    options.archiveLimits().maxEntries())));
      } else {
        open(entry.get());
      }
    }
    return Optional.empty();
  }

  /** The current entry's next article, or empty at its end or when it breaks off (reported). */
  private Optional<Article> readCurrent() {
    try {
      return current.next();
    } catch (IOException | RuntimeException e) {
      String where = current.position().isEmpty() ? "" : " at " + current.position();
      reject(currentName, "could not read the entry" + where + ": " + IngestPipeline.describe(e));
      return Optional.empty();
    }
  }

  /** Makes an entry the current one, unless it is to be passed over or rejected. */
  private void open(ArchiveEntries.Entry entry) throws IOException {
    InputName entryName = name.entry(entry.name());
    Path path = Path.of(entry.name());
    if (isHidden(path)) {
      entry.stream().close();
      return;
    }
    Optional<String> skipped = NonArticleFiles.reason(path);
    if (skipped.isPresent()) {
      entry.stream().close();
      listener.warned(
          new Rejection(entryName.shown(), 0, 0, "skipped: " + skipped.get() + ", not articles"));
      return;
    }
    if (entry.size() > options.archiveLimits().maxEntryBytes()) {
      entry.stream().close();
      reject(
          entryName,
          String.format(
              "the entry declares %,d bytes, more than the %,d one archive entry may have; not"
                  + " read",
              entry.size(), options.archiveLimits().maxEntryBytes()));
      return;
    }
    InputStream stream = entry.stream();
    try {
      if (sidecars.offer(entry.name(), stream)) {
        return;
      }
      stream = new BufferedInputStream(TextInput.gunzipped(stream), BUFFER);
      Optional<InputFormat> format = formatOf(entry, entryName, stream);
      if (format.isEmpty()) {
        stream.close();
        return;
      }
      listener.opened(entryName.shown(), format.get());
      current =
          format.get() == InputFormat.TEXT
              ? PlainTextReader.read(
                  entryName, stream, options, listener, sidecars.forText(entry.name()))
              : format.get().openEntry(entryName, stream, options, listener);
      currentName = entryName;
    } catch (IOException e) {
      stream.close();
      reject(entryName, "could not read the entry: " + IngestPipeline.describe(e));
    }
  }

  /** The format to read an entry in, or empty when it is rejected (and reported) instead. */
  private Optional<InputFormat> formatOf(
      ArchiveEntries.Entry entry, InputName entryName, InputStream stream) throws IOException {
    String head = TextInput.head(stream);
    Optional<InputFormat> format =
        InputFormat.detect(Path.of(entry.name()).getFileName().toString(), head);
    String reason;
    if (head.isEmpty()) {
      reason = "empty file; skipped";
    } else if (format.isEmpty()) {
      reason = "unrecognized format; not read";
    } else if (format.get() == InputFormat.ARCHIVE) {
      reason = "an archive inside an archive is not read; unpack the outer one first";
    } else {
      return format;
    }
    reject(entryName, reason);
    return Optional.empty();
  }

  private static boolean isHidden(Path path) {
    for (Path part : path) {
      if (NonArticleFiles.isHidden(part) || part.toString().equals("__MACOSX")) {
        return true;
      }
    }
    return false;
  }

  private void reject(InputName entry, String reason) {
    listener.rejected(new Rejection(entry.shown(), 0, 0, reason));
  }

  private void closeCurrent() throws IOException {
    ArticleReader done = current;
    current = null;
    done.close();
  }

  @Override
  public String position() {
    return current == null
        ? String.format("entry %,d", entriesSeen)
        : currentName.relative() + ", " + current.position();
  }

  @Override
  public void close() throws IOException {
    try (entries) {
      if (current != null) {
        closeCurrent();
      }
    }
  }
}
