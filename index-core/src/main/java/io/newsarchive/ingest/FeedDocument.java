package io.newsarchive.ingest;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.located.LocatedJDOMFactory;

/**
 * One feed file parsed twice over: by ROME into its {@link SyndFeed} model, which evens out the
 * differences between RSS 0.9x, 1.0, 2.0 and Atom, and as the XML elements ROME read it from, which
 * keep what the model drops (a date exactly as written, an item's line, {@code xml:lang}).
 *
 * <p>The XML parser refuses any DOCTYPE and never loads external entities or DTDs, so a feed can
 * neither read local files nor expand entities without bound. Immutable after parsing.
 *
 * @param feed the feed as ROME's model has it
 * @param root the document's root element
 * @param items each entry of {@link #feed} with the element it came from, in document order
 */
record FeedDocument(SyndFeed feed, Element root, List<FeedItem> items) {

  /**
   * One item or entry of a feed.
   *
   * @param entry ROME's model of it
   * @param element its element, or null when the model and the document do not line up
   */
  record FeedItem(SyndEntry entry, Element element) {}

  /**
   * Parses the bytes of a feed file; the encoding comes from a byte order mark or the XML
   * declaration, else UTF-8.
   *
   * @throws IllegalArgumentException when the bytes are not a well-formed feed; the message says
   *     why in plain words
   */
  static FeedDocument parse(byte[] bytes) {
    Document document;
    try (Reader reader =
        new XmlFixerReader(new XmlReader(new ByteArrayInputStream(bytes), true, "UTF-8"))) {
      com.rometools.rome.io.SAXBuilder builder = new SecureInput().builder();
      builder.setJDOMFactory(new LocatedJDOMFactory());
      document = builder.build(reader);
    } catch (JDOMParseException e) {
      throw new IllegalArgumentException(notWellFormed(e));
    } catch (JDOMException | IOException e) {
      throw new IllegalArgumentException("not well-formed XML: " + e.getMessage());
    }
    SyndFeed feed;
    try {
      feed = new SyndFeedInput().build(document);
    } catch (FeedException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "an XML document, but not an RSS or Atom feed ROME can read: " + e.getMessage());
    }
    Element root = document.getRootElement();
    return new FeedDocument(feed, root, items(feed, root));
  }

  private static String notWellFormed(JDOMParseException e) {
    String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    if (message != null && message.contains("DOCTYPE")) {
      return "the feed declares a DOCTYPE, which is refused: a DOCTYPE can make a parser read"
          + " other files or expand entities without bound (line "
          + e.getLineNumber()
          + ")";
    }
    return String.format(
        "not well-formed XML at line %d, column %d: %s",
        e.getLineNumber(), e.getColumnNumber(), message);
  }

  /** Pairs each entry with its element: Atom entries and RSS 1.0 items under the root. */
  private static List<FeedItem> items(SyndFeed feed, Element root) {
    List<Element> elements = new ArrayList<>();
    for (Element child : root.getChildren()) {
      String name = child.getName();
      if (name.equals("item") || name.equals("entry")) {
        elements.add(child);
      } else if (name.equals("channel")) {
        for (Element item : child.getChildren()) {
          if (item.getName().equals("item")) {
            elements.add(item);
          }
        }
      }
    }
    List<SyndEntry> entries = feed.getEntries();
    boolean aligned = entries.size() == elements.size();
    List<FeedItem> items = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      items.add(new FeedItem(entries.get(i), aligned ? elements.get(i) : null));
    }
    return items;
  }

  /** ROME's own parser settings, with DOCTYPEs refused whatever ROME's default becomes. */
  private static final class SecureInput extends WireFeedInput {
    SecureInput() {
      setAllowDoctypes(false);
    }

    com.rometools.rome.io.SAXBuilder builder() {
      return createSAXBuilder();
    }
  }
}
