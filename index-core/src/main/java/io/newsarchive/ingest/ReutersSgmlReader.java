package io.newsarchive.ingest;

import io.newsarchive.article.Article;
import io.newsarchive.article.CodeScheme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads Reuters-21578 SGML files ({@code reut2-NNN.sgm}, ISO-8859-1, not XML), one article per
 * {@code <REUTERS>} record.
 *
 * <ul>
 *   <li>{@code source} is {@code reuters}, {@code sourceId} the NEWID, language {@code en}.
 *   <li>The DATE, e.g. {@code 26-FEB-1987 15:01:01.79}, is UTC. A malformed value (two spaces, an
 *       hour of {@code 605}) keeps what can be read (the time when valid, else the day) and is
 *       reported as a warning with the original text.
 *   <li>The title is TITLE, on one line. The body is the DATELINE followed by the BODY, its
 *       hard-wrapped lines joined into paragraphs (one per line) and the closing {@code Reuter}
 *       signature dropped. Records without BODY (TEXT TYPE BRIEF or UNPROC) keep the rest of their
 *       TEXT, line by line, minus the {@code Blah blah blah.} placeholder of headline-only briefs;
 *       a headline-only record is indexed with an empty body.
 *   <li>AUTHOR becomes an author without the "By " and ", Reuters" around the name.
 *   <li>TOPICS, PLACES, PEOPLE, ORGS and EXCHANGES {@code <D>} lists become {@link CodeScheme}
 *       codes.
 *   <li>Character references ({@code &lt;}, {@code &amp;}, {@code &#22;} ...) are decoded and
 *       control characters dropped; tags are recognized only by their known names, so a stray
 *       {@code <} in the text is kept as text.
 * </ul>
 *
 * <p>A record without any text keeps its date and codes and is reported as a warning; a record
 * without NEWID or never closed is rejected with the line it starts on, and reading goes on. Not
 * thread-safe.
 */
public final class ReutersSgmlReader implements ArticleReader {

  /** Real records are under 20 KB; a longer one is a broken file, so stop collecting it. */
  static final int MAX_RECORD_CHARS = 1 << 20;

  private static final String OPEN = "<REUTERS";
  private static final String CLOSE = "</REUTERS>";
  private static final Pattern RECORD_TAG = Pattern.compile("<REUTERS\\b[^>]*\\bNEWID=\"\\d+\"");

  private final Path file;
  private final IngestListener listener;
  private final LineInput reader;
  private long records;
  private boolean reportedEmpty;
  private String pending;
  private OversizedRecordException oversized;

  private ReutersSgmlReader(Path file, IngestListener listener, LineInput reader) {
    this.file = file;
    this.listener = listener;
    this.reader = reader;
  }

  /**
   * Opens a file for reading as ISO-8859-1; gzip files are decompressed on the fly.
   *
   * @throws IOException when the file cannot be opened
   */
  public static ReutersSgmlReader open(Path file, IngestListener listener) throws IOException {
    return open(file, ReadOptions.defaults(), listener);
  }

  /**
   * Opens a file for reading as ISO-8859-1, with the record limit of {@code options}; gzip files
   * are decompressed on the fly.
   *
   * @throws IOException when the file cannot be opened
   */
  public static ReutersSgmlReader open(Path file, ReadOptions options, IngestListener listener)
      throws IOException {
    Objects.requireNonNull(listener, "listener");
    int limit = Math.min(options.maxRecordChars(), MAX_RECORD_CHARS);
    return new ReutersSgmlReader(
        file, listener, TextInput.openLines(file, StandardCharsets.ISO_8859_1, limit));
  }

  /** Reads a stream, such as an archive entry, named {@code name} in messages. */
  static ReutersSgmlReader read(
      Path name, java.io.InputStream in, ReadOptions options, IngestListener listener)
      throws IOException {
    Objects.requireNonNull(listener, "listener");
    int limit = Math.min(options.maxRecordChars(), MAX_RECORD_CHARS);
    return new ReutersSgmlReader(
        name, listener, TextInput.openLines(in, StandardCharsets.ISO_8859_1, limit));
  }

  /** Whether the start of a file holds a {@code <REUTERS ... NEWID="n">} record tag. */
  static boolean looksLike(String head) {
    return RECORD_TAG.matcher(head).find();
  }

  @Override
  public Optional<Article> next() throws IOException {
    String line;
    while ((line = nextLine()) != null) {
      if (oversized != null) {
        reject(oversized.line(), oversized.getMessage());
        oversized = null;
      } else if (line.startsWith(OPEN)) {
        Optional<Article> article = readRecord(line, reader.lineNumber());
        if (article.isPresent()) {
          return article;
        }
      }
    }
    if (records == 0 && !reportedEmpty) {
      reportedEmpty = true;
      listener.rejected(new Rejection(file, 0, 0, "no <REUTERS> records in this file"));
    }
    return Optional.empty();
  }

  @Override
  public String position() {
    return String.format("line %,d (record %,d)", reader.lineNumber(), records);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** Reads the rest of the record begun by {@code first}; empty when it was rejected. */
  private Optional<Article> readRecord(String first, long startLine) throws IOException {
    records++;
    StringBuilder record = new StringBuilder(4096).append(first).append('\n');
    String line = first;
    while (!line.contains(CLOSE)) {
      line = nextLine();
      if (oversized != null) {
        reject(startLine, oversized.getMessage() + " at line " + oversized.line());
        oversized = null;
        return Optional.empty();
      }
      if (line == null || line.startsWith(OPEN)) {
        pending = line;
        reject(startLine, "record is not closed with </REUTERS>");
        return Optional.empty();
      }
      record.append(line).append('\n');
      if (record.length() > MAX_RECORD_CHARS) {
        reject(
            startLine, "record runs over " + MAX_RECORD_CHARS + " characters without </REUTERS>");
        return Optional.empty();
      }
    }
    try {
      return Optional.of(ReutersRecord.parse(record.toString(), reason -> warn(startLine, reason)));
    } catch (IllegalArgumentException e) {
      reject(startLine, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * The next line, or the one put back by an unclosed record; null at the end. A line over the
   * limit is passed over: it comes back empty, with {@link #oversized} saying why.
   */
  private String nextLine() throws IOException {
    if (pending != null) {
      String line = pending;
      pending = null;
      return line;
    }
    try {
      return reader.readLine();
    } catch (OversizedRecordException e) {
      oversized = e;
      return "";
    }
  }

  private void reject(long line, String reason) {
    listener.rejected(new Rejection(file, line, records, reason));
  }

  private void warn(long line, String reason) {
    listener.warned(new Rejection(file, line, records, reason));
  }
}
