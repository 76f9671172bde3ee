package io.newsarchive.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.article.Article;
import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.Collapse;
import io.newsarchive.search.Hit;
import io.newsarchive.search.InvalidRequestException;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.search.SortOrder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CollapsedSearchTest {

  private static final Article ORIGINAL = StoryFixtures.article("original", "wire");
  private static final Article COPY = StoryFixtures.article("copy", "daily-herald");
  private static final Article UPDATE = StoryFixtures.article("update", "wire-updates");
  private static final Article SHARED = StoryFixtures.article("shared-paragraph", "farm-news");
  private static final Article SHORT = StoryFixtures.article("short", "wire");

  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private ArticleSearcher searcher;

  /** The index's directory, left open when a writer closes. */
  private FilterDirectory directory() {
    return new FilterDirectory(directory) {
      @Override
      public void close() {}
    };
  }

  @BeforeEach
  void open() throws IOException {
    try (ArticleIndexer indexer = ArticleIndexer.open(directory(), Path.of("memory"))) {
      indexer.upsert(List.of(ORIGINAL, COPY, UPDATE, SHARED, SHORT));
    }
    searcher = new ArticleSearcher(directory, "test", SearcherOptions.DEFAULTS);
  }

  @AfterEach
  void close() throws IOException {
    searcher.close();
  }

  private SearchResult search(String q, Collapse collapse) throws IOException {
    return searcher.search(
        SearchRequest.defaults()
            .with(SearchParameters.QUERY, q)
            .with(SearchParameters.COLLAPSE, collapse));
  }

  @Test
  void copiesOfAStoryBecomeOneHitWithTheirCountAndSources() throws IOException {
    SearchResult result = search("northhaven", Collapse.STORY);

    assertThat(result.total()).isEqualTo(5);
    assertThat(result.stories()).hasValue(3);
    assertThat(result.hits()).hasSize(3);
    Hit story =
        result.hits().stream().filter(h -> h.story().equals(ORIGINAL.id())).findFirst().get();
    assertThat(story.copies()).isEqualTo(3);
    assertThat(story.storyArticles()).isEqualTo(3);
    assertThat(story.copySources())
        .containsExactlyInAnyOrder("wire", "daily-herald", "wire-updates");
    assertThat(result.hits().stream().mapToLong(Hit::copies).sum()).isEqualTo(result.total());
  }

  @Test
  void onlyTheCopiesHoldTheStoryFieldAndTheFounderIsReadAsItsStory() throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      assertThat(reader.getDocCount(ArticleFields.STORY)).isEqualTo(2);
      assertThat(reader.docFreq(new Term(ArticleFields.STORY, ORIGINAL.id()))).isEqualTo(2);
    }
    assertThat(searcher.story(ORIGINAL.id()).orElseThrow().articles()).isEqualTo(3);
    assertThat(searcher.story(COPY.id()).orElseThrow().id()).isEqualTo(ORIGINAL.id());
  }

  @Test
  void copiesWhoseFounderDoesNotMatchAreOneStoryOfTheirOwnCount() throws IOException {
    SearchResult result =
        searcher.search(
            SearchRequest.defaults()
                .with(SearchParameters.QUERY, "northhaven")
                .with(SearchParameters.SOURCES, List.of("daily-herald", "wire-updates"))
                .with(SearchParameters.COLLAPSE, Collapse.STORY));

    assertThat(result.total()).isEqualTo(2);
    assertThat(result.stories()).hasValue(1);
    assertThat(result.hits())
        .singleElement()
        .satisfies(hit -> {
          assertThat(hit.story()).isEqualTo(ORIGINAL.id());
          assertThat(hit.copies()).isEqualTo(2);
          assertThat(hit.storyArticles()).isEqualTo(3);
        });
  }

  @Test
  void withoutCollapseEveryCopyIsAHitAndNoStoriesAreCounted() throws IOException {
    SearchResult result = search("northhaven", Collapse.NONE);

    assertThat(result.hits()).hasSize(5).allSatisfy(h -> assertThat(h.copies()).isEqualTo(1));
    assertThat(result.stories()).isEmpty();
    assertThat(result.hits().stream().filter(h -> h.story().equals(ORIGINAL.id())))
        .extracting(Hit::id)
        .containsExactlyInAnyOrder(ORIGINAL.id(), COPY.id(), UPDATE.id());
  }

  @Test
  void everyHitOfAStoryCountsItsLiveArticles() throws IOException {
    assertThat(search("northhaven", Collapse.NONE).hits())
        .filteredOn(h -> h.story().equals(ORIGINAL.id()))
        .extracting(Hit::storyArticles)
        .containsOnly(3L);
    assertThat(search("northhaven", Collapse.NONE).hits())
        .filteredOn(h -> !h.story().equals(ORIGINAL.id()))
        .extracting(Hit::storyArticles)
        .containsOnly(1L);

    try (ArticleIndexer indexer = ArticleIndexer.open(directory(), Path.of("memory"))) {
      indexer.delete(new TermQuery(new Term(ArticleFields.ID, COPY.id())));
    }
    searcher.refresh();

    assertThat(search("northhaven", Collapse.NONE).hits())
        .filteredOn(h -> h.story().equals(ORIGINAL.id()))
        .extracting(Hit::storyArticles)
        .containsOnly(2L);
  }

  @Test
  void pagesOfStoriesTogetherHoldEachStoryOnce() throws IOException {
    List<String> stories = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      SearchResult result =
          searcher.search(
              SearchRequest.defaults()
                  .with(SearchParameters.QUERY, "northhaven")
                  .with(SearchParameters.COLLAPSE, Collapse.STORY)
                  .with(SearchParameters.SORT, SortOrder.NEWEST)
                  .with(SearchParameters.SIZE, 1)
                  .with(SearchParameters.PAGE, page));
      assertThat(result.hits()).hasSize(1);
      stories.add(result.hits().get(0).story());
    }
    assertThat(stories).doesNotHaveDuplicates().contains(ORIGINAL.id(), SHARED.id(), SHORT.id());
  }

  @Test
  void nextCursorsPageThroughTheStories() throws IOException {
    SearchRequest request =
        SearchRequest.defaults()
            .with(SearchParameters.QUERY, "northhaven")
            .with(SearchParameters.COLLAPSE, Collapse.STORY)
            .with(SearchParameters.SIZE, 2);
    SearchResult first = searcher.search(request);
    SearchResult second =
        searcher.search(request.with(SearchParameters.CURSOR, first.nextCursor().orElseThrow()));

    List<String> stories = new ArrayList<>();
    first.hits().forEach(h -> stories.add(h.story()));
    second.hits().forEach(h -> stories.add(h.story()));
    assertThat(stories).doesNotHaveDuplicates().hasSize(3);
    assertThat(second.nextCursor()).isEmpty();
  }

  @Test
  void aCursorOfAnotherSearchIsRefused() {
    SearchRequest request =
        SearchRequest.defaults()
            .with(SearchParameters.QUERY, "northhaven")
            .with(SearchParameters.COLLAPSE, Collapse.STORY)
            .with(SearchParameters.CURSOR, "abc");
    assertThatThrownBy(() -> searcher.search(request))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("collapse=story");
  }
}
