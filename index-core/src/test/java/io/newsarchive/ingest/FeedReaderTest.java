package io.newsarchive.ingest;

import static io.newsarchive.ingest.Fixtures.fixture;
import static io.newsarchive.ingest.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.newsarchive.article.Article;
import io.newsarchive.article.CodeScheme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedReaderTest {

  @TempDir Path dir;

  private final RecordingListener listener = new RecordingListener();

  private List<Article> read(String name) throws IOException {
    return read(name, ReadOptions.defaults());
  }

  private List<Article> read(String name, ReadOptions options) throws IOException {
    return readAll(InputFormat.FEED.open(fixture("feed/" + name), options, listener));
  }

  @Test
  void rssItemTakesItsBodyFromContentEncodedCleanedOfHtml() throws IOException {
    Article ferry = read("world.rss").get(0);

    assertThat(ferry.title()).isEqualTo("Ferry strike ends after three days");
    assertThat(ferry.url()).isEqualTo("https://www.harbourgazette.example/world/ferry-strike-ends");
    assertThat(ferry.body())
        .isEqualTo(
            "Ferry crews will return to work on Thursday after the union accepted a 4% pay rise.\n"
                + "The strike had stranded & delayed thousands of travellers.");
    assertThat(ferry.published()).isEqualTo(Instant.parse("2023-04-12T16:30:00Z"));
    assertThat(ferry.publishedText()).isEqualTo("Wed, 12 Apr 2023 18:30:00 +0200");
    assertThat(ferry.source()).isEqualTo("Harbour Gazette - World");
    assertThat(ferry.language()).isEqualTo("en");
    assertThat(ferry.authors()).containsExactly("Maria Lund");
    assertThat(ferry.codes(CodeScheme.TOPICS)).containsExactly("Transport", "Labour");
  }

  @Test
  void itemWithNeitherTitleNorTextIsRejectedWithItsNumberAndTheFeedGoesOn() throws IOException {
    List<Article> articles = read("world.rss");

    assertThat(articles)
        .extracting(Article::title)
        .containsExactly(
            "Ferry strike ends after three days",
            "Lighthouse restored to working order",
            "Tide tables for the summer published");
    assertThat(listener.rejections)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.file()).isEqualTo(fixture("feed/world.rss"));
          assertThat(r.record()).isEqualTo(2);
          assertThat(r.line()).isEqualTo(21);
          assertThat(r.reason()).isEqualTo("item has neither title nor text");
        });
  }

  @Test
  void itemsWithoutADateOrWithAnUnreadableOneAreKeptUndatedAndOnlyTheLatterWarned()
      throws IOException {
    List<Article> articles = read("world.rss");

    Article lighthouse = articles.get(1);
    assertThat(lighthouse.published()).isNull();
    assertThat(lighthouse.body())
        .isEqualTo("The old lighthouse on the north pier shines again after a two-year repair.");
    assertThat(lighthouse.authors()).containsExactly("Tom Berg");
    Article tides = articles.get(2);
    assertThat(tides.published()).isNull();
    assertThat(tides.publishedText()).isEqualTo("sometime in spring");
    assertThat(listener.warnings)
        .extracting(Rejection::record, Rejection::reason)
        .containsExactly(tuple(4L, "unreadable date 'sometime in spring'; kept undated"));
  }

  @Test
  void atomEntriesTakeContentPublishedElseUpdatedAndXmlLang() throws IOException {
    List<Article> articles = read("science.atom");

    assertThat(listener.rejections).isEmpty();
    assertThat(articles).hasSize(2);
    Article seagrass = articles.get(0);
    assertThat(seagrass.source()).isEqualTo("Coastal Science Weekly");
    assertThat(seagrass.url()).isEqualTo("https://science.example.org/2023/05/seagrass-carbon");
    assertThat(seagrass.body())
        .startsWith("Seagrass meadows in three estuaries hold twice the carbon")
        .endsWith("\nThe team took 240 sediment cores.");
    assertThat(seagrass.published()).isEqualTo(Instant.parse("2023-05-01T11:15:00Z"));
    assertThat(seagrass.authors()).containsExactly("Ines Ortega", "Paul Weiss");
    assertThat(seagrass.codes(CodeScheme.TOPICS)).containsExactly("Oceans");
    assertThat(seagrass.language()).isEqualTo("en");
    Article seals = articles.get(1);
    assertThat(seals.published()).isEqualTo(Instant.parse("2023-04-28T10:00:00Z"));
    assertThat(seals.language()).isEqualTo("de");
    // A plain-text summary keeps its angle brackets: they are text, not markup.
    assertThat(seals.body()).isEqualTo("Die Zählung ergab rund 8.000 Tiere <im Wattenmeer>.");
  }

  @Test
  void rss1ItemsTakeDublinCoreDatesAndTheChannelLanguage() throws IOException {
    List<Article> articles = read("wire.rdf");

    assertThat(listener.rejections).isEmpty();
    assertThat(articles)
        .extracting(Article::title, Article::published, Article::language, Article::source)
        .containsExactly(
            tuple(
                "Grain prices steady at the port exchange",
                Instant.parse("2023-03-14T15:45:00Z"),
                "en",
                "Example Wire"),
            tuple(
                "Container traffic up four percent in March",
                Instant.parse("2023-04-03T00:00:00Z"),
                "en",
                "Example Wire"));
    assertThat(articles.get(0).authors()).containsExactly("Wire Desk");
  }

  @Test
  void idsComeFromTheGuidElseTheLinkSoTheyAreStable() throws IOException {
    List<Article> once = read("world.rss");
    List<Article> again = read("world.rss");

    assertThat(once).extracting(Article::id).doesNotHaveDuplicates();
    assertThat(again).extracting(Article::id).isEqualTo(once.stream().map(Article::id).toList());
    assertThat(once.get(0).id())
        .isEqualTo(Article.deriveId("Harbour Gazette - World", "", "hg-2023-0412-ferry"))
        .matches("harbour-gazette-world-[0-9a-f]{16}");
    assertThat(once.get(1).id())
        .isEqualTo(
            Article.deriveId(
                "Harbour Gazette - World",
                "",
                "https://www.harbourgazette.example/world/lighthouse-restored"));
  }

  @Test
  void itemWithoutGuidOrLinkIsKnownByItsTitleAndDate() throws IOException {
    Path feed = dir.resolve("bare.rss");
    Files.writeString(
        feed,
        "<rss version=\"2.0\"><channel><title>Bare</title><item><title>Only a title</title>"
            + "<pubDate>Mon, 03 Apr 2023 10:00:00 GMT</pubDate></item></channel></rss>");

    Article bare = readAll(InputFormat.FEED.open(feed, ReadOptions.defaults(), listener)).get(0);

    assertThat(bare.id())
        .isEqualTo(Article.deriveId("Bare", "", "Only a title\nMon, 03 Apr 2023 10:00:00 GMT"));
  }

  @Test
  void sourceIsTheGivenNameWhenThereIsOneElseTheLinkHostWhenTheFeedHasNoTitle() throws IOException {
    assertThat(read("wire.rdf", ReadOptions.defaults().withJsonSource("Wire")))
        .extracting(Article::source)
        .containsOnly("Wire");
    Path untitled = dir.resolve("untitled.rss");
    Files.writeString(
        untitled,
        "<rss version=\"2.0\"><channel><link>https://www.untitled.example/</link>"
            + "<item><title>Hello</title></item></channel></rss>");

    assertThat(readAll(InputFormat.FEED.open(untitled, ReadOptions.defaults(), listener)))
        .extracting(Article::source)
        .containsExactly("untitled.example");
  }

  @Test
  void externalEntityIsRefusedAndNothingOfTheLocalFileIsRead() throws IOException {
    List<Article> articles = read("external-entity.rss");

    assertThat(articles).isEmpty();
    assertThat(listener.rejections)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.record()).isZero();
          assertThat(r.reason()).startsWith("the feed declares a DOCTYPE, which is refused");
        });
  }

  @Test
  void internalEntitiesThatWouldExpandWithoutBoundAreRefusedToo() throws IOException {
    StringBuilder entities = new StringBuilder("<!ENTITY a0 \"laugh\">");
    for (int i = 1; i <= 9; i++) {
      entities.append(
          String.format(
              "<!ENTITY a%d \"&a%d;&a%d;&a%d;&a%d;&a%d;\">", i, i - 1, i - 1, i - 1, i - 1, i - 1));
    }
    Path feed = dir.resolve("laughs.rss");
    Files.writeString(
        feed,
        "<?xml version=\"1.0\"?><!DOCTYPE rss ["
            + entities
            + "]><rss version=\"2.0\"><channel><title>Laughs</title><item><title>&a9;</title>"
            + "</item></channel></rss>");

    assertThat(InputFormat.detect(feed)).contains(InputFormat.FEED);
    assertThat(readAll(InputFormat.FEED.open(feed, ReadOptions.defaults(), listener))).isEmpty();
    assertThat(listener.rejections)
        .extracting(Rejection::reason)
        .singleElement()
        .asString()
        .startsWith("the feed declares a DOCTYPE, which is refused");
  }

  @Test
  void fileThatIsNotWellFormedXmlIsOneRejectionSayingWhere() throws IOException {
    assertThat(read("broken.rss")).isEmpty();

    assertThat(listener.rejections)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.file()).isEqualTo(fixture("feed/broken.rss"));
          assertThat(r.reason())
              .startsWith("not well-formed XML at line 8, column")
              .contains("item");
        });
  }

  @Test
  void feedLongerThanTheRecordLimitIsRejectedUnread() throws IOException {
    assertThat(read("world.rss", ReadOptions.defaults().withMaxRecordChars(100))).isEmpty();

    assertThat(listener.rejections)
        .extracting(Rejection::reason)
        .containsExactly("the feed runs over 100 bytes (--max-record-size); not read");
  }

  @Test
  void detectionKnowsRssAtomAndRss1ByTheirRootAndNamespace() throws IOException {
    assertThat(InputFormat.detect(fixture("feed/world.rss"))).contains(InputFormat.FEED);
    assertThat(InputFormat.detect(fixture("feed/science.atom"))).contains(InputFormat.FEED);
    assertThat(InputFormat.detect(fixture("feed/wire.rdf"))).contains(InputFormat.FEED);
    assertThat(InputFormat.detect(fixture("feed/external-entity.rss"))).contains(InputFormat.FEED);
    Path otherXml = dir.resolve("feed.xml");
    Files.writeString(otherXml, "<?xml version=\"1.0\"?>\n<feed><title>not Atom</title></feed>");
    Path otherRdf = dir.resolve("data.rdf");
    Files.writeString(
        otherRdf, "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"></rdf:RDF>");
    assertThat(InputFormat.detect(otherXml)).isEmpty();
    assertThat(InputFormat.detect(otherRdf)).isEmpty();
    assertThat(InputFormat.parse("rss")).isEqualTo(InputFormat.FEED);
  }

  @Test
  void feedsInsideAZipAreDetectedAndNamedByEntry() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("feeds/world.rss", Files.readAllBytes(fixture("feed/world.rss")));
    entries.put("feeds/science.atom", Files.readAllBytes(fixture("feed/science.atom")));
    Path zip = Archives.zip(dir.resolve("feeds.zip"), entries);

    List<Article> articles =
        readAll(InputFormat.ARCHIVE.open(zip, ReadOptions.defaults(), listener));

    assertThat(articles).hasSize(5);
    assertThat(listener.rejections)
        .singleElement()
        .satisfies(r ->
            assertThat(r.file().toString().replace('\\', '/'))
                .endsWith("feeds.zip!/feeds/world.rss"));
  }

  @Test
  void gzippedFeedIsReadAsItsContent() throws IOException {
    Path gz = dir.resolve("wire.rdf.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readString(fixture("feed/wire.rdf")).getBytes(StandardCharsets.UTF_8));
    }

    assertThat(InputFormat.detect(gz)).contains(InputFormat.FEED);
    assertThat(readAll(InputFormat.FEED.open(gz, ReadOptions.defaults(), listener))).hasSize(2);
  }
}
