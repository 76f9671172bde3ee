package io.newsarchive.ingest;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the document files of the classic SMART test collections, one article per record, in either
 * of their two layouts:
 *
 * <ul>
 *   <li>TIME ({@code TIME.ALL}): a header {@code *TEXT 017 01/04/63 PAGE 020} followed by the
 *       story's text; {@code *STOP} ends the file. The date is the magazine's issue date (MM/DD/YY,
 *       19YY), a UTC day; a date written {@code 08/30 63} is read too, with a warning.
 *   <li>CACM, CISI, MED, CRAN ({@code cacm.all}, {@code CISI.ALL}, {@code MED.ALL}, {@code
 *       cran.all.1400}): a header {@code .I 1} followed by fields, each opened by a line {@code .T}
 *       (title), {@code .W} (text), {@code .A} (one author per line), {@code .B} (bibliographic
 *       note, e.g. {@code CACM December, 1958}, which gives the date as the first of the month) or
 *       another letter (ignored).
 * </ul>
 *
 * <p>The collection name is the file name up to its first dot, lower-cased ({@code time}, {@code
 * cacm}), and becomes {@link Article#source()}; the record number without leading zeros is {@link
 * Article#sourceId()}, so ids read {@code time-17}: the document number the collection's relevance
 * judgments use. Hard-wrapped lines are joined with spaces; the text keeps its case. A record
 * without any text is rejected with its line, and reading goes on. Not thread-safe.
 */
public final class SmartCollectionReader implements ArticleReader {

  /** Far more than any record has; a longer one means the file is not in this layout. */
  static final int MAX_RECORD_LINES = 20_000;

  private static final Pattern HEAD =
      Pattern.compile("\\A\\s*(\\*TEXT\\s+\\d+\\b|\\.I\\s+\\d+\\s*$)", Pattern.MULTILINE);
  private static final Pattern TEXT_HEADER = Pattern.compile("\\*TEXT\\s+(\\d+)\\b\\s*(.*)");
  private static final Pattern DOT_HEADER = Pattern.compile("\\.I\\s+(\\d+)\\s*");
  private static final Pattern DOT_FIELD = Pattern.compile("\\.([A-Z])\\s*");
  private static final Pattern ISSUE_DATE =
      Pattern.compile("(\\d{1,2})/(\\d{1,2})([/ ])(\\d{2})\\b");
  private static final Pattern MONTH_YEAR =
      Pattern.compile(
          "\\b(January|February|March|April|May|June|July|August|September|October|November"
              + "|December),?\\s+(\\d{4})\\b");
  private static final String STOP = "*STOP";

  private final Path file;
  private final String collection;
  private final IngestListener listener;
  private final LineInput reader;
  private Record open;
  private long records;
  private boolean ended;
  private boolean reportedEmpty;

  private final int maxRecordChars;

  private SmartCollectionReader(
      Path file, IngestListener listener, LineInput reader, int maxRecordChars) {
    this.file = file;
    this.maxRecordChars = maxRecordChars;
    this.collection = collectionName(file);
    this.listener = listener;
    this.reader = reader;
  }

  /**
   * Opens a file for reading as UTF-8 (the collections are ASCII); gzip files are decompressed on
   * the fly.
   *
   * @throws IOException when the file cannot be opened
   */
  public static SmartCollectionReader open(Path file, IngestListener listener) throws IOException {
    return open(file, ReadOptions.defaults(), listener);
  }

  /**
   * Opens a file for reading as UTF-8 with the record limit of {@code options}; gzip files are
   * decompressed on the fly.
   *
   * @throws IOException when the file cannot be opened
   */
  public static SmartCollectionReader open(Path file, ReadOptions options, IngestListener listener)
      throws IOException {
    Objects.requireNonNull(listener, "listener");
    return new SmartCollectionReader(
        file,
        listener,
        TextInput.openLines(file, StandardCharsets.UTF_8, options.maxRecordChars()),
        options.maxRecordChars());
  }

  /** Reads a stream, such as an archive entry, named {@code name} in messages. */
  static SmartCollectionReader read(
      Path name, java.io.InputStream in, ReadOptions options, IngestListener listener)
      throws IOException {
    Objects.requireNonNull(listener, "listener");
    return new SmartCollectionReader(
        name,
        listener,
        TextInput.openLines(in, StandardCharsets.UTF_8, options.maxRecordChars()),
        options.maxRecordChars());
  }

  /** Whether the first non-blank line of a file is a {@code *TEXT n} or {@code .I n} header. */
  static boolean looksLike(String head) {
    return HEAD.matcher(head).find();
  }

  /** The collection a file holds, from its name: {@code TIME.ALL} gives {@code time}. */
  static String collectionName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  @Override
  public Optional<Article> next() throws IOException {
    String line;
    while (!ended && (line = nextLine()) != null) {
      long number = reader.lineNumber();
      if (line.strip().equals(STOP)) {
        ended = true;
        break;
      }
      Record started = header(line.strip(), number);
      if (started != null) {
        Record finished = open;
        open = started;
        if (finished != null) {
          Optional<Article> article = finish(finished);
          if (article.isPresent()) {
            return article;
          }
        }
      } else if (open != null) {
        open.add(line);
        if (open.lines > MAX_RECORD_LINES || open.chars > maxRecordChars) {
          reject(
              open,
              String.format(
                  "record runs over %,d lines or %,d characters (--max-record-size) without a"
                      + " next header",
                  MAX_RECORD_LINES, maxRecordChars));
          open = null;
          ended = true;
        }
      } else if (!line.isBlank()) {
        listener.rejected(
            new Rejection(file, number, 0, "text before the first *TEXT or .I header: skipped"));
      }
    }
    if (open != null) {
      Record last = open;
      open = null;
      return finish(last);
    }
    if (records == 0 && !reportedEmpty) {
      reportedEmpty = true;
      listener.rejected(new Rejection(file, 0, 0, "no *TEXT or .I records in this file"));
    }
    return Optional.empty();
  }

  /**
   * The next line; a line over the record limit ends the file's reading with a rejection, as an
   * overlong record does: the file is not in this layout.
   */
  private String nextLine() throws IOException {
    try {
      return reader.readLine();
    } catch (OversizedRecordException e) {
      listener.rejected(
          new Rejection(file, e.line(), open == null ? 0 : open.ordinal, e.getMessage()));
      open = null;
      ended = true;
      return null;
    }
  }

  @Override
  public String position() {
    return String.format("line %,d (record %,d)", reader.lineNumber(), records);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** The record a header line opens, or null when the line is no header. */
  private Record header(String line, long number) {
    Matcher text = TEXT_HEADER.matcher(line);
    if (text.matches()) {
      return new Record(text.group(1), text.group(2), number, ++records, 'W');
    }
    Matcher dot = DOT_HEADER.matcher(line);
    if (dot.matches()) {
      return new Record(dot.group(1), "", number, ++records, 'W');
    }
    return null;
  }

  private Optional<Article> finish(Record record) {
    String body = record.text('W');
    String title = record.text('T');
    if (body.isEmpty() && title.isEmpty()) {
      reject(record, "record " + record.number + " has no text");
      return Optional.empty();
    }
    String localId = record.number.replaceFirst("^0+(?=\\d)", "");
    Article.Builder article =
        Article.builder()
            .source(collection)
            .sourceId(localId)
            .title(title)
            .body(body)
            .language("en");
    for (String author : record.lines('A')) {
      article.author(author);
    }
    date(record, article);
    try {
      return Optional.of(article.build());
    } catch (IllegalArgumentException e) {
      reject(record, e.getMessage());
      return Optional.empty();
    }
  }

  /** Sets the date from a TIME header's issue date or a {@code .B} note's month and year. */
  private void date(Record record, Article.Builder article) {
    Matcher issue = ISSUE_DATE.matcher(record.header);
    if (issue.find()) {
      String text = issue.group();
      try {
        LocalDate day =
            LocalDate.of(
                1900 + Integer.parseInt(issue.group(4)),
                Integer.parseInt(issue.group(1)),
                Integer.parseInt(issue.group(2)));
        article.published(day.atStartOfDay(ZoneOffset.UTC).toInstant(), text);
        if (issue.group(3).equals(" ")) {
          warn(record, "date '" + text + "' has a space for its second '/': read as " + day);
        }
      } catch (DateTimeException e) {
        warn(record, "date '" + text + "' is not a calendar day: kept undated");
      }
      return;
    }
    Matcher note = MONTH_YEAR.matcher(record.text('B'));
    if (note.find()) {
      Month month = Month.valueOf(note.group(1).toUpperCase(Locale.ROOT));
      LocalDate day = LocalDate.of(Integer.parseInt(note.group(2)), month, 1);
      article.published(day.atStartOfDay(ZoneOffset.UTC).toInstant(), note.group());
    }
  }

  private void reject(Record record, String reason) {
    listener.rejected(new Rejection(file, record.line, record.ordinal, reason));
  }

  private void warn(Record record, String reason) {
    listener.warned(new Rejection(file, record.line, record.ordinal, reason));
  }

  /** The lines of one record so far, by field letter. */
  private static final class Record {
    final String number;
    final String header;
    final long line;
    final long ordinal;
    final Map<Character, List<String>> fields = new HashMap<>();
    char field;
    int lines;
    long chars;

    Record(String number, String header, long line, long ordinal, char firstField) {
      this.number = number;
      this.header = header;
      this.line = line;
      this.ordinal = ordinal;
      this.field = firstField;
    }

    void add(String line) {
      lines++;
      chars += line.length() + 1;
      Matcher marker = DOT_FIELD.matcher(line);
      if (marker.matches()) {
        field = marker.group(1).charAt(0);
        return;
      }
      if (line.isBlank()) {
        return;
      }
      fields.computeIfAbsent(field, f -> new ArrayList<>()).add(line.strip());
    }

    /** The stripped non-blank lines of a field, in order; empty when the record lacks it. */
    List<String> lines(char letter) {
      return fields.getOrDefault(letter, List.of());
    }

    /** The lines of a field joined with single spaces. */
    String text(char letter) {
      return String.join(" ", lines(letter));
    }
  }
}
