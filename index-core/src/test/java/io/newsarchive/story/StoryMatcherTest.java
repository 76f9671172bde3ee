package io.newsarchive.story;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.index.UpsertOutcome;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.Test;

class StoryMatcherTest {

  private static final Path LOCATION = Path.of("memory");

  /**
   * Small, so that a test writes past a reopening of the reader in which articles are looked up.
   */
  private static final int WRITTEN_PER_READER = 1_000;

  private static final Article ORIGINAL = StoryFixtures.article("original", "wire");
  private static final Article COPY = StoryFixtures.article("copy", "daily-herald");
  private static final Article UPDATE = StoryFixtures.article("update", "wire-updates");
  private static final Article SHARED = StoryFixtures.article("shared-paragraph", "farm-news");
  private static final Article SHORT = StoryFixtures.article("short", "wire");
  private static final Article SHORT_COPY = StoryFixtures.article("short", "daily-herald");

  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

  @Test
  void copiesAndUpdatesShareTheStoryOfTheFirst() throws IOException {
    ingest(List.of(ORIGINAL, COPY, UPDATE, SHARED, SHORT, SHORT_COPY));

    assertThat(story(COPY)).isEqualTo(ORIGINAL.id());
    assertThat(story(UPDATE)).isEqualTo(ORIGINAL.id());
    assertThat(story(ORIGINAL)).isEqualTo(ORIGINAL.id());
  }

  @Test
  void aSharedParagraphOrAHeadlineOnlyItemFormsNoGroup() throws IOException {
    ingest(List.of(ORIGINAL, COPY, SHARED, SHORT, SHORT_COPY));

    assertThat(story(SHARED)).isEqualTo(SHARED.id());
    assertThat(story(SHORT)).isEqualTo(SHORT.id());
    assertThat(story(SHORT_COPY)).isEqualTo(SHORT_COPY.id());
  }

  @Test
  void reIngestKeepsEveryStory() throws IOException {
    List<Article> articles = List.of(ORIGINAL, COPY, UPDATE, SHARED, SHORT);
    ingest(articles);
    List<String> before = stories(articles);

    List<UpsertOutcome> again = ingest(articles);

    assertThat(again).containsOnly(UpsertOutcome.UNCHANGED);
    assertThat(stories(articles)).isEqualTo(before);
  }

  @Test
  void anArticleAddedInALaterRunJoinsTheStoredStory() throws IOException {
    ingest(List.of(ORIGINAL, SHARED));

    ingest(List.of(UPDATE));
    ingest(List.of(COPY));

    assertThat(story(UPDATE)).isEqualTo(ORIGINAL.id());
    assertThat(story(COPY)).isEqualTo(ORIGINAL.id());
    assertThat(story(SHARED)).isEqualTo(SHARED.id());
  }

  @Test
  void aCopyThatArrivesFirstFoundsTheStory() throws IOException {
    ingest(List.of(COPY));

    ingest(List.of(ORIGINAL, UPDATE));

    assertThat(stories(List.of(COPY, ORIGINAL, UPDATE))).containsOnly(COPY.id());
  }

  @Test
  void copiesPublishedFurtherApartThanTheWindowAreDifferentStories() throws IOException {
    Article early =
        StoryFixtures.article(
            "copy",
            "daily-herald",
            StoryFixtures.PUBLISHED.minus(StoryMatcher.WINDOW).minusSeconds(1));
    Article inTime =
        StoryFixtures.article(
            "update", "wire-updates", StoryFixtures.PUBLISHED.plus(StoryMatcher.WINDOW));

    ingest(List.of(ORIGINAL, early, inTime));

    assertThat(story(early)).isEqualTo(early.id());
    assertThat(story(inTime)).isEqualTo(ORIGINAL.id());
  }

  @Test
  void aBlurbThatASourceRepeatsOnOtherDaysDoesNotMakeItsItemsCopies() throws IOException {
    List<Article> items = new ArrayList<>();
    for (int day = 0; day < HEADLINES.size(); day++) {
      items.add(
          StoryFixtures.article(
              "feed/item-" + day,
              HEADLINES.get(day),
              StoryFixtures.body("original"),
              StoryFixtures.PUBLISHED.plus(Duration.ofDays(day))));
    }

    ingest(items);

    // The second day's item has seen the blurb on one other day only, so it is taken as a copy;
    // from the third day on the blurb is the source's boilerplate and only the headlines count.
    assertThat(story(items.get(1))).isEqualTo(items.get(0).id());
    for (Article item : items.subList(2, items.size())) {
      assertThat(story(item)).as(item.title()).isEqualTo(item.id());
    }
  }

  @Test
  void aSourcesUpdateOfItsOwnStoryOnTheSameDayIsACopy() throws IOException {
    Article original = StoryFixtures.article("original", "wire");
    Article update = StoryFixtures.article("update", "wire");

    ingest(List.of(original, update));

    assertThat(story(update)).isEqualTo(original.id());
  }

  @Test
  void aCopyWrittenAfterTheReaderIsReopenedFindsItsOriginalThere() throws IOException {
    List<Article> articles = new ArrayList<>();
    articles.add(ORIGINAL);
    for (int i = 0; i <= WRITTEN_PER_READER; i++) {
      articles.add(
          StoryFixtures.article("filler/" + i, "Filler " + i, "", StoryFixtures.PUBLISHED));
    }
    articles.add(COPY);
    articles.add(ORIGINAL);

    List<UpsertOutcome> outcomes = ingest(articles);

    assertThat(story(COPY)).isEqualTo(ORIGINAL.id());
    assertThat(outcomes.getLast()).isEqualTo(UpsertOutcome.UNCHANGED);
  }

  private static final List<String> HEADLINES =
      List.of(
          "Harbour pilots open their spring season with a parade of tugs",
          "City council votes to rename the old market square after a poet",
          "Volunteers count record numbers of wading birds on the estuary",
          "Bakery chain opens its first shop outside the capital in twenty years",
          "Library lends out telescopes to children during the winter holidays",
          "Orchestra returns to the concert hall after two years of repairs");

  private List<UpsertOutcome> ingest(List<Article> articles) throws IOException {
    try (ArticleIndexer indexer =
        ArticleIndexer.open(keepOpen(directory), LOCATION, Optional.empty(), WRITTEN_PER_READER)) {
      return indexer.upsert(articles);
    }
  }

  private List<String> stories(List<Article> articles) throws IOException {
    List<String> stories = new java.util.ArrayList<>();
    for (Article article : articles) {
      stories.add(story(article));
    }
    return stories;
  }

  private String story(Article article) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TopDocs top = searcher.search(new TermQuery(new Term(ArticleFields.ID, article.id())), 1);
      assertThat(top.scoreDocs).as("article %s is indexed", article.id()).hasSize(1);
      return ArticleDocuments.story(searcher.storedFields().document(top.scoreDocs[0].doc));
    }
  }

  /** Keeps the directory open after the indexer closes, so the test can reopen it. */
  private static Directory keepOpen(ByteBuffersDirectory directory) {
    return new FilterDirectory(directory) {
      @Override
      public void close() {}
    };
  }
}
