package io.newsarchive.ingest;

import io.newsarchive.article.Article;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads a saved HTML page ({@code .html}, {@code .htm}) as one article, with the extraction {@link
 * WarcReader} applies to archived pages ({@link HtmlPage}): title, text, date, language and authors
 * as that describes.
 *
 * <ul>
 *   <li>URL: the page's {@code <link rel=canonical>}, else its {@code og:url};
 *   <li>source: {@code --source} when given, else {@code og:site_name}, else the URL's host, else
 *       the input's name by the {@link SourceNaming} rule, as for plain text;
 *   <li>language: {@code <html lang>}, else {@link ReadOptions#language()};
 *   <li>id: from the URL as a web archive's page of that URL gets it ({@link
 *       WebAddress#articleId}), else from the file's path below the input as a plain-text file's.
 * </ul>
 *
 * <p>A page with no article text is rejected with the reason: one with fewer than {@value
 * #MIN_OWN_CHARS} characters of text outside links, or with more text in links than outside them
 * (an index or navigation page). So is a file longer than {@link ReadOptions#maxRecordChars()}
 * bytes. The charset comes from a byte order mark or the page's {@code <meta charset>}, else UTF-8.
 * Not thread-safe.
 */
public final class HtmlPageReader implements ArticleReader {

  /** The least text outside links that makes a page an article rather than a list of links. */
  static final int MIN_OWN_CHARS = 50;

  private final InputName name;
  private final ReadOptions options;
  private final IngestListener listener;
  private final InputStream in;
  private boolean done;

  private HtmlPageReader(
      InputName name, InputStream in, ReadOptions options, IngestListener listener) {
    this.name = name;
    this.in = in;
    this.options = options;
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Opens a saved page for reading; gzip files are decompressed on the fly.
   *
   * @throws IOException when the file cannot be opened
   */
  public static HtmlPageReader open(InputName name, ReadOptions options, IngestListener listener)
      throws IOException {
    return new HtmlPageReader(name, TextInput.openStream(name.shown()), options, listener);
  }

  /** Reads a stream, such as an archive entry. */
  static HtmlPageReader read(
      InputName name, InputStream in, ReadOptions options, IngestListener listener)
      throws IOException {
    return new HtmlPageReader(name, TextInput.gunzipped(in), options, listener);
  }

  /** Whether a file starts like an HTML document: its root element, after any DOCTYPE, is html. */
  static boolean looksLike(String head) {
    return RootTag.of(head).isNamed("html");
  }

  @Override
  public Optional<Article> next() throws IOException {
    if (done) {
      return Optional.empty();
    }
    done = true;
    byte[] bytes = in.readNBytes(options.maxRecordChars() + 1);
    if (bytes.length > options.maxRecordChars()) {
      return reject(
          String.format(
              "the page runs over %,d bytes (--max-record-size); not read",
              options.maxRecordChars()));
    }
    Document document = Jsoup.parse(new ByteArrayInputStream(bytes), null, "");
    HtmlPage page = HtmlPage.of(document);
    int ownChars = page.text().length() - page.linkChars();
    if (ownChars < MIN_OWN_CHARS || page.linkChars() > ownChars) {
      return reject(
          String.format(
              "no article text: %,d characters of text outside links and %,d in links (an index"
                  + " or navigation page?)",
              ownChars, page.linkChars()));
    }
    if (page.published() == null && !page.publishedText().isEmpty()) {
      listener.warned(
          new Rejection(
              name.shown(), 0, 1, "unreadable date '" + page.publishedText() + "'; kept undated"));
    }
    return Optional.of(article(page));
  }

  private Article article(HtmlPage page) {
    String url = page.address();
    String source = options.source().name().orElse(page.siteName());
    if (source.isEmpty()) {
      source = WebAddress.host(url).orElse(options.source().sourceOf(name));
    }
    Article.Builder article =
        Article.builder()
            .id(
                url.isEmpty()
                    ? Article.deriveId(source, "", name.relative())
                    : WebAddress.articleId(url))
            .source(source)
            .url(url)
            .title(page.title())
            .body(page.text())
            .published(page.published(), page.publishedText())
            .language(page.language().isBlank() ? options.language() : page.language());
    page.authors().forEach(article::author);
    return article.build();
  }

  private Optional<Article> reject(String reason) {
    listener.rejected(new Rejection(name.shown(), 0, 1, reason));
    return Optional.empty();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
