package io.newsarchive.ingest;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads plain-text article dumps in the layout of Kayhan International's site (UTF-8, one or more
 * articles per file):
 *
 * <pre>
 * kayhan.ir
 *
 * News ID: 83245
 * Publish Date : 26 September 2020 - 21:55
 *
 * Pompeo Threatens to ‘Liquidate’ Iraq’s Anti-Terror Groups
 *
 * WASHINGTON (Dispatches) -- Secretary of State Mike Pompeo ...
 * Pompeo’s demand creates a stark dilemma ...
 * </pre>
 *
 * <p>An article starts at its source line, the line just before its {@code News ID:} (or {@code
 * Publish Date}) header; then comes the headline, then one body paragraph per line. The source line
 * becomes {@link Article#source()}, the News ID {@link Article#sourceId()}, and the date, a local
 * time, is read in {@link ReadOptions#kayhanZone()}. Paragraphs are joined with {@code \n}. CRLF
 * line ends, trailing spaces, a byte order mark and a missing final newline are all accepted;
 * typographic quotes are kept as they are. A record without News ID, with an unreadable date or
 * without headline is rejected and reading goes on with the next record; a record without any date
 * is kept undated, with a warning. Not thread-safe.
 */
public final class KayhanTextReader implements ArticleReader {

  /** Far more than any article has; a longer "record" means the file is not in this format. */
  static final int MAX_RECORD_LINES = 20_000;

  private static final Pattern NEWS_ID = Pattern.compile("(?i)\\s*news\\s*id\\s*:(.*)");
  private static final Pattern PUBLISH_DATE =
      Pattern.compile("(?i)\\s*publish(?:ed)?\\s*date\\s*:(.*)");
  private static final Pattern DASH = Pattern.compile("\\s*-\\s*");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final DateTimeFormatter DATE =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("d [MMMM][MMM] uuuu[ - HH:mm[:ss]]")
          .toFormatter(Locale.ENGLISH)
          .withResolverStyle(ResolverStyle.STRICT);

  private final Path file;
  private final ZoneId zone;
  private final IngestListener listener;
  private final LineInput reader;
  private final int maxRecordChars;
  private final List<Line> carried = new ArrayList<>();
  private long records;
  private boolean overlong;

  private KayhanTextReader(
      Path file, ReadOptions options, IngestListener listener, LineInput reader) {
    this.file = file;
    this.zone = options.kayhanZone();
    this.maxRecordChars = options.maxRecordChars();
    this.listener = listener;
    this.reader = reader;
  }

  /**
   * Opens a file for reading; gzip files are decompressed on the fly.
   *
   * @throws IOException when the file cannot be opened
   */
  public static KayhanTextReader open(Path file, ReadOptions options, IngestListener listener)
      throws IOException {
    Objects.requireNonNull(listener, "listener");
    LineInput reader = TextInput.openLines(file, StandardCharsets.UTF_8, options.maxRecordChars());
    return new KayhanTextReader(file, options, listener, reader);
  }

  /** Reads a stream, such as an archive entry, named {@code name} in messages. */
  static KayhanTextReader read(
      Path name, java.io.InputStream in, ReadOptions options, IngestListener listener)
      throws IOException {
    Objects.requireNonNull(listener, "listener");
    LineInput reader = TextInput.openLines(in, StandardCharsets.UTF_8, options.maxRecordChars());
    return new KayhanTextReader(name, options, listener, reader);
  }

  /**
   * Whether the start of a file has this layout: a source line followed by header lines that
   * include {@code News ID:}.
   */
  static boolean looksLike(String head) {
    List<String> lines = head.lines().filter(line -> !TextInput.isBlank(line)).limit(4).toList();
    if (lines.size() < 2 || isHeader(lines.get(0))) {
      return false;
    }
    for (String line : lines.subList(1, lines.size())) {
      if (!isHeader(line)) {
        return false;
      }
      if (NEWS_ID.matcher(line).matches()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Optional<Article> next() throws IOException {
    List<Line> record = readRecord();
    while (!record.isEmpty()) {
      records++;
      try {
        return Optional.of(parse(record));
      } catch (IllegalArgumentException e) {
        listener.rejected(new Rejection(file, record.get(0).number(), records, e.getMessage()));
      }
      record = readRecord();
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

  /**
   * The lines of the next record, from its source line on, or empty at the end of the file. Only
   * the first {@value #MAX_RECORD_LINES} lines and {@link ReadOptions#maxRecordChars()} characters
   * are kept, so a file in another format cannot fill the memory; such a record is then rejected.
   */
  private List<Line> readRecord() throws IOException {
    List<Line> lines = new ArrayList<>(carried);
    carried.clear();
    overlong = false;
    long chars = 0;
    Line lastText = lines.isEmpty() ? null : lines.get(lines.size() - 1);
    String text;
    while ((text = nextLine()) != null) {
      Line line = new Line(reader.lineNumber(), TextInput.stripTrailing(text));
      boolean blank = TextInput.isBlank(line.text());
      if (isHeader(line.text())
          && lastText != null
          && lastText.number() != lines.get(0).number()
          && !isHeader(lastText.text())) {
        // The last text line before this header is the next record's source line.
        carried.add(lastText);
        carried.add(line);
        int end = lines.indexOf(lastText);
        return List.copyOf(lines.subList(0, end < 0 ? lines.size() : end));
      }
      chars += text.length() + 1;
      if (lines.size() >= MAX_RECORD_LINES || chars > maxRecordChars) {
        overlong = true;
      } else if (!lines.isEmpty() || !blank) {
        lines.add(line);
      }
      if (!blank) {
        lastText = line;
      }
    }
    return lines;
  }

  /** The next line; a line over the record limit is passed over and makes the record overlong. */
  private String nextLine() throws IOException {
    try {
      return reader.readLine();
    } catch (OversizedRecordException e) {
      overlong = true;
      return "";
    }
  }

  private Article parse(List<Line> lines) {
    Line sourceLine = lines.get(0);
    if (overlong) {
      throw new IllegalArgumentException(
          String.format(
              "record runs over %,d lines or %,d characters (--max-record-size) without a next"
                  + " 'News ID:' header; not read",
              MAX_RECORD_LINES, maxRecordChars));
    }
    if (isHeader(sourceLine.text())) {
      throw new IllegalArgumentException(
          "no source line (such as 'kayhan.ir') before '" + sourceLine.text().strip() + "'");
    }
    Header header = new Header();
    int next = header.read(lines, 1);
    if (header.newsId.isEmpty()) {
      throw new IllegalArgumentException("no 'News ID:' value in the record's header");
    }
    if (next >= lines.size()) {
      throw new IllegalArgumentException("News ID " + header.newsId + " has no title");
    }
    Article.Builder article =
        Article.builder()
            .source(sourceLine.text().strip())
            .sourceId(header.newsId)
            .title(lines.get(next).text().strip())
            .body(paragraphs(lines.subList(next + 1, lines.size())))
            .language("en");
    if (header.dateLine == null) {
      listener.warned(
          new Rejection(
              file,
              sourceLine.number(),
              records,
              "News ID " + header.newsId + " has no 'Publish Date'; kept undated"));
    } else {
      article.published(parseDate(header.dateText, header.dateLine), header.dateText);
    }
    return article.build();
  }

  /** The non-blank lines, stripped, one paragraph per line. */
  private static String paragraphs(List<Line> lines) {
    StringBuilder body = new StringBuilder();
    for (Line line : lines) {
      if (!TextInput.isBlank(line.text())) {
        body.append(line.text().strip()).append('\n');
      }
    }
    return body.toString();
  }

  private Instant parseDate(String text, Line line) {
    String normalized =
        DASH.matcher(SPACES.matcher(text.strip()).replaceAll(" ")).replaceAll(" - ");
    try {
      TemporalAccessor parsed = DATE.parseBest(normalized, LocalDateTime::from, LocalDate::from);
      LocalDateTime local =
          parsed instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) parsed;
      return local.atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "unreadable Publish Date '"
              + text
              + "' on line "
              + line.number()
              + ": expected a date like '26 September 2020 - 21:55'",
          e);
    }
  }

  private static boolean isHeader(String text) {
    return NEWS_ID.matcher(text).matches() || PUBLISH_DATE.matcher(text).matches();
  }

  /** One input line and its 1-based number. */
  private record Line(long number, String text) {}

  /** The News ID and Publish Date lines that follow a source line. */
  private static final class Header {
    private String newsId = "";
    private String dateText = "";
    private Line dateLine;

    /** Reads header lines from {@code start}; returns the index of the first non-header line. */
    int read(List<Line> lines, int start) {
      int index = start;
      for (; index < lines.size(); index++) {
        Line line = lines.get(index);
        Matcher id = NEWS_ID.matcher(line.text());
        Matcher date = PUBLISH_DATE.matcher(line.text());
        if (id.matches()) {
          newsId = id.group(1).strip();
        } else if (date.matches()) {
          dateText = date.group(1).strip();
          dateLine = line;
        } else if (!TextInput.isBlank(line.text())) {
          break;
        }
      }
      return index;
    }
  }
}
