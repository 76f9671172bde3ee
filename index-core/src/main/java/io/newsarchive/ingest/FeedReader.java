package io.newsarchive.ingest;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndPerson;
import io.newsarchive.article.Article;
import io.newsarchive.article.CodeScheme;
import io.newsarchive.ingest.FeedDocument.FeedItem;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.located.Located;

/**
 * Reads a saved RSS (0.9x, 1.0, 2.0) or Atom feed, parsed by ROME: every item or entry becomes one
 * article.
 *
 * <ul>
 *   <li>title; link as URL; body from {@code content:encoded} or Atom {@code content}, else the
 *       description or summary, HTML cleaned to text as {@link HtmlText} does for web pages;
 *   <li>date from the published date ({@code pubDate}, {@code dc:date}, Atom {@code published}),
 *       else the updated one, as an instant in the zone the feed wrote; an item without a date is
 *       kept undated, one with an unreadable date too, with a warning;
 *   <li>source: {@code --source} when given, else the feed's title, else its link's host, else the
 *       name of the input as for plain text;
 *   <li>authors; categories as {@link CodeScheme#TOPICS}; language from the entry's or the feed's
 *       {@code xml:lang}, or the channel's {@code language}, else {@link ReadOptions#language()};
 *   <li>id: {@code slug(source)-} and 16 hex digits of the SHA-256 of the item's guid (Atom {@code
 *       id}), else its link, else its title and date ({@link Article#deriveId}), so reading a feed
 *       again updates its items instead of duplicating them.
 * </ul>
 *
 * <p>An item with neither title nor text is rejected with its number and line, and the rest of the
 * feed is read. A file that is not well-formed XML, declares a DOCTYPE or is longer than {@link
 * ReadOptions#maxRecordChars()} bytes is one rejection. Not thread-safe.
 */
public final class FeedReader implements ArticleReader {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String ATOM_03 = "http://purl.org/atom/ns#";
  private static final String RSS_1 = "http://purl.org/rss/1.0/";
  private static final List<String> DATES =
      List.of("pubDate", "date", "published", "issued", "updated", "modified");

  private final InputName name;
  private final ReadOptions options;
  private final IngestListener listener;
  private final InputStream in;
  private Iterator<FeedItem> items;
  private FeedContext feed;
  private long record;

  private FeedReader(InputName name, InputStream in, ReadOptions options, IngestListener listener) {
    this.name = name;
    this.in = in;
    this.options = options;
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Opens a feed file for reading; gzip files are decompressed on the fly.
   *
   * @throws IOException when the file cannot be opened
   */
  public static FeedReader open(InputName name, ReadOptions options, IngestListener listener)
      throws IOException {
    return new FeedReader(name, TextInput.openStream(name.shown()), options, listener);
  }

  /** Reads a stream, such as an archive entry. */
  static FeedReader read(
      InputName name, InputStream in, ReadOptions options, IngestListener listener)
      throws IOException {
    return new FeedReader(name, TextInput.gunzipped(in), options, listener);
  }

  /**
   * Whether a file starts like a feed: an XML document whose root is {@code rss}, an Atom {@code
   * feed}, or an RSS 1.0 {@code rdf:RDF}.
   */
  static boolean looksLike(String head) {
    RootTag root = RootTag.of(head);
    return root.name().equals("rss")
        || (root.isNamed("feed") && (root.declares(ATOM) || root.declares(ATOM_03)))
        || (root.isNamed("RDF") && root.declares(RSS_1));
  }

  @Override
  public Optional<Article> next() throws IOException {
    if (items == null && !parse()) {
      return Optional.empty();
    }
    while (items.hasNext()) {
      FeedItem item = items.next();
      record++;
      Optional<Article> article = article(item);
      if (article.isPresent()) {
        return article;
      }
    }
    return Optional.empty();
  }

  /** Parses the whole feed; false, with the file rejected, when it cannot be read as one. */
  private boolean parse() throws IOException {
    items = List.<FeedItem>of().iterator();
    byte[] bytes = in.readNBytes(options.maxRecordChars() + 1);
    if (bytes.length > options.maxRecordChars()) {
      return reject(
          0,
          String.format(
              "the feed runs over %,d bytes (--max-record-size); not read",
              options.maxRecordChars()));
    }
    FeedDocument document;
    try {
      document = FeedDocument.parse(bytes);
    } catch (IllegalArgumentException e) {
      return reject(0, e.getMessage());
    }
    feed = FeedContext.of(document, name, options);
    items = document.items().iterator();
    return true;
  }

  private Optional<Article> article(FeedItem item) {
    SyndEntry entry = item.entry();
    String title = HtmlText.oneLine(Objects.requireNonNullElse(entry.getTitle(), ""));
    String body = body(entry);
    if (title.isEmpty() && body.isEmpty()) {
      reject(line(item), "item has neither title nor text");
      return Optional.empty();
    }
    String link = Objects.requireNonNullElse(entry.getLink(), "").strip();
    String dateText = dateText(item);
    Instant published = published(entry, dateText);
    if (published == null && !dateText.isEmpty()) {
      listener.warned(
          new Rejection(
              name.shown(),
              line(item),
              record,
              "unreadable date '" + dateText + "'; kept undated"));
    }
    String guid = Objects.requireNonNullElse(entry.getUri(), "").strip();
    String key = !guid.isEmpty() ? guid : !link.isEmpty() ? link : title + "\n" + dateText;
    Article.Builder article =
        Article.builder()
            .id(Article.deriveId(feed.source(), "", key))
            .source(feed.source())
            .url(link)
            .title(title)
            .body(body)
            .published(published, dateText)
            .language(language(item))
            .codes(CodeScheme.TOPICS, categories(entry));
    authors(entry).forEach(article::author);
    return Optional.of(article.build());
  }

  private static String body(SyndEntry entry) {
    for (SyndContent content : entry.getContents()) {
      String text = text(content);
      if (!text.isEmpty()) {
        return text;
      }
    }
    return text(entry.getDescription());
  }

  /** The text of a content element: HTML (and XHTML) cleaned, plain text as it is. */
  private static String text(SyndContent content) {
    if (content == null || content.getValue() == null) {
      return "";
    }
    String type = Objects.requireNonNullElse(content.getType(), "").toLowerCase(Locale.ROOT);
    if (type.equals("text") || type.equals("text/plain")) {
      return content.getValue().strip();
    }
    return HtmlText.toText(content.getValue());
  }

  /** The item's date exactly as written: its first date element's text. */
  private static String dateText(FeedItem item) {
    if (item.element() == null) {
      return "";
    }
    for (String date : DATES) {
      for (Element child : item.element().getChildren()) {
        if (child.getName().equals(date) && !child.getTextTrim().isEmpty()) {
          return child.getTextTrim();
        }
      }
    }
    return "";
  }

  /** ROME's published, else updated date; else the text read as ISO or RFC 1123 dates are. */
  private static Instant published(SyndEntry entry, String dateText) {
    Date date =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    if (date != null) {
      return date.toInstant();
    }
    if (dateText.isEmpty()) {
      return null;
    }
    try {
      return JsonDates.parse(dateText);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private String language(FeedItem item) {
    if (item.element() != null) {
      String lang = item.element().getAttributeValue("lang", Namespace.XML_NAMESPACE);
      if (lang != null && !lang.isBlank()) {
        return lang;
      }
    }
    return feed.language();
  }

  private static List<String> categories(SyndEntry entry) {
    Set<String> names = new LinkedHashSet<>();
    for (SyndCategory category : entry.getCategories()) {
      String value = HtmlText.oneLine(Objects.requireNonNullElse(category.getName(), ""));
      if (!value.isEmpty()) {
        names.add(value);
      }
    }
    return List.copyOf(names);
  }

  /**
   * The bylines: Atom and {@code dc:creator} names, and the name in an RSS {@code author} such as
   * {@code jane@example.org (Jane Doe)}; a bare e-mail address is no name.
   */
  private static Set<String> authors(SyndEntry entry) {
    List<String> raw = new ArrayList<>();
    for (SyndPerson person : entry.getAuthors()) {
      raw.add(person.getName());
    }
    raw.add(entry.getAuthor());
    Set<String> names = new LinkedHashSet<>();
    for (String value : raw) {
      String byline = Objects.requireNonNullElse(value, "").strip();
      int open = byline.indexOf('(');
      if (byline.contains("@") && open > 0 && byline.endsWith(")")) {
        byline = byline.substring(open + 1, byline.length() - 1).strip();
      }
      if (!byline.isEmpty() && !byline.contains("@")) {
        names.add(HtmlText.oneLine(byline));
      }
    }
    return names;
  }

  private static long line(FeedItem item) {
    return item.element() instanceof Located located ? Math.max(located.getLine(), 0) : 0;
  }

  private boolean reject(long line, String reason) {
    listener.rejected(new Rejection(name.shown(), line, record, reason));
    return false;
  }

  @Override
  public String position() {
    return record == 0 ? "" : String.format("item %,d", record);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
