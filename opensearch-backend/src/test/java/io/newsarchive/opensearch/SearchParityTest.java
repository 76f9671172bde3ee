package io.newsarchive.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.article.Article;
import io.newsarchive.article.EntityType;
import io.newsarchive.entities.NamedEntityExtractor;
import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.ingest.IngestListener;
import io.newsarchive.ingest.Rejection;
import io.newsarchive.ingest.ReutersSgmlReader;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.Hit;
import io.newsarchive.search.InvalidRequestException;
import io.newsarchive.search.QueryExpansion;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.testing.SharedCorpora;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The same Reuters-21578 articles, tagged with the bundled entity model, in a local index and in a
 * one-shard OpenSearch index of {@link OpenSearchSchema}: every query of {@code parity-queries.txt}
 * gets the same total, facet counts, timeline and word match from both, and the same ten best ids
 * from nearly all (on one shard both score with the same statistics; the queries whose pages differ
 * are printed with both pages).
 */
class SearchParityTest {

  private static final List<String> FILES = List.of("reut2-000.sgm", "reut2-001.sgm");
  private static final String INDEX = "parity";
  private static final String SHARDED = "parity-two-shards";
  private static final String QUERIES = "/parity-queries.txt";

  /** Pseudo-parameter of the query file: how many pages to follow by cursor. */
  private static final String PAGES = "pages";

  private static OpenSearchCluster cluster;
  private static OpenSearchConnection connection;
  private static ArticleSearcher local;
  private static OpenSearchSearch remote;
  private static Path indexDir;

  @BeforeAll
  static void ingestBoth() throws IOException {
    List<Article> articles = reuters();
    indexDir = Files.createTempDirectory("parity-index");
    try (ArticleIndexer indexer = ArticleIndexer.open(indexDir)) {
      indexer.upsert(articles);
      indexer.commit();
    }
    local = ArticleSearcher.open(indexDir, SearcherOptions.DEFAULTS);
    cluster = OpenSearchCluster.start(1);
    connection = cluster.connect();
    OpenSearchClient client = connection.client();
    OpenSearchSchema.create(client, INDEX, 1, 0);
    ArticleBulk.add(client, INDEX, articles);
    remote = new OpenSearchSearch(client, INDEX);
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
  void everyQueryCountsTheSameAndNearlyEveryQueryRanksTheSame() throws IOException {
    Agreement agreement = compare(remote);
    System.out.printf(
        "parity, 1 shard: %d queries (%d with matches), totals, facets and timeline identical on"
            + " all (%d with the same spelling offered, %d with the same feedback words); same ids"
            + " on %d (%.1f%%), same scores on %d,"
            + " same headline snippets on %d of %d hits, same body snippets on %d%n",
        agreement.queries(),
        agreement.matching(),
        agreement.corrected(),
        agreement.expanded(),
        agreement.sameIds(),
        100.0 * agreement.sameIds() / agreement.queries(),
        agreement.sameScores(),
        agreement.sameTitles(),
        agreement.hits(),
        agreement.sameBodies());
    agreement.differing().forEach(System.out::println);
    System.out.printf(
        "parity, 1 shard: searching took %d ms locally, %d ms on OpenSearch%n",
        agreement.localMillis, agreement.remoteMillis);
    assertThat(agreement.queries()).isGreaterThanOrEqualTo(50);
    assertThat(agreement.corrected()).as("queries with a spelling offered").isPositive();
    assertThat(agreement.expanded()).as("queries with feedback words").isPositive();
    assertThat(agreement.matching()).isGreaterThanOrEqualTo(agreement.queries() * 9 / 10);
    assertThat(agreement.sameIds()).isGreaterThanOrEqualTo(ninetyPercent(agreement.queries()));
    assertThat(agreement.sameScores()).isGreaterThanOrEqualTo(ninetyPercent(agreement.sameIds()));
    assertThat(agreement.sameTitles()).isGreaterThanOrEqualTo(ninetyPercent(agreement.hits()));
    assertThat(agreement.sameBodies()).isGreaterThanOrEqualTo(ninetyPercent(agreement.hits()));
  }

  private static int ninetyPercent(int count) {
    return (int) Math.ceil(0.9 * count);
  }

  @Test
  void countsAreExactOnTwoShards() throws IOException {
    OpenSearchClient client = connection.client();
    OpenSearchSchema.create(client, SHARDED, 2, 0);
    List<Article> articles = reuters();
    ArticleBulk.add(client, SHARDED, articles);

    Agreement agreement = compare(new OpenSearchSearch(client, SHARDED));
    System.out.printf(
        "parity, 2 shards: %d queries, totals, facets and timeline identical on all; same ids on"
            + " %d (%.1f%%), same scores on %d%n",
        agreement.queries(),
        agreement.sameIds(),
        100.0 * agreement.sameIds() / agreement.queries(),
        agreement.sameScores());
    agreement.differing().forEach(System.out::println);
    // The whole index's word statistics (dfs_query_then_fetch) score as one shard does.
    assertThat(agreement.sameIds()).isGreaterThanOrEqualTo(ninetyPercent(agreement.queries()));
  }

  /**
   * How the answers of {@code opensearch} agree with the local ones over the query set; fails at
   * the first query whose total, facets, timeline, word match or paging differ.
   */
  private static Agreement compare(OpenSearchSearch opensearch) throws IOException {
    List<String> lines = queryLines();
    Agreement agreement = new Agreement(lines.size());
    for (String line : lines) {
      Map<String, List<String>> texts = parameters(line);
      int pages = texts.containsKey(PAGES) ? Integer.parseInt(texts.remove(PAGES).get(0)) : 1;
      SearchRequest request = SearchRequest.of(SearchParameters.parse(SearchParameters.ALL, texts));
      List<Hit> localHits = new ArrayList<>();
      List<Hit> remoteHits = new ArrayList<>();
      SearchRequest localPage = request;
      SearchRequest remotePage = request;
      for (int page = 0; page < pages; page++) {
        SearchResult ours = local.search(localPage);
        SearchResult theirs = opensearch.search(remotePage);
        assertThat(theirs.total()).as(line).isEqualTo(ours.total());
        assertThat(theirs.facets()).as(line).isEqualTo(ours.facets());
        assertThat(theirs.timeline()).as(line).isEqualTo(ours.timeline());
        assertThat(theirs.match()).as(line).isEqualTo(ours.match());
        assertThat(theirs.didYouMean()).as(line).isEqualTo(ours.didYouMean());
        assertThat(theirs.expandedWith()).as(line).isEqualTo(ours.expandedWith());
        assertThat(theirs.timedOut()).as(line).isFalse();
        assertThat(theirs.nextCursor().isPresent())
            .as(line)
            .isEqualTo(ours.nextCursor().isPresent());
        localHits.addAll(ours.hits());
        remoteHits.addAll(theirs.hits());
        if (page == 0 && ours.total() > 0) {
          agreement.matching++;
        }
        agreement.localMillis += ours.tookMillis();
        agreement.remoteMillis += theirs.tookMillis();
        if (page == 0 && ours.didYouMean().isPresent()) {
          agreement.corrected++;
        }
        if (page == 0 && !ours.expandedWith().isEmpty()) {
          agreement.expanded++;
        }
        if (ours.nextCursor().isEmpty() || page + 1 == pages) {
          break;
        }
        localPage = request.with(SearchParameters.CURSOR, ours.nextCursor().get());
        remotePage = request.with(SearchParameters.CURSOR, theirs.nextCursor().get());
      }
      agreement.add(line, localHits, remoteHits);
    }
    return agreement;
  }

  /** How far the pages of the query set agree. */
  private static final class Agreement {
    private final int queries;
    private int matching;
    private int corrected;
    private long localMillis;
    private long remoteMillis;
    private int expanded;
    private int sameIds;
    private int sameScores;
    private int hits;
    private int sameTitles;
    private int sameBodies;
    private final List<String> differing = new ArrayList<>();

    Agreement(int queries) {
      this.queries = queries;
    }

    void add(String line, List<Hit> ours, List<Hit> theirs) {
      List<String> localIds = ours.stream().map(Hit::id).toList();
      List<String> remoteIds = theirs.stream().map(Hit::id).toList();
      if (!localIds.equals(remoteIds)) {
        differing.add(line + "\n  local:      " + localIds + "\n  opensearch: " + remoteIds);
        return;
      }
      sameIds++;
      boolean scores = true;
      for (int i = 0; i < ours.size(); i++) {
        Hit local = ours.get(i);
        Hit remote = theirs.get(i);
        scores &= Math.abs(local.score() - remote.score()) <= 1e-5f * Math.abs(local.score());
        hits++;
        sameTitles += local.titleSnippet().equals(remote.titleSnippet()) ? 1 : 0;
        if (local.bodySnippet().equals(remote.bodySnippet())) {
          sameBodies++;
        } else {
          differing.add(
              line
                  + " "
                  + local.id()
                  + "\n  local:      "
                  + local.bodySnippet().html()
                  + "\n  opensearch: "
                  + remote.bodySnippet().html());
        }
      }
      sameScores += scores ? 1 : 0;
      if (!scores) {
        differing.add(
            line
                + "\n  scores differ: "
                + ours.stream().map(Hit::score).toList()
                + "\n                 "
                + theirs.stream().map(Hit::score).toList());
      }
    }

    int queries() {
      return queries;
    }

    int matching() {
      return matching;
    }

    int corrected() {
      return corrected;
    }

    int expanded() {
      return expanded;
    }

    int sameIds() {
      return sameIds;
    }

    int sameScores() {
      return sameScores;
    }

    int hits() {
      return hits;
    }

    int sameTitles() {
      return sameTitles;
    }

    int sameBodies() {
      return sameBodies;
    }

    List<String> differing() {
      return differing;
    }
  }

  @Test
  void proximityPhraseWithAStopWordInsideIsRefused() throws IOException {
    SearchRequest request =
        SearchRequest.defaults().with(SearchParameters.QUERY, "\"bank of england\"~2");

    assertThat(local.search(request).total()).isPositive();
    assertThatThrownBy(() -> remote.search(request))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("proximity search not available on OpenSearch");
  }

  @Test
  void entityCountsAreTheSame() throws IOException {
    SearchRequest request = SearchRequest.defaults().with(SearchParameters.QUERY, "oil");
    for (EntityType type : EntityType.values()) {
      assertThat(remote.topEntities(type, request))
          .as(type.key())
          .isNotEmpty()
          .isEqualTo(local.topEntities(type, request));
    }
  }

  @Test
  void badQueriesAreRefusedWithTheLocalMessage() {
    for (String q : List.of("\"unclosed", "a*", "title:(oil", "price:5")) {
      SearchRequest request = SearchRequest.defaults().with(SearchParameters.QUERY, q);
      InvalidRequestException expected = null;
      try {
        local.search(request);
      } catch (InvalidRequestException | IOException e) {
        expected = (InvalidRequestException) e;
      }
      assertThat(expected).as(q).isNotNull();
      String message = expected.getMessage();
      assertThatThrownBy(() -> remote.search(request))
          .as(q)
          .isInstanceOf(InvalidRequestException.class)
          .hasMessage(message);
    }
  }

  @Test
  void feedbackAddsTheSameWordsAndReordersAlike() throws IOException {
    SearchRequest request = SearchRequest.defaults().with(SearchParameters.QUERY, "cocoa");
    SearchResult ours = local.search(request);
    SearchResult theirs = remote.search(request);

    assertThat(ours.expandedWith()).isNotEmpty();
    assertThat(theirs.expandedWith()).isEqualTo(ours.expandedWith());
    assertThat(theirs.hits())
        .extracting(Hit::id)
        .isEqualTo(ours.hits().stream().map(Hit::id).toList());
    assertThat(
            remote
                .search(request.with(SearchParameters.EXPAND, QueryExpansion.NEVER))
                .expandedWith())
        .isEmpty();
  }

  @Test
  void snippetsMarkTheQueryWordsEscaped() throws IOException {
    SearchResult result =
        remote.search(
            SearchRequest.defaults()
                .with(SearchParameters.QUERY, "cocoa")
                .with(SearchParameters.EXPAND, QueryExpansion.NEVER));

    assertThat(result.hits()).isNotEmpty();
    for (Hit hit : result.hits()) {
      assertThat(hit.bodySnippet().html()).containsIgnoringCase("<mark>cocoa</mark>");
      assertThat(hit.bodySnippet().html().replace("<mark>", "").replace("</mark>", ""))
          .doesNotContain("<", ">");
    }
  }

  private static List<String> queryLines() throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                SearchParityTest.class.getResourceAsStream(QUERIES), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String kept = line.strip();
        if (!kept.isEmpty() && !kept.startsWith("#")) {
          lines.add(kept);
        }
      }
    }
    return lines;
  }

  /** The parameters of a URL query string, repeated names kept in order. */
  private static Map<String, List<String>> parameters(String line) {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    for (String pair : line.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      texts.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return texts;
  }

  /** The articles of {@link #FILES}, tagged as an ingest with entities tags them. */
  private static List<Article> reuters() throws IOException {
    NamedEntityExtractor extractor = NamedEntityExtractor.loadDefault();
    List<Article> articles = new ArrayList<>();
    for (String name : FILES) {
      Path file = SharedCorpora.require("corpora/reuters21578/" + name);
      try (ReutersSgmlReader reader = ReutersSgmlReader.open(file, new Quiet())) {
        for (Optional<Article> next = reader.next(); next.isPresent(); next = reader.next()) {
          Article article = next.get();
          articles.add(article.withEntities(extractor.extract(article.title(), article.body())));
        }
      }
    }
    return articles;
  }

  /** Skips what the reader rejects, as an ingest does. */
  private static final class Quiet implements IngestListener {
    @Override
    public void rejected(Rejection rejection) {}

    @Override
    public void warned(Rejection warning) {}
  }
}
