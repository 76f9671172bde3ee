package io.newsarchive.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.article.EntityType;
import io.newsarchive.cli.IndexCommand;
import io.newsarchive.index.ClusterIndex;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.FacetCount;
import io.newsarchive.search.FacetField;
import io.newsarchive.search.Hit;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.search.SignificantTerms;
import io.newsarchive.search.Suggestion;
import io.newsarchive.search.Suggestion.Kind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Persian, Arabic, French, German and English fixtures of the local language tests, indexed by
 * the same {@code newsarchive index} run (language detection, the tagger on) into a local index and
 * into OpenSearch: each query finds the same articles in both, with the same total, language
 * counts, snippets and entities (none for the articles not in English).
 */
class LanguageParityTest {

  private static final String INDEX = "languages";

  @TempDir static Path temp;

  private static OpenSearchCluster cluster;
  private static ArticleSearcher local;
  private static OpenSearchBackend remote;

  @BeforeAll
  static void indexBoth() throws IOException, URISyntaxException {
    Path fixtures = LanguageFixtures.copyTo(temp.resolve("fixtures"));
    String jsonl = fixtures.resolve("jsonl").toString();
    String text = fixtures.resolve("text").toString();
    Path dir = temp.resolve("local");
    index(new IndexCommand(), "--index", dir.toString(), "--progress", "never", jsonl, text);
    local = ArticleSearcher.open(dir, SearcherOptions.DEFAULTS);

    cluster = OpenSearchCluster.start(1);
    String nodes = cluster.httpUris().get(0).toString();
    index(
        new IndexCommand(OpenSearchArticleStore::open),
        "--opensearch",
        nodes,
        "--opensearch-index",
        INDEX,
        "--progress",
        "never",
        jsonl,
        text);
    remote = OpenSearchBackend.open(cluster.connect(), INDEX, SearcherOptions.DEFAULTS);
  }

  private static void index(IndexCommand command, String... args) {
    StringWriter err = new StringWriter();
    int exit = new CommandLine(command).setErr(new PrintWriter(err)).execute(args);
    assertThat(exit).as(err.toString()).isZero();
  }

  @AfterAll
  static void closeBoth() throws IOException {
    if (local != null) {
      local.close();
    }
    if (remote != null) {
      remote.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aPersianWordAndItsPluralFindThePersianArticleOnBoth() throws IOException {
    assertThat(same("بازار", "")).containsExactly("tehran-daily-fa-oil");
    // The plural is stemmed to the word, by the Persian analyzer of each backend.
    assertThat(same("بازارها", "")).containsExactly("tehran-daily-fa-oil");
    assertThat(same("بازارها", "fa")).containsExactly("tehran-daily-fa-oil");
    assertThat(same("oil", "fa")).isEmpty();
  }

  @Test
  void anArabicWordFindsTheArabicArticleOnBoth() throws IOException {
    assertThat(same("اسواق", "")).containsExactly("cairo-herald-ar-oil");
    assertThat(same("اسواق", "ar")).containsExactly("cairo-herald-ar-oil");
  }

  @Test
  void aQueryWithoutALanguageFindsEachLanguagesArticlesOnBoth() throws IOException {
    assertThat(same("oil OR بازارها", ""))
        .containsExactlyInAnyOrder("example-wire-en-oil", "tehran-daily-fa-oil");
    assertThat(same("electricite", "")).containsExactly("le-quotidien-fr-power");
    assertThat(same("Haus", "")).hasSize(1);
  }

  @Test
  void anEnglishQueryFindsTheEnglishArticleWithItsEntitiesOnBoth() throws IOException {
    assertThat(same("prices", "")).containsExactly("example-wire-en-oil");
    assertThat(same("prices", "en")).containsExactly("example-wire-en-oil");
    Hit english = remote.search(request("prices", "")).hits().get(0);
    Hit persian = remote.search(request("بازار", "fa")).hits().get(0);
    assertThat(english.entities()).containsKeys(EntityType.values());
    assertThat(english.entities().get(EntityType.LOCATION)).contains("London");
    assertThat(english.titleSnippet().html())
        .isEqualTo("Oil <mark>prices</mark> rise as OPEC members cut output");
    assertThat(persian.entities()).isEmpty();
    assertThat(persian.bodySnippet().html()).contains("<mark>بازارهای</mark>");
  }

  @Test
  void everyArticleIsCountedUnderItsLanguageOnBoth() throws IOException {
    assertThat(same("", "")).hasSize(10);
    assertThat(languages(remote.search(request("", ""))))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("fa", 3L, "ar", 2L, "fr", 2L, "de", 2L, "en", 1L));
  }

  @Test
  void persianHeadlinesAreSuggestedAndRelatedArticlesFoundAsLocallyWithinALanguage()
      throws Exception {
    assertThat(related(remote, "example-wire-en-oil"))
        .containsExactlyInAnyOrderElementsOf(related(local, "example-wire-en-oil"));
    // A word is weighed by the articles of its language that hold it on OpenSearch, by those of
    // any language locally: there the Persian and the Arabic oil stories share the stems خام
    // (crude) and صادر (exports) and are related, here the Persian story relates to the other
    // Persian one only.
    assertThat(related(local, "tehran-daily-fa-oil"))
        .containsExactlyInAnyOrder("tehran-daily-fa-budget", "cairo-herald-ar-oil");
    assertThat(related(remote, "tehran-daily-fa-oil")).containsExactly("tehran-daily-fa-budget");
    List<Suggestion> ours = List.of();
    for (int i = 0; i < 100 && ours.isEmpty(); i++) {
      // The local suggester is built in the background after opening.
      ours = local.suggest("افزایش", 10);
      Thread.sleep(100);
    }
    assertThat(ours).contains(new Suggestion("افزایش قیمت نفت در بازارهای جهانی", Kind.TITLE));
    assertThat(remote.suggest("افزایش", 10)).containsExactlyInAnyOrderElementsOf(ours);
  }

  @Test
  void theUnusualWordsOfPersianArticlesAreTheLocalOnes() throws IOException {
    SearchRequest persian = request("", "fa");
    SignificantTerms ours = local.significant(persian, 20, 200);
    SignificantTerms theirs = remote.significant(persian, 20, 200);

    assertThat(ours.terms()).isNotEmpty();
    assertThat(words(theirs)).isEqualTo(words(ours));
  }

  private static List<String> words(SignificantTerms terms) {
    return terms.terms().stream()
        .map(t -> t.term() + " " + t.foreground() + "/" + t.background())
        .sorted()
        .toList();
  }

  private static List<String> related(SearchBackend backend, String id) throws IOException {
    return backend.related(id, 5).orElseThrow().stream().map(Hit::id).toList();
  }

  @Test
  void aLanguageIngestedAfterTheBackendOpenedIsSearchedOnceTheIndexHasChanged() throws Exception {
    ClusterIndex target = new ClusterIndex(cluster.httpUris(), "growing", 1, 0);
    Article english = remote.article("example-wire-en-oil").orElseThrow();
    Article persian = remote.article("tehran-daily-fa-oil").orElseThrow();
    try (OpenSearchArticleStore store = OpenSearchArticleStore.open(target);
        OpenSearchBackend growing =
            OpenSearchBackend.open(cluster.connect(), "growing", SearcherOptions.DEFAULTS)) {
      store.upsert(List.of(english));
      store.commit();
      // An English archive: the query is analyzed as English alone, and finds nothing.
      assertThat(growing.search(request("بازارها", "")).total()).isZero();

      store.upsert(List.of(persian));
      store.commit();
      // The languages are read again once the index has changed, checked at most once a second.
      long total = 0;
      for (int i = 0; i < 50 && total == 0; i++) {
        Thread.sleep(100);
        total = growing.search(request("بازارها", "")).total();
      }
      assertThat(total).isEqualTo(1);
    }
  }

  /**
   * Searches both backends for {@code q} in {@code lang} (none when empty) and checks that they
   * answer alike: hits, total, language counts, timeline, snippets and whether a hit lists
   * entities. Returns the ids found.
   */
  private static List<String> same(String q, String lang) throws IOException {
    SearchRequest request = request(q, lang);
    SearchResult ours = local.search(request);
    SearchResult theirs = remote.search(request);
    String query = "q=" + q + " lang=" + lang;
    assertThat(theirs.total()).as(query).isEqualTo(ours.total());
    assertThat(languages(theirs)).as(query).isEqualTo(languages(ours));
    assertThat(theirs.timeline()).as(query).isEqualTo(ours.timeline());
    assertThat(hits(theirs)).as(query).isEqualTo(hits(ours));
    List<String> ids = ours.hits().stream().map(Hit::id).toList();
    // On OpenSearch each language's fields have word statistics of their own, so scores, and the
    // order of hits, differ from the local ones: the articles found are compared, not their order.
    assertThat(theirs.hits().stream().map(Hit::id).toList())
        .as(query)
        .containsExactlyInAnyOrderElementsOf(ids);
    return ids;
  }

  private static SearchRequest request(String q, String lang) {
    return SearchRequest.defaults()
        .with(SearchParameters.QUERY, q)
        .with(SearchParameters.LANGUAGE, lang)
        .with(SearchParameters.SIZE, 20)
        .with(SearchParameters.FACETS, Set.of(FacetField.LANGUAGE));
  }

  private static Map<String, Long> languages(SearchResult result) {
    return result.facets().get(FacetField.LANGUAGE).stream()
        .collect(Collectors.toMap(FacetCount::value, FacetCount::count));
  }

  /** Each hit's snippets and whether it lists entities, by id. */
  private static Map<String, String> hits(SearchResult result) {
    Map<String, String> hits = new TreeMap<>();
    for (Hit hit : result.hits()) {
      hits.put(
          hit.id(),
          hit.titleSnippet().html()
              + " | "
              + hit.bodySnippet().html()
              + " | entities "
              + (hit.entities().isEmpty() ? "absent" : hit.entities().keySet()));
    }
    return hits;
  }
}
