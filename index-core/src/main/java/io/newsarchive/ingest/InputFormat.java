package io.newsarchive.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The input formats the archive reads, each with the reader that turns its files into articles.
 * Users name a format with {@link #parse}; {@link #detect} recognizes it from a file's content.
 * Thread-safe; each {@link #open} returns a new, unshared source.
 */
public enum InputFormat {
  /**
   * Plain-text dumps in the layout of Kayhan International's site; see {@link KayhanTextReader}.
   */
  KAYHAN_TEXT(List.of("kayhan", "kayhan-text", "text"), KayhanTextReader::looksLike) {
    @Override
    public ArticleReader open(Path file, ReadOptions options, IngestListener listener)
        throws IOException {
      return KayhanTextReader.open(file, options, listener);
    }
  },
  /** Reuters-21578 SGML ({@code reut2-NNN.sgm}); see {@link ReutersSgmlReader}. */
  REUTERS_SGML(List.of("reuters", "reuters-sgml", "sgml"), ReutersSgmlReader::looksLike) {
    @Override
    public ArticleReader open(Path file, ReadOptions options, IngestListener listener)
        throws IOException {
      return ReutersSgmlReader.open(file, options, listener);
    }
  },
  /**
   * One JSON object per line, fields named by a {@link JsonFieldMapping}; see {@link
   * JsonLinesReader}.
   */
  JSON_LINES(List.of("jsonl", "json-lines", "ndjson", "json"), JsonLinesReader::looksLike) {
    @Override
    public ArticleReader open(Path file, ReadOptions options, IngestListener listener)
        throws IOException {
      return JsonLinesReader.open(file, options, listener);
    }
  },
  /** Web archives (WARC), one article per captured HTML page; see {@link WarcReader}. */
  WARC(List.of("warc"), WarcReader::looksLike) {
    @Override
    public ArticleReader open(Path file, ReadOptions options, IngestListener listener)
        throws IOException {
      return WarcReader.open(file, options, listener);
    }
  },
  /**
   * Document files of the SMART test collections (TIME, CACM, CISI, MED, CRAN); see {@link
   * SmartCollectionReader}.
   */
  SMART(List.of("smart", "smart-collection"), SmartCollectionReader::looksLike) {
    @Override
    public ArticleReader open(Path file, ReadOptions options, IngestListener listener)
        throws IOException {
      return SmartCollectionReader.open(file, options, listener);
    }
  };

  private final List<String> names;
  private final Predicate<String> sniffer;

  InputFormat(List<String> names, Predicate<String> sniffer) {
    this.names = names;
    this.sniffer = sniffer;
  }

  /**
   * Opens a file of this format for reading; gzip-compressed files are decompressed on the fly.
   *
   * @param file the input file
   * @param options what the file cannot carry itself (time zone, JSON mapping)
   * @param listener receives rejected records and warnings
   * @return a reader that the caller must close
   * @throws IOException when the file cannot be opened
   */
  public abstract ArticleReader open(Path file, ReadOptions options, IngestListener listener)
      throws IOException;

  /** The short name users type, e.g. {@code kayhan}. */
  public String userName() {
    return names.get(0);
  }

  /**
   * The format of a file judged from its first {@value TextInput#HEAD_CHARS} characters (after
   * gunzipping), or empty when no format, or more than one, fits. The file name plays no part.
   *
   * @throws IOException when the file cannot be read
   */
  public static Optional<InputFormat> detect(Path file) throws IOException {
    String head = TextInput.head(file, StandardCharsets.UTF_8);
    List<InputFormat> matches = new ArrayList<>();
    for (InputFormat format : values()) {
      if (format.sniffer.test(head)) {
        matches.add(format);
      }
    }
    return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
  }

  /**
   * The format a user named, e.g. on a {@code --format} option: a short name such as {@code
   * kayhan}, or the constant's name in any case.
   *
   * @throws IllegalArgumentException when the text names no format; the message lists the choices
   */
  public static InputFormat parse(String userText) {
    String wanted = userText == null ? "" : userText.strip().toLowerCase(Locale.ROOT);
    for (InputFormat format : values()) {
      if (format.names.contains(wanted)
          || format.name().toLowerCase(Locale.ROOT).equals(wanted.replace('-', '_'))) {
        return format;
      }
    }
    List<String> choices = new ArrayList<>();
    for (InputFormat format : values()) {
      choices.add(format.userName());
    }
    throw new IllegalArgumentException(
        "unknown format '" + userText + "': expected one of " + String.join(", ", choices));
  }
}
