package io.newsarchive.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.index.ClusterIndex;
import io.newsarchive.index.UpsertOutcome;
import io.newsarchive.ingest.IngestListener;
import io.newsarchive.ingest.Rejection;
import io.newsarchive.ingest.ReutersSgmlReader;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.Collapse;
import io.newsarchive.search.Hit;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.search.SortOrder;
import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * The same Reuters-21578 articles ingested into a local index and, through {@link
 * OpenSearchArticleStore}, into a one-shard OpenSearch index: every article gets the same story on
 * both, also when a later ingest finds the copies an earlier one stored, a second ingest changes
 * none, and searches with {@code collapse=story} give the same hits, totals, stories, copies and
 * copy sources.
 */
class StoryParityTest {

  private static final List<String> FILES =
      List.of("reut2-000.sgm", "reut2-001.sgm", "reut2-002.sgm");
  private static final String INDEX = "stories";

  /** Articles per ingest when a later ingest is to find what earlier ones stored. */
  private static final int RUN = 150;

  private static OpenSearchCluster cluster;
  private static OpenSearchConnection connection;
  private static ArticleSearcher local;
  private static OpenSearchSearch remote;
  private static Path indexDir;
  private static List<Article> articles;
  private static ClusterIndex target;

  @BeforeAll
  static void ingestBoth() throws IOException {
    articles = reuters();
    indexDir = Files.createTempDirectory("story-parity-index");
    try (ArticleIndexer indexer = ArticleIndexer.open(indexDir)) {
      indexer.upsert(articles);
      indexer.commit();
    }
    local = ArticleSearcher.open(indexDir, SearcherOptions.DEFAULTS);
    cluster = OpenSearchCluster.start(1);
    connection = cluster.connect();
    target = new ClusterIndex(cluster.httpUris(), INDEX, 1, 0);
    try (OpenSearchArticleStore store =
        OpenSearchArticleStore.open(cluster.connect(), target, Backoff.DEFAULT)) {
      store.upsert(articles);
    }
    remote = new OpenSearchSearch(connection.client(), INDEX);
  }

  @AfterAll
  static void stopBoth() throws IOException {
    if (local != null) {
      local.close();
    }
    if (connection != null) {
      connection.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void everyArticleHasTheStoryItHasLocally() throws IOException {
    Map<String, String> ours = localStories();
    Map<String, String> theirs = remoteStories();

    long grouped = ours.entrySet().stream().filter(e -> !e.getKey().equals(e.getValue())).count();
    System.out.printf(
        "story parity: %d articles, %d of them copies of another's story, %d stories%n",
        ours.size(), grouped, new HashSet<>(ours.values()).size());
    assertThat(grouped).as("articles grouped with an earlier copy").isGreaterThan(20);
    assertThat(theirs).isEqualTo(ours);
  }

  @Test
  void laterIngestsFindTheCopiesEarlierOnesStored() throws IOException {
    String index = "stories-in-runs";
    ClusterIndex runs = new ClusterIndex(cluster.httpUris(), index, 1, 0);
    Map<String, Integer> run = new HashMap<>();
    for (int start = 0; start < articles.size(); start += RUN) {
      List<Article> part = articles.subList(start, Math.min(articles.size(), start + RUN));
      part.forEach(article -> run.put(article.id(), run.size() / RUN));
      try (OpenSearchArticleStore store =
          OpenSearchArticleStore.open(cluster.connect(), runs, Backoff.DEFAULT)) {
        store.upsert(part);
      }
    }

    Map<String, String> ours = localStories();
    long acrossRuns =
        ours.entrySet().stream()
            .filter(e -> !run.get(e.getKey()).equals(run.get(e.getValue())))
            .count();
    System.out.printf(
        "story parity: in runs of %d articles, %d join a story of an earlier run%n",
        RUN, acrossRuns);
    assertThat(acrossRuns).isGreaterThan(5);
    assertThat(remoteStories(index)).isEqualTo(ours);
  }

  @Test
  void ingestingTheSameArticlesAgainChangesNoStory() throws IOException {
    Map<String, String> before = remoteStories();
    List<UpsertOutcome> outcomes;
    try (OpenSearchArticleStore store =
        OpenSearchArticleStore.open(cluster.connect(), target, Backoff.DEFAULT)) {
      outcomes = store.upsert(articles);
    }

    assertThat(outcomes).containsOnly(UpsertOutcome.UNCHANGED);
    assertThat(remoteStories()).isEqualTo(before);
  }

  @Test
  void collapsedSearchesAnswerAlike() throws IOException {
    List<SearchRequest> requests =
        new ArrayList<>(
            List.of(
                collapsed("").with(SearchParameters.SORT, SortOrder.NEWEST),
                collapsed("oil").with(SearchParameters.SORT, SortOrder.OLDEST),
                collapsed("grain wheat").with(SearchParameters.SORT, SortOrder.NEWEST),
                collapsed("cocoa"),
                collapsed("dividend").with(SearchParameters.SIZE, 50),
                collapsed("bank").with(SearchParameters.PAGE, 3)));
    for (String headline : largestStoriesHeadlines(8)) {
      requests.add(collapsed(headline).with(SearchParameters.SIZE, 5));
    }
    int copies = 0;
    for (SearchRequest request : requests) {
      SearchResult ours = local.search(request);
      SearchResult theirs = remote.search(request);
      String query = request.get(SearchParameters.QUERY);
      assertAlike(query, ours, theirs);
      copies += (int) ours.hits().stream().filter(h -> h.copies() > 1).count();
      assertThat(theirs.nextCursor()).as(query).isEqualTo(ours.nextCursor());
      if (ours.nextCursor().isPresent() && request.get(SearchParameters.PAGE) == 1) {
        SearchRequest next = request.with(SearchParameters.CURSOR, ours.nextCursor().get());
        assertAlike(query + " (next page)", local.search(next), remote.search(next));
      }
    }
    System.out.printf(
        "story parity: %d collapsed searches alike, %d of their hits stand for several copies%n",
        requests.size(), copies);
    assertThat(copies).as("hits that stand for several copies").isGreaterThan(5);
  }

  private static void assertAlike(String query, SearchResult ours, SearchResult theirs) {
    assertThat(theirs.total()).as(query).isEqualTo(ours.total());
    assertThat(theirs.stories()).as(query).isEqualTo(ours.stories());
    assertThat(theirs.stories()).as(query).isPresent();
    assertThat(shown(theirs)).as(query).isEqualTo(shown(ours));
    assertThat(theirs.nextCursor().isPresent()).as(query).isEqualTo(ours.nextCursor().isPresent());
  }

  /** What a collapsed hit shows of its story. */
  private static List<String> shown(SearchResult result) {
    List<String> shown = new ArrayList<>();
    for (Hit hit : result.hits()) {
      shown.add(
          hit.id()
              + " story="
              + hit.story()
              + " articles="
              + hit.storyArticles()
              + " copies="
              + hit.copies()
              + " sources="
              + hit.copySources());
    }
    return shown;
  }

  /**
   * The first words of the headlines of the {@code count} largest local stories' first articles, as
   * queries that match copies.
   */
  private static List<String> largestStoriesHeadlines(int count) throws IOException {
    Map<String, Long> sizes = new HashMap<>();
    localStories().values().forEach(story -> sizes.merge(story, 1L, Long::sum));
    Map<String, String> titles = new HashMap<>();
    articles.forEach(article -> titles.put(article.id(), article.title()));
    return sizes.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(count)
        .map(story -> titles.get(story.getKey()).replaceAll("[^\\p{L}\\p{N}]+", " ").strip())
        .map(title ->
            String.join(
                " ", List.of(title.split(" ")).subList(0, Math.min(4, title.split(" ").length))))
        .toList();
  }

  private static SearchRequest collapsed(String q) {
    return SearchRequest.defaults()
        .with(SearchParameters.QUERY, q)
        .with(SearchParameters.COLLAPSE, Collapse.STORY);
  }

  private static Map<String, String> localStories() throws IOException {
    Map<String, String> stories = new HashMap<>();
    try (FSDirectory directory = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      StoredFields stored = reader.storedFields();
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        var document = stored.document(doc);
        stories.put(document.get(ArticleFields.ID), ArticleDocuments.story(document));
      }
    }
    return stories;
  }

  private static Map<String, String> remoteStories() throws IOException {
    return remoteStories(INDEX);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Map<String, String> remoteStories(String index) throws IOException {
    Map<String, String> stories = new HashMap<>();
    List<FieldValue> after = List.of();
    while (true) {
      List<FieldValue> from = after;
      SearchResponse<Map> response =
          connection
              .client()
              .search(
                  s -> {
                    s.index(index)
                        .size(5_000)
                        .sort(o -> o.field(f -> f.field("id")))
                        .source(src -> src.filter(f -> f.includes("id", "story")));
                    if (!from.isEmpty()) {
                      s.searchAfter(from);
                    }
                    return s;
                  },
                  Map.class);
      var hits = response.hits().hits();
      if (hits.isEmpty()) {
        return stories;
      }
      for (var hit : hits) {
        Map<String, Object> source = hit.source();
        stories.put(String.valueOf(source.get("id")), ArticleSource.story(source));
      }
      after = hits.get(hits.size() - 1).sort();
    }
  }

  private static List<Article> reuters() throws IOException {
    List<Article> read = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (String name : FILES) {
      Path file = SharedCorpora.require("corpora/reuters21578/" + name);
      try (ReutersSgmlReader reader = ReutersSgmlReader.open(file, new Quiet())) {
        for (Optional<Article> next = reader.next(); next.isPresent(); next = reader.next()) {
          if (ids.add(next.get().id())) {
            read.add(next.get());
          }
        }
      }
    }
    return read;
  }

  /** Skips what the reader rejects, as an ingest does. */
  private static final class Quiet implements IngestListener {
    @Override
    public void rejected(Rejection rejection) {}

    @Override
    public void warned(Rejection warning) {}
  }
}
