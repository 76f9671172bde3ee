package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsarchive.cli.IndexCommand;
import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code collapse=story} through the API over rss-news-2023, where many outlets' feeds carry one
 * story and some feeds repeat their own blurbs under new headlines.
 */
class RssStoryServerTest {

  @TempDir static Path temp;

  private static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    Path corpus = SharedCorpora.require("corpora/rss-news-2023/rss2023-news-en.jsonl.gz");
    Path index = temp.resolve("rss");
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new IndexCommand());
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    int exit =
        cli.execute(
            "--index",
            index.toString(),
            "--entities",
            "none",
            "--progress",
            "never",
            corpus.toString());
    assertThat(exit).as(err.toString()).isZero();
    server = new TestServer(index);
  }

  @AfterAll
  static void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theWholeArchiveCollapsedCountsEachStoryOnceAndTheSameArticles() {
    JsonNode articles = server.ok("/api/search?q=&size=100&facets=source");
    JsonNode stories = server.ok("/api/search?q=&size=100&facets=source&collapse=story");

    assertThat(articles.get("total").asLong()).isEqualTo(121_844);
    assertThat(stories.get("total")).isEqualTo(articles.get("total"));
    assertThat(stories.get("facets")).isEqualTo(articles.get("facets"));
    assertThat(stories.get("timeline")).isEqualTo(articles.get("timeline"));
    long distinct = stories.get("stories").asLong();
    // Copies are a small share of a feed archive: each story of two or more articles folds.
    assertThat(distinct).isLessThan(121_844).isGreaterThan(121_844 - 1_000);
    Set<String> seen = new HashSet<>();
    for (JsonNode hit : stories.get("hits")) {
      assertThat(seen.add(hit.get("story").asText())).isTrue();
      assertThat(hit.get("copies").asLong()).isPositive();
    }
  }

  @Test
  void oneDescriptionUnderTwoHeadlinesComesOnceWithBothCopies() {
    String query = "/api/search?q=%22tornado+tore+through+northern+Texas%22&size=50";
    JsonNode articles = server.ok(query);
    JsonNode stories = server.ok(query + "&collapse=story");

    Set<String> wsj =
        Set.of(
            "the-wall-street-journal-5df1ea5041989073", "the-wall-street-journal-401f492258c35c1b");
    int found = 0;
    for (JsonNode hit : articles.get("hits")) {
      found += wsj.contains(hit.get("id").asText()) ? 1 : 0;
    }
    assertThat(found).as("both copies match the query").isEqualTo(2);
    JsonNode folded = null;
    for (JsonNode hit : stories.get("hits")) {
      if (wsj.contains(hit.get("id").asText())) {
        assertThat(folded).as("the second copy is folded into the first").isNull();
        folded = hit;
      }
    }
    assertThat(folded).isNotNull();
    assertThat(folded.get("copies").asLong()).isGreaterThanOrEqualTo(2);
    assertThat(stories.get("stories").asLong()).isLessThan(articles.get("total").asLong());
  }

  @Test
  void aFeedsRepeatedPhotoBlurbIsNotOneStory() {
    String query = "/api/search?q=%22best+photos%22&size=100";
    JsonNode articles = server.ok(query);
    JsonNode stories = server.ok(query + "&collapse=story");

    long total = articles.get("total").asLong();
    assertThat(total).isGreaterThan(5);
    // Before a source's boilerplate was set aside, 17 of these were one story.
    for (JsonNode hit : stories.get("hits")) {
      assertThat(hit.get("copies").asLong()).isLessThan(3);
    }
    assertThat(stories.get("stories").asLong()).isGreaterThan(total / 2);
  }
}
