package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.article.CodeScheme;
import io.newsarchive.testing.ReutersIndex;
import io.newsarchive.testing.TestArticles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code /api/feed} read by a namespace-aware XML parser: the elements RFC 4287 requires of a feed
 * and its entries, newest first, escaped text, links built from the host the request named; and
 * every feed valid against the Atom grammar ({@link AtomSchema}).
 */
class FeedServerTest {

  private static final String ATOM = "http://www.w3.org/2005/Atom";

  @TempDir static Path dir;
  private static TestServer small;
  private static TestServer reuters;

  @BeforeAll
  static void start() throws IOException {
    List<Article> articles = new ArrayList<>(TestArticles.archive());
    articles.add(
        Article.builder()
            .id("reuters-50")
            .source("reuters")
            .title("AT&T <wins> cocoa \"deal\"")
            .body("The cocoa deal of AT&T & friends <b>closed</b>.")
            .published(Instant.parse("1987-03-10T00:00:00Z"), "")
            .language("en")
            .codes(CodeScheme.TOPICS, List.of("cocoa", "acq"))
            .build());
    TestArticles.index(dir, articles);
    small = new TestServer(dir);
    reuters = new TestServer(ReutersIndex.get().directory());
  }

  @AfterAll
  static void stop() throws IOException {
    if (small != null) {
      small.close();
    }
    if (reuters != null) {
      reuters.close();
    }
  }

  @Test
  void feedHasTheRequiredElementsAndEntriesNewestFirst() throws Exception {
    TestServer.Reply reply = small.get("/api/feed?q=cocoa");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/atom+xml");
    Element feed = parse(reply.body()).getDocumentElement();
    assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(feed.getLocalName()).isEqualTo("feed");
    String base = "http://127.0.0.1:" + small.app().port();
    assertThat(child(feed, "id")).isEqualTo(base + "/api/feed?q=cocoa");
    assertThat(child(feed, "title")).contains("cocoa");
    assertThat(Instant.parse(child(feed, "updated"))).isEqualTo("2019-01-09T15:00:00Z");
    assertThat(child((Element) children(feed, "author").get(0), "name")).isNotBlank();
    assertThat(link(feed, "self")).isEqualTo(base + "/api/feed?q=cocoa");
    assertThat(link(feed, "alternate")).isEqualTo(base + "/?q=cocoa&sort=newest");
    List<Node> entries = children(feed, "entry");
    // Every cocoa article of the archive: reuters-1, -2, -3, -50 and kayhan-5.
    assertThat(entries).hasSize(5);
    List<Instant> updated = new ArrayList<>();
    for (Node node : entries) {
      Element entry = (Element) node;
      assertThat(child(entry, "id")).startsWith("urn:newsarchive:article:");
      assertThat(child(entry, "title")).isNotBlank();
      updated.add(Instant.parse(child(entry, "updated")));
      assertThat(child(entry, "published")).isEqualTo(child(entry, "updated"));
      String id = child(entry, "id").substring("urn:newsarchive:article:".length());
      assertThat(link(entry, "alternate")).isEqualTo(base + "/?article=" + id);
      assertThat(child(entry, "summary")).doesNotContain("<mark>").containsIgnoringCase("cocoa");
    }
    assertThat(updated).isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void textIsEscapedAndTopicsAreCategories() throws Exception {
    TestServer.Reply reply = small.get("/api/feed?q=wins");
    assertThat(reply.body()).contains("AT&amp;T &lt;wins&gt;");
    Element feed = parse(reply.body()).getDocumentElement();
    Element entry = (Element) children(feed, "entry").get(0);
    assertThat(child(entry, "id")).isEqualTo("urn:newsarchive:article:reuters-50");
    assertThat(child(entry, "title")).isEqualTo("AT&T <wins> cocoa \"deal\"");
    assertThat(child(entry, "summary"))
        .isEqualTo("The cocoa deal of AT&T & friends <b>closed</b>.");
    List<String> terms = new ArrayList<>();
    for (Node category : children(entry, "category")) {
      terms.add(((Element) category).getAttribute("term"));
    }
    assertThat(terms).containsExactly("cocoa", "acq");
  }

  @Test
  void feedOfAReutersSearchHoldsItsFiftyNewestArticles() throws Exception {
    TestServer.Reply reply = reuters.get("/api/feed?q=oil");
    Element feed = parse(reply.body()).getDocumentElement();
    List<Node> entries = children(feed, "entry");
    assertThat(entries).hasSize(FeedHandler.ENTRIES);
    String newest =
        reuters.get("/api/search?q=oil&sort=newest&size=1").json().at("/hits/0/id").asText();
    assertThat(child((Element) entries.get(0), "id")).endsWith(":" + newest);
  }

  @Test
  void feedsValidateAgainstTheAtomGrammar() throws Exception {
    for (String feed :
        List.of(
            small.get("/api/feed?q=cocoa").body(),
            small.get("/api/feed?q=wins").body(),
            small.get("/api/feed?q=nothingmatchesthisword").body(),
            reuters.get("/api/feed?q=oil").body(),
            reuters.get("/api/feed?topic=cocoa&from=1987-03-01").body())) {
      assertThat(AtomSchema.errors(feed)).isEmpty();
      // The rules the grammar cannot say (RFC 4287 4.1.1 and 4.1.2): an author on the feed or on
      // every entry, and an alternate link on every entry without content.
      Element root = parse(feed).getDocumentElement();
      for (Node entry : children(root, "entry")) {
        assertThat(children(root, "author").size() + children((Element) entry, "author").size())
            .isPositive();
        if (children((Element) entry, "content").isEmpty()) {
          assertThat(link((Element) entry, "alternate")).isNotBlank();
        }
      }
    }
  }

  @Test
  void theAtomGrammarRefusesAFeedThatBreaksTheRfc() throws Exception {
    String feed = small.get("/api/feed?q=cocoa").body();
    assertThat(AtomSchema.errors(feed)).isEmpty();
    // Without its updated element, with a date lacking its time zone, with a second title: each
    // is what RFC 4287 forbids, so the grammar that passes the feeds above must see it.
    assertThat(AtomSchema.errors(feed.replaceFirst("<updated>[^<]*</updated>", ""))).isNotEmpty();
    assertThat(AtomSchema.errors(feed.replaceFirst("(<updated>[^<]*?)Z</updated>", "$1</updated>")))
        .isNotEmpty();
    assertThat(AtomSchema.errors(feed.replaceFirst("(<title[^>]*>)", "<title>again</title>$1")))
        .isNotEmpty();
  }

  @Test
  void theFeedSetsItsOwnOrderAndSize() {
    TestServer.Reply sort = small.get("/api/feed?q=cocoa&sort=relevance");
    assertThat(sort.status()).isEqualTo(400);
    assertThat(sort.json().get("param").asText()).isEqualTo("sort");
    assertThat(small.get("/api/feed?size=5").status()).isEqualTo(400);
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Node> children(Element parent, String name) {
    List<Node> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element
          && ATOM.equals(element.getNamespaceURI())
          && name.equals(element.getLocalName())) {
        found.add(node);
      }
    }
    return found;
  }

  private static String child(Element parent, String name) {
    List<Node> found = children(parent, name);
    assertThat(found).as(name + " of " + parent.getLocalName()).hasSize(1);
    return found.get(0).getTextContent();
  }

  private static String link(Element parent, String rel) {
    for (Node node : children(parent, "link")) {
      if (((Element) node).getAttribute("rel").equals(rel)) {
        return ((Element) node).getAttribute("href");
      }
    }
    throw new AssertionError("no link rel=" + rel);
  }
}
