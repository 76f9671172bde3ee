package io.newsarchive.search;

import static io.newsarchive.testing.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.semantic.PassageEmbedder;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemanticRankingTest {

  private static ArticleSearcher withVectors;

  /**
   * Articles with the word "harvest": only the first is about a crop, and the votes article says
   * the word most.
   */
  private static List<Article> harvests() {
    List<Article> list = new ArrayList<>();
    list.add(
        article(
            "reuters-1",
            "Corn harvest ends early in Iowa",
            "Farmers in Iowa finished the corn harvest two weeks early, and corn yields reached 150"
                + " bushels an acre, the Agriculture Department said.",
            "1987-10-01T00:00:00Z",
            List.of()));
    list.add(
        article(
            "reuters-2",
            "Party hopes for a harvest of votes",
            "The party hopes for a harvest of votes and a harvest of seats in the autumn election.",
            "1987-10-02T00:00:00Z",
            List.of()));
    list.add(
        article(
            "reuters-3",
            "Festival draws crowds",
            "The town festival drew thousands for music and dancing at harvest time, organisers"
                + " said.",
            "1987-10-03T00:00:00Z",
            List.of()));
    list.add(
        article(
            "reuters-4",
            "Bank reaps harvest of fees",
            "The bank said fees from its new branches were a harvest, and its profit rose in the"
                + " quarter as lending grew.",
            "1987-10-04T00:00:00Z",
            List.of()));
    list.add(
        article(
            "reuters-5",
            "Oil prices steady",
            "Crude oil prices held steady in quiet trading.",
            "1987-10-05T00:00:00Z",
            List.of()));
    return list;
  }

  @TempDir static Path temp;

  @BeforeAll
  static void index() throws IOException {
    try (ArticleIndexer indexer = ArticleIndexer.open(temp, Optional.of(PassageEmbedder.load()))) {
      indexer.upsert(harvests());
    }
    // The model's first queries may take seconds on a busy machine; the budget is not under test.
    withVectors =
        ArticleSearcher.open(temp, SearcherOptions.DEFAULTS.withTimeBudget(Duration.ofMinutes(1)));
  }

  @AfterAll
  static void close() throws IOException {
    withVectors.close();
  }

  private static List<String> ids(SearchRequest request) throws IOException {
    return ids(withVectors, request);
  }

  private static SearchRequest query(String q, SemanticRanking semantic) {
    return SearchRequest.defaults()
        .with(SearchParameters.QUERY, q)
        .with(SearchParameters.SEMANTIC, semantic);
  }

  @Test
  void aParaphraseRanksTheArticleThatMeansItFirst() throws IOException {
    List<String> byWords = ids(query("maize harvest", SemanticRanking.NEVER));
    List<String> byMeaning = ids(query("maize harvest", SemanticRanking.AUTO));

    assertThat(byWords).hasSize(4);
    assertThat(byWords.get(0)).isNotEqualTo("reuters-1");
    assertThat(byMeaning).containsExactlyInAnyOrderElementsOf(byWords).startsWith("reuters-1");
  }

  @Test
  void theMeaningOnlyReordersWhatTheWordsMatch() throws IOException {
    SearchResult result = withVectors.search(query("maize harvest", SemanticRanking.ALWAYS));
    SearchResult plain = withVectors.search(query("maize harvest", SemanticRanking.NEVER));

    assertThat(result.total()).isEqualTo(plain.total()).isEqualTo(4);
    assertThat(result.facets()).isEqualTo(plain.facets());
  }

  @Test
  void cursorPagesContinueTheReorderedRanking() throws IOException {
    List<String> whole = ids(query("maize harvest", SemanticRanking.AUTO));
    List<String> paged = new ArrayList<>();
    SearchRequest request =
        query("maize harvest", SemanticRanking.AUTO).with(SearchParameters.SIZE, 1);
    Optional<String> cursor = Optional.of("");
    while (cursor.isPresent()) {
      SearchResult page = withVectors.search(request.with(SearchParameters.CURSOR, cursor.get()));
      page.hits().forEach(hit -> paged.add(hit.id()));
      cursor = page.nextCursor();
    }

    assertThat(paged).isEqualTo(whole);
  }

  @Test
  void otherOrdersThanRelevanceAreLeftAsTheyAre() throws IOException {
    SearchRequest newest =
        query("maize harvest", SemanticRanking.ALWAYS)
            .with(SearchParameters.SORT, SortOrder.NEWEST);

    assertThat(ids(newest)).containsExactly("reuters-4", "reuters-3", "reuters-2", "reuters-1");
  }

  @Test
  void withoutVectorsTheChosenPassagesAreEncodedWhileSearching() throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    TestArticles.index(dir, harvests());
    SearcherOptions options = SearcherOptions.DEFAULTS.withTimeBudget(Duration.ofMinutes(1));
    try (ArticleSearcher plain = new ArticleSearcher(dir, "memory", options)) {
      // Each article here is one passage, so the passage chosen is the one whose stored vector
      // the index with vectors compares.
      assertThat(ids(plain, query("maize harvest", SemanticRanking.ALWAYS)))
          .isEqualTo(ids(withVectors, query("maize harvest", SemanticRanking.ALWAYS)))
          .startsWith("reuters-1");
      // More words than feedback expands: reordered by meaning by default.
      String question = "how much grain did growers gather in the autumn harvest";
      assertThat(ids(plain, query(question, SemanticRanking.AUTO)))
          .isEqualTo(ids(withVectors, query(question, SemanticRanking.AUTO)))
          .isNotEqualTo(ids(plain, query(question, SemanticRanking.NEVER)));
    }
  }

  @Test
  void withoutVectorsAutoLeavesQueriesOfFewWordsToTheWords() throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    TestArticles.index(dir, harvests());
    try (ArticleSearcher plain = new ArticleSearcher(dir, "memory", SearcherOptions.DEFAULTS)) {
      assertThat(ids(plain, query("maize harvest", SemanticRanking.AUTO)))
          .isEqualTo(ids(plain, query("maize harvest", SemanticRanking.NEVER)))
          .isNotEqualTo(ids(withVectors, query("maize harvest", SemanticRanking.AUTO)));
    }
  }

  @Test
  void articlesAddedWithoutVectorsAreComparedByTheirChosenPassage() throws IOException {
    Path mixed = temp.resolve("mixed");
    List<Article> all = harvests();
    try (ArticleIndexer indexer = ArticleIndexer.open(mixed, Optional.of(PassageEmbedder.load()))) {
      indexer.upsert(all.subList(1, all.size()));
    }
    try (ArticleIndexer indexer = ArticleIndexer.open(mixed)) {
      indexer.upsert(all.subList(0, 1));
    }
    SearcherOptions options = SearcherOptions.DEFAULTS.withTimeBudget(Duration.ofMinutes(1));
    try (ArticleSearcher searcher = ArticleSearcher.open(mixed, options)) {
      // The corn story, added later, has no vector, the others have theirs; one passage each, so
      // the order is the one of the index where every article has its vector.
      assertThat(ids(searcher, query("maize harvest", SemanticRanking.AUTO)))
          .isEqualTo(ids(query("maize harvest", SemanticRanking.AUTO)))
          .startsWith("reuters-1");
    }
  }

  private static List<String> ids(ArticleSearcher searcher, SearchRequest request)
      throws IOException {
    return searcher.search(request).hits().stream().map(Hit::id).toList();
  }
}
