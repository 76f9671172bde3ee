package io.newsarchive.ingest;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a plain-text file as one article: the first non-blank line is the headline, every later
 * non-blank line a paragraph of the body, as in collections shipped one story a file (the BBC News
 * dataset's {@code business/001.txt}). The file carries nothing else, so its date, source,
 * language, address and bylines come from its {@link TextSidecar} ({@code 001.meta.json}) when it
 * has one, and else: the source from the {@link ReadOptions#source()} rule (the named input, the
 * folder that holds the file, or a fixed name), the language from {@link ReadOptions#language()},
 * the date from the {@link ReadOptions#textDates()} rule (undated by default). A sidecar that
 * cannot be read is reported as a warning and the article is read without it.
 *
 * <p>The id is {@code slug(source)-} followed by 16 hex digits of the SHA-256 of the file's path
 * below the input the user named ({@link InputName#relative()}), so re-reading the same input
 * updates instead of duplicating. A file with no text, or longer than {@link
 * ReadOptions#maxRecordChars()}, is rejected. UTF-8; a byte order mark, CRLF line ends and gzip are
 * fine. Not thread-safe.
 */
public final class PlainTextReader implements ArticleReader {

  private static final TextSidecar NO_SIDECAR = new TextSidecar(null, "", "", "", "", List.of());

  private final InputName name;
  private final ReadOptions options;
  private final IngestListener listener;
  private final LineInput lines;
  private final Optional<TextSidecar> sidecar;
  private boolean done;

  private PlainTextReader(
      InputName name,
      ReadOptions options,
      IngestListener listener,
      LineInput lines,
      Optional<TextSidecar> sidecar) {
    this.name = name;
    this.options = options;
    this.listener = Objects.requireNonNull(listener, "listener");
    this.lines = lines;
    this.sidecar = sidecar;
  }

  /**
   * Opens a file for reading; gzip files are decompressed on the fly.
   *
   * @param name the file and how it is named below the input the user named
   * @throws IOException when the file cannot be opened
   */
  public static PlainTextReader open(InputName name, ReadOptions options, IngestListener listener)
      throws IOException {
    Optional<TextSidecar> sidecar = sidecarBeside(name.shown(), listener);
    LineInput lines =
        TextInput.openLines(name.shown(), StandardCharsets.UTF_8, options.maxRecordChars());
    return new PlainTextReader(name, options, listener, lines, sidecar);
  }

  /** Reads a stream, such as an archive entry, with the sidecar found for it, if any. */
  static PlainTextReader read(
      InputName name,
      InputStream in,
      ReadOptions options,
      IngestListener listener,
      Optional<TextSidecar> sidecar)
      throws IOException {
    LineInput lines = TextInput.openLines(in, StandardCharsets.UTF_8, options.maxRecordChars());
    return new PlainTextReader(name, options, listener, lines, sidecar);
  }

  /** The sidecar beside a text file on disk, or empty when there is none or it is unreadable. */
  private static Optional<TextSidecar> sidecarBeside(Path file, IngestListener listener) {
    Path sidecar = file.resolveSibling(TextSidecar.sidecarName(file.getFileName().toString()));
    if (!Files.isRegularFile(sidecar)) {
      return Optional.empty();
    }
    try {
      if (Files.size(sidecar) > TextSidecar.MAX_CHARS) {
        throw new IllegalArgumentException(
            String.format("longer than %,d bytes", TextSidecar.MAX_CHARS));
      }
      return Optional.of(TextSidecar.parse(Files.readString(sidecar, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      return notUsed(sidecar, IngestPipeline.describe(e), listener);
    } catch (IllegalArgumentException e) {
      return notUsed(sidecar, e.getMessage(), listener);
    }
  }

  private static Optional<TextSidecar> notUsed(
      Path sidecar, String reason, IngestListener listener) {
    listener.warned(
        new Rejection(
            sidecar, 0, 0, "sidecar not used: " + reason + "; its text file is read without it"));
    return Optional.empty();
  }

  /**
   * Whether a file that no stricter format claims is plain text: its name ends in {@code .txt}
   * (before any {@code .gz}), and its start holds text without NUL or other control characters.
   */
  static boolean looksLike(String fileName, String head) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    if (!lower.endsWith(".txt") && !lower.endsWith(".txt.gz")) {
      return false;
    }
    if (TextInput.isBlank(head)) {
      return false;
    }
    for (int i = 0; i < head.length(); i++) {
      char c = head.charAt(i);
      if (c < ' ' && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        return false;
      }
    }
    return true;
  }

  @Override
  public Optional<Article> next() throws IOException {
    if (done) {
      return Optional.empty();
    }
    done = true;
    String title = null;
    StringBuilder body = new StringBuilder();
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (TextInput.isBlank(line)) {
          continue;
        }
        if (title == null) {
          title = line.strip();
        } else {
          body.append(line.strip()).append('\n');
        }
        if (lines.charsRead() > options.maxRecordChars()) {
          return reject(lines.lineNumber(), overlong());
        }
      }
    } catch (OversizedRecordException e) {
      return reject(e.line(), overlong());
    }
    if (title == null) {
      return reject(0, "no text: a plain-text article needs a headline on its first line");
    }
    return Optional.of(article(title, body.toString()));
  }

  private Article article(String title, String body) {
    TextSidecar meta = sidecar.orElse(NO_SIDECAR);
    String source = meta.source().isEmpty() ? options.source().sourceOf(name) : meta.source();
    Article.Builder article =
        Article.builder()
            .id(Article.deriveId(source, "", name.relative()))
            .source(source)
            .title(title)
            .body(body)
            .url(meta.url())
            .language(meta.language().isEmpty() ? options.language() : meta.language());
    if (meta.published() != null) {
      article.published(meta.published(), meta.publishedText());
    } else {
      Optional<Instant> date = options.textDates().dateOf(name);
      date.ifPresent(instant -> article.published(instant, ""));
      if (date.isEmpty() && options.textDates().rule() == TextDating.Rule.PATH) {
        listener.warned(
            new Rejection(
                name.shown(), 0, 1, "no date in the file's path (--date-from-path); kept undated"));
      }
    }
    meta.authors().forEach(article::author);
    return article.build();
  }

  private String overlong() {
    return String.format(
        "the file runs over %,d characters (--max-record-size); not read",
        options.maxRecordChars());
  }

  private Optional<Article> reject(long line, String reason) {
    listener.rejected(new Rejection(name.shown(), line, 1, reason));
    return Optional.empty();
  }

  @Override
  public String position() {
    return String.format("line %,d", lines.lineNumber());
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
