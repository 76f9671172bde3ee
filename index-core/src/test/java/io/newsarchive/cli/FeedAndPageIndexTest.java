package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.schema.ArticleDocuments;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsarchive index} over folders of saved feeds and saved HTML pages. */
class FeedAndPageIndexTest {

  private static final String NEW_ITEM =
      """
        <item rdf:about="https://wire.example.net/items/1003">
          <title>Dredging of the outer channel to start in May</title>
          <link>https://wire.example.net/items/1003</link>
          <description>The port authority awarded the dredging contract.</description>
          <dc:date>2023-04-20T09:00:00+02:00</dc:date>
        </item>
      </rdf:RDF>
      """;

  @TempDir Path temp;

  private CliRun index(Path index, Path input) {
    return CliRun.run(
        new IndexCommand(),
        "--index",
        index.toString(),
        "--entities",
        "none",
        "--progress",
        "never",
        input.toString());
  }

  private static Path fixture(String relative) {
    try {
      return Path.of(FeedAndPageIndexTest.class.getResource("/fixtures/" + relative).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path feedFolder() throws IOException {
    Path feeds = Files.createDirectories(temp.resolve("feeds"));
    for (String name : List.of("world.rss", "science.atom", "wire.rdf")) {
      Files.copy(fixture("feed/" + name), feeds.resolve(name));
    }
    return feeds;
  }

  private static List<Article> storedArticles(Path index) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      Bits live = MultiBits.getLiveDocs(reader);
      List<Article> articles = new ArrayList<>();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        if (live == null || live.get(doc)) {
          articles.add(ArticleDocuments.article(reader, doc));
        }
      }
      return articles;
    }
  }

  @Test
  void folderOfFeedsIndexedAgainAddsNothingAndANewItemAddsOneAndAChangedItemUpdates()
      throws IOException {
    Path feeds = feedFolder();
    Path index = temp.resolve("index");

    CliRun first = index(index, feeds);

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("read 8,", "added 7,", "rejected 1, warnings 1 ")
        .contains("Read as: feed 3 files.");
    assertThat(first.err()).contains("world.rss:21 (record 2): item has neither title nor text");

    CliRun again = index(index, feeds);
    assertThat(again.out()).contains("added 0,", "updated 0,", "unchanged 7,");

    Path wire = feeds.resolve("wire.rdf");
    String grown =
        Files.readString(wire)
            .replace("</rdf:RDF>\n", NEW_ITEM)
            .replace("closed unchanged for the third day", "closed higher for the first time");
    Files.writeString(wire, grown);
    CliRun third = index(index, feeds);

    assertThat(third.out()).contains("read 9,", "added 1,", "updated 1,", "unchanged 6,");
    List<Article> stored = storedArticles(index);
    assertThat(stored).extracting(Article::id).hasSize(8).doesNotHaveDuplicates();
    assertThat(stored)
        .filteredOn(a -> a.url().equals("https://wire.example.net/items/1001"))
        .singleElement()
        .satisfies(a -> assertThat(a.body()).contains("closed higher for the first time"));
  }

  @Test
  void folderOfSavedPagesIndexesTheArticlesAndRejectsTheIndexPage() throws IOException {
    Path index = temp.resolve("index");

    CliRun run = index(index, fixture("html/pages"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("read 3,", "added 2,", "rejected 1,", "Read as: html 3 files.");
    assertThat(run.err()).contains("index.html", "no article text");
    assertThat(storedArticles(index))
        .extracting(Article::source)
        .containsExactlyInAnyOrder("Harbour Gazette", "pages");
  }

  @Test
  void helpNamesTheFeedAndHtmlFormats() {
    CliRun help = CliRun.run(new IndexCommand(), "--help");

    assertThat(help.out()).contains("feed,", "html,", "feed: RSS or Atom");
  }
}
