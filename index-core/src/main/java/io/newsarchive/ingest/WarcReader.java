package io.newsarchive.ingest;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads web archives (WARC 1.0/1.1, plain or gzip-compressed per record): every HTML page captured
 * with HTTP status 200 becomes one article. Other records (requests, metadata, revisits, redirects,
 * images, scripts) are not articles and are passed over.
 *
 * <p>The page's URL is {@link Article#url()}, its host without {@code www.} the source, and its id
 * is derived from the URL ({@link WebAddress#articleId}), as for a saved page of the same URL.
 * Title, text, date, language and authors come from the HTML as {@link HtmlPage} describes; chunked
 * and compressed HTTP bodies are decoded, and the charset is taken from the HTTP header or the
 * page. The date is the page's own publication date; the WARC capture date is not used, since a
 * page may be captured years after it appeared, so a page without one is kept undated. A page with
 * neither title nor text is rejected, numbered by its place among the file's responses; an
 * unreadable date is reported as a warning. Not thread-safe.
 */
public final class WarcReader implements ArticleReader {

  private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");

  private final Path file;
  private final IngestListener listener;
  private final org.netpreserve.jwarc.WarcReader reader;
  private final int maxRecordChars;
  private final long fileSize;
  private long responses;

  private WarcReader(
      Path file,
      IngestListener listener,
      org.netpreserve.jwarc.WarcReader reader,
      ReadLimits limits) {
    this.file = file;
    this.fileSize = limits.fileSize();
    int maxRecordChars = limits.maxRecordChars();
    this.listener = listener;
    this.reader = reader;
    this.maxRecordChars = maxRecordChars;
    reader.onWarning(warning ->
        listener.warned(
            new Rejection(file, 0, responses, warning + " (near byte " + reader.position() + ")")));
  }

  /**
   * Opens a WARC file for reading with the default record limit.
   *
   * @throws IOException when the file cannot be opened
   */
  public static WarcReader open(Path file, IngestListener listener) throws IOException {
    return open(file, ReadOptions.defaults(), listener);
  }

  /**
   * Opens a WARC file for reading; a page whose payload is longer than {@link
   * ReadOptions#maxRecordChars()} bytes, or decodes to more, is rejected unread.
   *
   * @throws IOException when the file cannot be opened
   */
  public static WarcReader open(Path file, ReadOptions options, IngestListener listener)
      throws IOException {
    Objects.requireNonNull(listener, "listener");
    org.netpreserve.jwarc.WarcReader reader = new org.netpreserve.jwarc.WarcReader(file);
    try {
      ReadLimits limits = new ReadLimits(java.nio.file.Files.size(file), options.maxRecordChars());
      return new WarcReader(file, listener, reader, limits);
    } catch (IOException e) {
      reader.close();
      throw e;
    }
  }

  /**
   * Reads a stream, such as an archive entry, named {@code name} in messages and {@code size} bytes
   * long (gzip-compressed or not).
   */
  static WarcReader read(
      Path name, java.io.InputStream in, long size, ReadOptions options, IngestListener listener)
      throws IOException {
    Objects.requireNonNull(listener, "listener");
    return new WarcReader(
        name,
        listener,
        new org.netpreserve.jwarc.WarcReader(in),
        new ReadLimits(size, options.maxRecordChars()));
  }

  /** The size of the input and the longest record read from it. */
  private record ReadLimits(long fileSize, int maxRecordChars) {}

  /** Whether the start of a file is a WARC record header. */
  static boolean looksLike(String head) {
    return head.startsWith("WARC/1.0\r\n") || head.startsWith("WARC/1.1\r\n");
  }

  @Override
  public Optional<Article> next() throws IOException {
    try {
      return nextArticle();
    } catch (java.io.EOFException e) {
      throw new java.io.EOFException(
          "the file ends inside a record: it is truncated"
              + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    }
  }

  private Optional<Article> nextArticle() throws IOException {
    for (Optional<WarcRecord> record = reader.next(); record.isPresent(); record = reader.next()) {
      if (record.get() instanceof WarcResponse response) {
        responses++;
        if (overrunsFile(response)) {
          continue;
        }
        Optional<Article> article = read(response);
        if (article.isPresent()) {
          return article;
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public String position() {
    return String.format("byte %,d, response %,d", reader.position(), responses);
  }

  /**
   * Whether a record of an uncompressed file declares a Content-Length longer than the rest of the
   * file, which a broken writer or a hostile file can do; such a record is rejected.
   */
  private boolean overrunsFile(WarcRecord record) throws IOException {
    if (reader.compression() != org.netpreserve.jwarc.WarcCompression.NONE) {
      return false;
    }
    String length = record.headers().first("Content-Length").orElse("0").strip();
    long left = fileSize - record.position();
    if (length.matches("\\d{1,18}") && Long.parseLong(length) <= left) {
      return false;
    }
    reject(
        record,
        String.format(
            "record declares a Content-Length of %s bytes but only %,d are left in the file",
            length, left));
    return true;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private Optional<Article> read(WarcResponse response) throws IOException {
    String url = response.target();
    HttpResponse http;
    try {
      http = response.http();
    } catch (IOException e) {
      reject(response, "unreadable HTTP response for " + url + ": " + e.getMessage());
      return Optional.empty();
    }
    if (http.status() != 200 || !HTML.contains(baseType(http.contentType()))) {
      return Optional.empty();
    }
    long size = http.body().size();
    if (size > maxRecordChars) {
      reject(
          response,
          String.format(
              "HTML page %s of %,d bytes is over the limit of %,d (--max-record-size)",
              url, size, maxRecordChars));
      return Optional.empty();
    }
    Document document;
    try (InputStream body = new LimitedStream(http.bodyDecoded().stream(), maxRecordChars)) {
      document = Jsoup.parse(body, charset(http.contentType()), url);
    } catch (OversizedRecordException e) {
      reject(
          response,
          "HTML page "
              + url
              + " decodes to more than the limit of "
              + String.format("%,d", maxRecordChars)
              + " bytes (--max-record-size)");
      return Optional.empty();
    }
    HtmlPage page = HtmlPage.of(document);
    if (page.published() == null && !page.publishedText().isEmpty()) {
      listener.warned(
          new Rejection(
              file,
              0,
              responses,
              "unreadable date '" + page.publishedText() + "' in " + url + "; kept undated"));
    }
    if (page.title().isEmpty() && page.text().isEmpty()) {
      reject(response, "HTML page " + url + " has neither title nor text");
      return Optional.empty();
    }
    Article.Builder article =
        Article.builder()
            .id(WebAddress.articleId(url))
            .source(WebAddress.host(url).orElse(WebAddress.NO_HOST))
            .url(url)
            .title(page.title())
            .body(page.text())
            .published(page.published(), page.publishedText())
            .language(page.language());
    page.authors().forEach(article::author);
    return Optional.of(article.build());
  }

  private void reject(WarcRecord record, String reason) {
    listener.rejected(
        new Rejection(file, 0, responses, reason + " (record at byte " + record.position() + ")"));
  }

  private static String baseType(MediaType type) {
    return type == null ? "" : type.base().toString().toLowerCase(Locale.ROOT);
  }

  /** The charset the HTTP header names, or null to let the page (or UTF-8) decide. */
  private static String charset(MediaType type) {
    String name = type == null ? null : type.parameters().get("charset");
    try {
      return name != null && Charset.isSupported(name) ? name : null;
    } catch (IllegalCharsetNameException e) {
      return null;
    }
  }

  /** A stream that fails with {@link OversizedRecordException} past a number of bytes. */
  private static final class LimitedStream extends java.io.FilterInputStream {
    private final long limit;
    private long count;

    LimitedStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      count += n;
      if (count > limit) {
        throw new OversizedRecordException(0, count, limit);
      }
    }
  }
}
