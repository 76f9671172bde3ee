package io.newsarchive.server;

import io.newsarchive.article.CodeScheme;
import io.newsarchive.search.Hit;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 feed (RFC 4287) of search hits: the feed's id, title, update time, author and links,
 * and per hit an entry with a stable id ({@value #ENTRY_ID_PREFIX} and the article id), title,
 * update and publication times, a link to the article on the web page, the body snippet as plain
 * text and a category per topic code. The XML writer escapes every text. Immutable.
 *
 * @param self the feed's own URL
 * @param page the web page of the same search
 * @param title the feed's title
 * @param updated when the feed last changed: its newest entry's time
 */
record AtomFeed(String self, String page, String title, Instant updated) {

  /** The Atom namespace. */
  static final String ATOM = "http://www.w3.org/2005/Atom";

  /** What an entry's id starts with; the article id follows. */
  static final String ENTRY_ID_PREFIX = "urn:newsarchive:article:";

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  /**
   * The feed with {@code hits} as entries, as UTF-8 bytes; {@code articlePage} is the web page's
   * address of an article without its id, which an entry's link appends.
   */
  byte[] write(List<Hit> hits, String articlePage) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.setDefaultNamespace(ATOM);
      xml.writeStartElement(ATOM, "feed");
      xml.writeDefaultNamespace(ATOM);
      text(xml, "id", self);
      text(xml, "title", title);
      text(xml, "updated", updated.toString());
      xml.writeStartElement(ATOM, "author");
      text(xml, "name", "newsarchive");
      xml.writeEndElement();
      link(xml, "self", "application/atom+xml", self);
      link(xml, "alternate", "text/html", page);
      text(xml, "generator", "newsarchive");
      for (Hit hit : hits) {
        entry(xml, hit, articlePage + hit.id());
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("the feed could not be written", e);
    }
    return bytes.toByteArray();
  }

  private void entry(XMLStreamWriter xml, Hit hit, String link) throws XMLStreamException {
    xml.writeStartElement(ATOM, "entry");
    text(xml, "id", ENTRY_ID_PREFIX + hit.id());
    text(xml, "title", hit.title().isEmpty() ? hit.id() : hit.title());
    // An undated article has no time of its own; it changed no later than the feed.
    Instant time = hit.published() == null ? updated : hit.published();
    text(xml, "updated", time.toString());
    if (hit.published() != null) {
      text(xml, "published", hit.published().toString());
    }
    link(xml, "alternate", "text/html", link);
    xml.writeStartElement(ATOM, "summary");
    xml.writeAttribute("type", "text");
    xml.writeCharacters(hit.bodySnippet().plain().text());
    xml.writeEndElement();
    for (String topic : hit.article().codes(CodeScheme.TOPICS)) {
      xml.writeEmptyElement(ATOM, "category");
      xml.writeAttribute("term", topic);
    }
    xml.writeEndElement();
  }

  private static void text(XMLStreamWriter xml, String element, String text)
      throws XMLStreamException {
    xml.writeStartElement(ATOM, element);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String type, String href)
      throws XMLStreamException {
    xml.writeEmptyElement(ATOM, "link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("type", type);
    xml.writeAttribute("href", href);
  }
}
