package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index command over the whole rss-news-2023 export, and the stories it finds there; a class of
 * its own so that the build runs it beside the other long indexing tests.
 */
class RssCorpusIndexTest {

  @TempDir static Path temp;

  private static CliRun run;
  private static DirectoryReader reader;

  @BeforeAll
  static void index() throws IOException {
    Path corpus = SharedCorpora.require("corpora/rss-news-2023/rss2023-news-en.jsonl.gz");
    Path index = temp.resolve("rss");
    run =
        CliRun.run(
            new IndexCommand(),
            "--index",
            index.toString(),
            "--entities",
            "none",
            // Commits by time only at the end, however slow the machine, so that the segments
            // written are those the article count decides.
            "--commit-interval",
            "3600",
            corpus.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    reader = DirectoryReader.open(FSDirectory.open(index));
  }

  @AfterAll
  static void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }

  @Test
  void rssNews2023ReadsAsIsWithoutOptions() {
    assertThat(run.out()).contains("read 121,844,", "added 121,844,", "rejected 0,");
    assertThat(reader.numDocs()).isEqualTo(121_844);
  }

  @Test
  void anIngestOfFewerArticlesThanTheCommitCountWritesOneSegmentAndMergesNothing() {
    // With a commit after 100,000 articles, it wrote a second segment and merged both at the end.
    assertThat(run.out()).doesNotContain("Merged");
    assertThat(reader.leaves()).hasSize(1);
  }

  @Test
  void oneDescriptionUnderTwoHeadlinesOnOneDayIsOneStory() throws IOException {
    Map<String, String> stories = stories();

    assertThat(stories.get("the-wall-street-journal-5df1ea5041989073"))
        .as("Deadly Tornado Destroys Homes in Northern Texas")
        .isEqualTo(stories.get("the-wall-street-journal-401f492258c35c1b"));
    assertThat(stories.get("le-monde-59cd7cd396523cba"))
        .as("Texas Supreme Court denies woman's abortion request")
        .isEqualTo(stories.get("cbc-top-stories-news-dd82a32b4be51201"));
  }

  @Test
  void aFeedsRecurringBlurbsAndTemplatesMakeNoStories() throws IOException {
    // Before boilerplate was set aside, these held 17, 14, 10, 6 and 5 articles in one story.
    for (String title :
        Set.of(
            "best photos",
            "and more top headlines",
            "and more autos stories",
            "Gold rate in",
            "exchange rate")) {
      Map<String, Integer> articlesPerStory = new HashMap<>();
      StoredFields stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        Document article =
            stored.document(
                doc, Set.of(ArticleFields.ID, ArticleFields.TITLE, ArticleFields.STORY));
        if (article.get(ArticleFields.TITLE).contains(title)) {
          articlesPerStory.merge(ArticleDocuments.story(article), 1, Integer::sum);
        }
      }
      assertThat(articlesPerStory).as(title).hasSizeGreaterThan(5);
      assertThat(articlesPerStory.values()).as(title).allSatisfy(n -> assertThat(n).isLessThan(3));
    }
  }

  private static Map<String, String> stories() throws IOException {
    Map<String, String> stories = new HashMap<>();
    StoredFields stored = reader.storedFields();
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      Document article = stored.document(doc, Set.of(ArticleFields.ID, ArticleFields.STORY));
      stories.put(article.get(ArticleFields.ID), ArticleDocuments.story(article));
    }
    return stories;
  }
}
