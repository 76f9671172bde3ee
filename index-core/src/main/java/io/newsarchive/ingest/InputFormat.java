package io.newsarchive.ingest;

import java.io.IOException;
import java.io.InputStream;
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
  KAYHAN_TEXT(List.of("kayhan", "kayhan-text"), KayhanTextReader::looksLike) {
    @Override
    public ArticleReader open(Path file, ReadOptions options, IngestListener listener)
        throws IOException {
      return KayhanTextReader.open(file, options, listener);
    }

    @Override
    ArticleReader openEntry(
        InputName name, InputStream in, ReadOptions options, IngestListener listener)
        throws IOException {
      return KayhanTextReader.read(name.shown(), in, options, listener);
    }
  },
  /** Reuters-21578 SGML ({@code reut2-NNN.sgm}); see {@link ReutersSgmlReader}. */
  REUTERS_SGML(List.of("reuters", "reuters-sgml", "sgml"), ReutersSgmlReader::looksLike) {
    @Override
    public ArticleReader open(Path file, ReadOptions options, IngestListener listener)
        throws IOException {
      return ReutersSgmlReader.open(file, options, listener);
    }

    @Override
    ArticleReader openEntry(
        InputName name, InputStream in, ReadOptions options, IngestListener listener)
        throws IOException {
      return ReutersSgmlReader.read(name.shown(), in, options, listener);
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

    @Override
    ArticleReader openEntry(
        InputName name, InputStream in, ReadOptions options, IngestListener listener)
        throws IOException {
      return JsonLinesReader.read(name.shown(), in, options, listener);
    }
  },
  /** Web archives (WARC), one article per captured HTML page; see {@link WarcReader}. */
  WARC(List.of("warc"), WarcReader::looksLike) {
    @Override
    public ArticleReader open(Path file, ReadOptions options, IngestListener listener)
        throws IOException {
      return WarcReader.open(file, options, listener);
    }

    @Override
    ArticleReader openEntry(
        InputName name, InputStream in, ReadOptions options, IngestListener listener)
        throws IOException {
      // The entry's size is not the WARC's when it was gzip-compressed; the archive's limits
      // bound what it may expand to instead.
      return WarcReader.read(name.shown(), in, Long.MAX_VALUE, options, listener);
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

    @Override
    ArticleReader openEntry(
        InputName name, InputStream in, ReadOptions options, IngestListener listener)
        throws IOException {
      return SmartCollectionReader.read(name.shown(), in, options, listener);
    }
  },
  /**
   * Saved RSS 0.9x/1.0/2.0 and Atom feeds, one article per item or entry; see {@link FeedReader}.
   */
  FEED(List.of("feed", "rss", "atom"), FeedReader::looksLike) {
    @Override
    public ArticleReader open(Path file, ReadOptions options, IngestListener listener)
        throws IOException {
      return FeedReader.open(InputName.of(file), options, listener);
    }

    @Override
    public ArticleReader open(InputName name, ReadOptions options, IngestListener listener)
        throws IOException {
      return FeedReader.open(name, options, listener);
    }

    @Override
    ArticleReader openEntry(
        InputName name, InputStream in, ReadOptions options, IngestListener listener)
        throws IOException {
      return FeedReader.read(name, in, options, listener);
    }
  },
  /** Saved HTML pages, one article a file; see {@link HtmlPageReader}. */
  HTML(List.of("html", "htm"), HtmlPageReader::looksLike) {
    @Override
    public ArticleReader open(Path file, ReadOptions options, IngestListener listener)
        throws IOException {
      return HtmlPageReader.open(InputName.of(file), options, listener);
    }

    @Override
    public ArticleReader open(InputName name, ReadOptions options, IngestListener listener)
        throws IOException {
      return HtmlPageReader.open(name, options, listener);
    }

    @Override
    ArticleReader openEntry(
        InputName name, InputStream in, ReadOptions options, IngestListener listener)
        throws IOException {
      return HtmlPageReader.read(name, in, options, listener);
    }
  },
  /**
   * Plain text, one article a file: headline on the first line, body after; see {@link
   * PlainTextReader}. Detected only for {@code .txt} files that no other format claims.
   */
  TEXT(List.of("text", "plain-text", "txt"), head -> false) {
    @Override
    public ArticleReader open(Path file, ReadOptions options, IngestListener listener)
        throws IOException {
      return PlainTextReader.open(InputName.of(file), options, listener);
    }

    @Override
    public ArticleReader open(InputName name, ReadOptions options, IngestListener listener)
        throws IOException {
      return PlainTextReader.open(name, options, listener);
    }

    @Override
    ArticleReader openEntry(
        InputName name, InputStream in, ReadOptions options, IngestListener listener)
        throws IOException {
      return PlainTextReader.read(name, in, options, listener, Optional.empty());
    }
  },
  /**
   * Zip and tar archives (the tar gzip-compressed or not), whose entries are read one by one in
   * their own formats; see {@link ArchiveReader}.
   */
  ARCHIVE(List.of("archive", "zip", "tar"), ArchiveReader::looksLike) {
    @Override
    public ArticleReader open(Path file, ReadOptions options, IngestListener listener)
        throws IOException {
      return ArchiveReader.open(InputName.of(file), options, listener);
    }

    @Override
    public ArticleReader open(InputName name, ReadOptions options, IngestListener listener)
        throws IOException {
      return ArchiveReader.open(name, options, listener);
    }

    @Override
    ArticleReader openEntry(
        InputName name, InputStream in, ReadOptions options, IngestListener listener) {
      throw new IllegalStateException("an archive inside an archive is not read");
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

  /**
   * Opens a file of this format, named as {@code name} says; plain text, feeds and HTML pages take
   * sources (and plain text and pages ids) from the name, the other formats only the path.
   *
   * @throws IOException when the file cannot be opened
   */
  public ArticleReader open(InputName name, ReadOptions options, IngestListener listener)
      throws IOException {
    return open(name.shown(), options, listener);
  }

  /** Reads a stream of this format, such as an archive entry, that {@code name} names. */
  abstract ArticleReader openEntry(
      InputName name, InputStream in, ReadOptions options, IngestListener listener)
      throws IOException;

  /** The short name users type, e.g. {@code kayhan}. */
  public String userName() {
    return names.get(0);
  }

  /**
   * The format of a file judged from its first {@value TextInput#HEAD_CHARS} characters (after
   * gunzipping), or empty when no format, or more than one, fits. The content decides; the name
   * only tells plain text ({@code .txt}) from a file of no known format.
   *
   * @throws IOException when the file cannot be read
   */
  public static Optional<InputFormat> detect(Path file) throws IOException {
    return detect(file.getFileName().toString(), TextInput.head(file, StandardCharsets.UTF_8));
  }

  /**
   * The format of a file or archive entry named {@code fileName} that starts with {@code head}: an
   * archive first, since its first entry's text follows its header; else the one layout that fits;
   * else plain text for a {@code .txt} file of text.
   */
  static Optional<InputFormat> detect(String fileName, String head) {
    if (ARCHIVE.sniffer.test(head)) {
      return Optional.of(ARCHIVE);
    }
    List<InputFormat> matches = new ArrayList<>();
    for (InputFormat format : values()) {
      if (format.sniffer.test(head)) {
        matches.add(format);
      }
    }
    if (matches.isEmpty() && PlainTextReader.looksLike(fileName, head)) {
      return Optional.of(TEXT);
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
