package io.newsarchive.ingest;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a plain-text file as one article: the first non-blank line is the headline, every later
 * non-blank line a paragraph of the body, as in collections shipped one story a file (the BBC News
 * dataset's {@code business/001.txt}). The file carries nothing else, so the source comes from the
 * {@link ReadOptions#source()} rule (the named input, the folder that holds the file, or a fixed
 * name), the language from {@link ReadOptions#language()}, and the article is undated.
 *
 * <p>The id is {@code slug(source)-} followed by 16 hex digits of the SHA-256 of the file's path
 * below the input the user named ({@link InputName#relative()}), so re-reading the same input
 * updates instead of duplicating. A file with no text, or longer than {@link
 * ReadOptions#maxRecordChars()}, is rejected. UTF-8; a byte order mark, CRLF line ends and gzip are
 * fine. Not thread-safe.
 */
public final class PlainTextReader implements ArticleReader {

  private final InputName name;
  private final ReadOptions options;
  private final IngestListener listener;
  private final LineInput lines;
  private boolean done;

  private PlainTextReader(
      InputName name, ReadOptions options, IngestListener listener, LineInput lines) {
    this.name = name;
    this.options = options;
    this.listener = Objects.requireNonNull(listener, "listener");
    this.lines = lines;
  }

  /**
   * Opens a file for reading; gzip files are decompressed on the fly.
   *
   * @param name the file and how it is named below the input the user named
   * @throws IOException when the file cannot be opened
   */
  public static PlainTextReader open(InputName name, ReadOptions options, IngestListener listener)
      throws IOException {
    LineInput lines =
        TextInput.openLines(name.shown(), StandardCharsets.UTF_8, options.maxRecordChars());
    return new PlainTextReader(name, options, listener, lines);
  }

  /** Reads a stream, such as an archive entry. */
  static PlainTextReader read(
      InputName name, InputStream in, ReadOptions options, IngestListener listener)
      throws IOException {
    LineInput lines = TextInput.openLines(in, StandardCharsets.UTF_8, options.maxRecordChars());
    return new PlainTextReader(name, options, listener, lines);
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
    String source = options.source().sourceOf(name);
    return Optional.of(
        Article.builder()
            .id(Article.deriveId(source, "", name.relative()))
            .source(source)
            .title(title)
            .body(body.toString())
            .language(options.language())
            .build());
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
