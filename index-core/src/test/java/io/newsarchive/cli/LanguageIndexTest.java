package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.article.EntityType;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.FacetCount;
import io.newsarchive.search.FacetField;
import io.newsarchive.search.Hit;
import io.newsarchive.search.QueryExpansion;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import io.newsarchive.search.SearcherOptions;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsarchive index} over Persian, Arabic, French, German and English articles as JSON Lines
 * and as plain text, with the tagger on: each article's language, its analysis and its entities.
 */
class LanguageIndexTest {

  @TempDir static Path temp;
  private static ArticleSearcher searcher;

  @BeforeAll
  static void index() throws IOException, URISyntaxException {
    Path fixtures = Path.of(LanguageIndexTest.class.getResource("/fixtures/languages").toURI());
    Path index = temp.resolve("index");
    CliRun run =
        CliRun.run(
            new IndexCommand(),
            "--index",
            index.toString(),
            "--progress",
            "never",
            fixtures.resolve("jsonl").toString(),
            fixtures.resolve("text").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    searcher = ArticleSearcher.open(index, SearcherOptions.DEFAULTS);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  private static SearchResult search(String q, String lang) throws IOException {
    return searcher.search(
        SearchRequest.defaults()
            .with(SearchParameters.QUERY, q)
            .with(SearchParameters.LANGUAGE, lang)
            .with(SearchParameters.FACETS, java.util.Set.of(FacetField.LANGUAGE)));
  }

  private static List<String> ids(SearchResult result) {
    return result.hits().stream().map(Hit::id).toList();
  }

  @Test
  void everyArticleGetsItsLanguageDetectedOrDeclaredAsATwoLetterCode() throws IOException {
    Map<String, Long> languages =
        search("", "").facets().get(FacetField.LANGUAGE).stream()
            .collect(Collectors.toMap(FacetCount::value, FacetCount::count));

    assertThat(languages)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("fa", 3L, "ar", 2L, "fr", 2L, "de", 2L, "en", 1L));
    assertThat(searcher.article("tehran-daily-fa-budget").map(Article::language)).hasValue("fa");
  }

  @Test
  void aPersianWordFindsThePersianArticleAlsoInAnotherFormOfTheWord() throws IOException {
    // The text has بازار and بازارهای; the plural بازارها is stemmed to بازار.
    assertThat(ids(search("بازار", "fa"))).containsExactly("tehran-daily-fa-oil");
    SearchResult plural = search("بازارها", "fa");
    assertThat(ids(plural)).containsExactly("tehran-daily-fa-oil");
    assertThat(plural.hits().get(0).bodySnippet().html()).contains("<mark>بازارهای</mark>");
    assertThat(ids(search("oil", "fa"))).isEmpty();
  }

  @Test
  void anArabicWordFindsTheArabicArticleWithItsArticleAndPlural() throws IOException {
    // الأسواق (the markets) and أسعار (prices) reduce to the same stems as the query's forms.
    assertThat(ids(search("اسواق", "ar"))).containsExactly("cairo-herald-ar-oil");
  }

  @Test
  void withoutALanguageFilterTheQueryIsAnalyzedForEveryLanguageOfTheArchive() throws IOException {
    assertThat(ids(search("oil OR بازارها", "")))
        .containsExactlyInAnyOrder("example-wire-en-oil", "tehran-daily-fa-oil");
    // French and German stemming: électricité as electricite, Häuser as haus.
    assertThat(ids(search("electricite", ""))).containsExactly("le-quotidien-fr-power");
    assertThat(ids(search("Haus", ""))).hasSize(1);
  }

  @Test
  void feedbackWordsAreTakenOnlyForQueriesAnalyzedAsEnglish() throws IOException {
    SearchRequest expand =
        SearchRequest.defaults()
            .with(SearchParameters.EXPAND, QueryExpansion.ALWAYS)
            .with(SearchParameters.QUERY, "oil");

    // The English analyzer reads the feedback words: a query also analyzed as Persian, Arabic,
    // French and German takes none, one analyzed as English alone does.
    assertThat(searcher.search(expand).expandedWith()).isEmpty();
    assertThat(searcher.search(expand.with(SearchParameters.LANGUAGE, "en")).expandedWith())
        .isNotEmpty();
  }

  @Test
  void englishArticlesAreSearchedAndHighlightedAsBefore() throws IOException {
    SearchResult result = search("prices", "");

    assertThat(ids(result)).containsExactly("example-wire-en-oil");
    assertThat(result.hits().get(0).titleSnippet().html())
        .isEqualTo("Oil <mark>prices</mark> rise as OPEC members cut output");
  }

  @Test
  void onlyEnglishArticlesAreTaggedAndTheOthersHaveNoEntityTypes() throws IOException {
    Hit english = search("prices", "").hits().get(0);
    Hit persian = search("بازار", "fa").hits().get(0);
    Hit arabic = search("اسواق", "ar").hits().get(0);

    assertThat(english.entities()).containsKeys(EntityType.values());
    assertThat(english.entities().get(EntityType.LOCATION)).contains("London");
    assertThat(persian.entities()).isEmpty();
    assertThat(arabic.entities()).isEmpty();
    assertThat(searcher.article("tehran-daily-fa-oil").orElseThrow().tagged()).isFalse();
  }
}
