package io.newsarchive.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.newsarchive.article.Article;
import io.newsarchive.article.EntityType;
import io.newsarchive.entities.NamedEntityExtractor;
import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.index.IndexVersionException;
import io.newsarchive.search.ArchiveEntityNames;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.FacetField;
import io.newsarchive.search.Hit;
import io.newsarchive.search.IndexStats;
import io.newsarchive.search.InvalidRequestException;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.search.Significance;
import io.newsarchive.search.SignificantTerm;
import io.newsarchive.search.SignificantTerms;
import io.newsarchive.search.Suggestion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * The OpenSearch backend's lookups, statistics, suggestions and related articles against the local
 * index's answers over the same 1,000 tagged Reuters-21578 articles, on one real node.
 */
class OpenSearchBackendTest {

  private static final String INDEX = "articles";

  @TempDir static Path temp;

  private static OpenSearchCluster cluster;
  private static OpenSearchBackend remote;
  private static ArticleSearcher local;
  private static List<Article> articles;

  @BeforeAll
  static void indexBothWays() throws IOException {
    NamedEntityExtractor tagger = NamedEntityExtractor.loadDefault();
    articles = new ArrayList<>();
    for (Article article : ReutersArticles.first(1000)) {
      articles.add(article.withEntities(tagger.extract(article.title(), article.body())));
    }
    Path dir = temp.resolve("local");
    try (ArticleIndexer indexer = ArticleIndexer.open(dir)) {
      indexer.upsert(articles);
      indexer.commit();
    }
    local = ArticleSearcher.open(dir, SearcherOptions.DEFAULTS);

    cluster = OpenSearchCluster.start(1);
    OpenSearchConnection connection = cluster.connect();
    OpenSearchClient client = connection.client();
    OpenSearchSchema.create(client, INDEX, 1, 0);
    ArticleBulk.add(client, INDEX, articles);
    remote = OpenSearchBackend.open(connection, INDEX, SearcherOptions.DEFAULTS);
  }

  @AfterAll
  static void close() throws IOException {
    if (remote != null) {
      remote.close();
    }
    if (local != null) {
      local.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theUnusualWordsAndNamesOfAResultAreNearlyTheLocalOnes() throws IOException {
    for (String q : List.of("oil", "grain OR wheat", "")) {
      SearchRequest request = SearchRequest.defaults().with(SearchParameters.QUERY, q);
      SignificantTerms theirs = remote.significant(request, 20, 100);
      SignificantTerms ours = local.significant(request, 20, 100);
      System.out.printf(
          "significant '%s': OpenSearch %s%n                local %s%n",
          q, words(theirs.terms()), words(ours.terms()));
      assertThat(theirs.total()).as(q).isEqualTo(ours.total());
      assertThat(theirs.sample())
          .as(q)
          .isEqualTo(ours.sample())
          .isEqualTo(Math.min(100, ours.total()));
      assertThat(words(theirs.terms())).as(q).allMatch(Significance::isCandidate);
      System.out.printf(
          "significant phrases '%s': OpenSearch %s%n                        local %s%n",
          q, words(theirs.phrases()), words(ours.phrases()));
      // The same code counts the same sample's bodies, and a phrase is found alike in both.
      assertThat(theirs.phrases()).as(q).isEqualTo(ours.phrases());
      // The copies of a wire story are spotted by other rules, so the counts may differ a little.
      assertThat(words(theirs.terms()).subList(0, 10))
          .as(q)
          .containsAnyElementsOf(words(ours.terms()).subList(0, 3));
      ArchiveEntityNames names = remote.entityNames();
      for (EntityType type : EntityType.values()) {
        assertThat(words(theirs.of(type)))
            .as(q + " " + type)
            .allMatch(name -> names.of(type).canonical(name).equals(name));
      }
    }
    SignificantTerms oil =
        remote.significant(SearchRequest.defaults().with(SearchParameters.QUERY, "oil"), 20, 100);
    assertThat(words(oil.terms()).subList(0, 10)).contains("oil");
    assertThat(oil.of(EntityType.ORGANIZATION)).isNotEmpty();
    assertThat(oil.phrases()).isNotEmpty();
    assertThatThrownBy(() -> remote.significant(SearchRequest.defaults(), 20, 0))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void codeFacetsAndExcludedValuesCountAsLocally() throws IOException {
    SearchRequest oil =
        SearchRequest.defaults()
            .with(SearchParameters.QUERY, "oil")
            .with(SearchParameters.SIZE, 0)
            .with(SearchParameters.FACET_SIZE, 5)
            .with(
                SearchParameters.FACETS,
                Set.of(
                    FacetField.TOPIC,
                    FacetField.PLACE_CODE,
                    FacetField.ORG_CODE,
                    FacetField.EXCHANGE,
                    FacetField.PERSON_CODE));
    SearchResult ours = local.search(oil);
    assertThat(remote.search(oil).facets()).isEqualTo(ours.facets());
    assertThat(ours.facets().get(FacetField.TOPIC)).isNotEmpty();
    String topic = ours.facets().get(FacetField.TOPIC).get(0).value();
    SearchRequest withoutTopic =
        oil.with(SearchParameters.EXCLUSIONS.get(FacetField.TOPIC), List.of(topic));
    long left = local.search(withoutTopic).total();
    assertThat(left).isEqualTo(ours.total() - ours.facets().get(FacetField.TOPIC).get(0).count());
    assertThat(remote.search(withoutTopic).total()).isEqualTo(left);
    SearchRequest withoutPlace =
        oil.with(SearchParameters.EXCLUSIONS.get(FacetField.PLACE), List.of("Saudi Arabia"));
    assertThat(remote.search(withoutPlace).total()).isEqualTo(local.search(withoutPlace).total());
  }

  private static List<String> words(List<SignificantTerm> terms) {
    return terms.stream().map(SignificantTerm::term).toList();
  }

  @Test
  void everyArticleComesBackAsTheLocalIndexGivesIt() throws IOException {
    for (Article article : articles) {
      assertThat(remote.article(article.id()))
          .as(article.id())
          .isEqualTo(local.article(article.id()));
    }
    assertThat(remote.article("no-such-article")).isEmpty();
  }

  @Test
  void statisticsAreTheLocalIndexStatistics() throws IOException {
    IndexStats theirs = remote.stats();
    IndexStats ours = local.stats();

    assertThat(theirs.articles()).isEqualTo(ours.articles()).isEqualTo(articles.size());
    assertThat(theirs.oldest()).isEqualTo(ours.oldest()).isPresent();
    assertThat(theirs.newest()).isEqualTo(ours.newest());
    assertThat(theirs.sources()).isEqualTo(ours.sources());
    assertThat(theirs.indexBytes()).isPositive();
    assertThat(remote.indexBytes()).isEqualTo(theirs.indexBytes());
    assertThat(remote.count()).isEqualTo(local.count());
  }

  @Test
  void suggestionsAreTheLocalSuggestions() throws Exception {
    List<Suggestion> probe = List.of();
    for (int i = 0; i < 100 && probe.isEmpty(); i++) {
      // The local suggester is built in the background after opening.
      probe = local.suggest("reag", 10);
      Thread.sleep(100);
    }
    assertThat(probe).isNotEmpty();
    int compared = 0;
    for (String prefix :
        List.of("reag", "ronald rea", "cocoa", "bank of", "japan", "oil pri", "ge", "u.s.", "xq")) {
      List<Suggestion> ours = local.suggest(prefix, 20);
      List<Suggestion> theirs = remote.suggest(prefix, 20);
      if (ours.size() < 20) {
        // Every suggestion fits: the same ones, whatever the order of ties.
        assertThat(theirs).as(prefix).containsExactlyInAnyOrderElementsOf(ours);
        compared++;
      } else {
        assertThat(theirs).as(prefix).hasSize(20);
      }
      assertThat(kinds(theirs))
          .as(prefix + ": names before headlines")
          .isSortedAccordingTo(Integer::compare);
    }
    assertThat(compared).isGreaterThanOrEqualTo(5);
    assertThat(remote.suggest("  ", 5)).isEmpty();
    assertThatThrownBy(() -> remote.suggest("oil", 0)).isInstanceOf(InvalidRequestException.class);
  }

  private static List<Integer> kinds(List<Suggestion> suggestions) {
    return suggestions.stream().map(s -> s.kind() == Suggestion.Kind.TITLE ? 1 : 0).toList();
  }

  @Test
  void relatedArticlesAreTheLocalOnes() throws IOException {
    // One shard holds the same articles as the local index: the same terms are picked with the
    // same statistics and scored alike, so the same articles come back in the same order.
    for (int i = 0; i < articles.size(); i += 50) {
      String id = articles.get(i).id();
      List<Hit> theirs = remote.related(id, 5).orElseThrow();
      List<Hit> ours = local.related(id, 5).orElseThrow();

      assertThat(ours).as(id).isNotEmpty();
      assertThat(ids(theirs)).as(id).isEqualTo(ids(ours)).doesNotContain(id);
      for (int hit = 0; hit < ours.size(); hit++) {
        assertThat(theirs.get(hit).score()).as(id).isCloseTo(ours.get(hit).score(), within(1e-3f));
      }
    }
    assertThat(remote.related("no-such-article", 5)).isEmpty();
  }

  private static List<String> ids(List<Hit> hits) {
    return hits.stream().map(Hit::id).toList();
  }

  @Test
  void anIndexOfAnotherSchemaIsRefusedOnOpen() throws IOException {
    OpenSearchConnection connection = cluster.connect();
    try {
      TestIndex.create(connection.client(), "foreign-articles", 1, 0);
      assertThatThrownBy(() ->
              OpenSearchBackend.open(connection, "foreign-articles", SearcherOptions.DEFAULTS))
          .isInstanceOf(IndexVersionException.class);
      assertThatThrownBy(
              () -> OpenSearchBackend.open(connection, "missing", SearcherOptions.DEFAULTS))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("no index missing");
    } finally {
      connection.close();
    }
  }
}
