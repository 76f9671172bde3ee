package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.article.CodeScheme;
import io.newsarchive.article.EntityType;
import io.newsarchive.entities.EntityNames;
import io.newsarchive.entities.EntityQualityReport;
import io.newsarchive.entities.NamedEntityExtractor;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.search.ArchiveEntityNames;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.Hit;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearchResult;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The entity quality report and the place filter on the Reuters-21578 index. */
class CheckEntitiesCommandTest {

  /**
   * Values the Reuters facets held before names were resolved, each a split of an entity that the
   * facets also hold under its full name, or no name of its type at all.
   */
  private static final Map<EntityType, List<String>> KNOWN_SPLITS =
      Map.of(
          EntityType.PERSON,
          List.of(
              "Reagan",
              "Miyazawa",
              "Volcker",
              "Lawson",
              "Sumita",
              "Bra Kanon",
              "U.K. Chancellor",
              "Reuter",
              "Friday",
              "Yamoussoukro",
              "Smith Barney",
              "Dean Witter"),
          EntityType.ORGANIZATION,
          List.of(
              "EC",
              "Fed",
              "USDA",
              "SEC",
              "IMF",
              "GATT",
              "Moody",
              "S",
              "Standard",
              "Poor",
              "Co",
              "Bank",
              "Federal",
              "Class A",
              "GNP",
              "ICCO",
              "Bahia"),
          EntityType.LOCATION,
          List.of("ILL", "YAOUNDE", "Yaounde", "Ivory", "White House"));

  private static ReutersIndex index;
  private static EntityQualityReport report;

  @BeforeAll
  static void readReutersIndex() throws IOException {
    index = ReutersIndex.get();
    Map<EntityType, EntityNames> tables = new EnumMap<>(EntityType.class);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index.directory()))) {
      ArchiveEntityNames names = ArchiveEntityNames.read(reader);
      for (EntityType type : EntityType.values()) {
        tables.put(type, names.of(type));
      }
    }
    report = new EntityQualityReport(tables, NamedEntityExtractor.loadDefault(), 100);
  }

  private static List<String> top(EntityType type) {
    return report.top(type).stream().map(EntityQualityReport.Canonical::name).toList();
  }

  @Test
  void topFacetsHoldNoneOfTheKnownSplits() {
    for (EntityType type : EntityType.values()) {
      assertThat(top(type))
          .as(type.key())
          .hasSize(100)
          .doesNotContainAnyElementsOf(KNOWN_SPLITS.get(type));
    }
    assertThat(top(EntityType.PERSON))
        .contains(
            "Ronald Reagan", "Paul Volcker", "Kiichi Miyazawa", "Nigel Lawson", "Satoshi Sumita");
    assertThat(top(EntityType.ORGANIZATION))
        .contains(
            "European Community",
            "Federal Reserve",
            "U.S. Agriculture Department",
            "Securities and Exchange Commission",
            "International Monetary Fund",
            "General Agreement on Tariffs and Trade",
            "Moody's Investors Service Inc",
            "Standard and Poor's Corp");
  }

  @Test
  void eachCanonicalNameCountsTheArticlesOfItsVariants() {
    EntityQualityReport.Canonical volcker =
        report.top(EntityType.PERSON).stream()
            .filter(c -> c.name().equals("Paul Volcker"))
            .findFirst()
            .orElseThrow();
    assertThat(volcker.variants())
        .extracting(EntityQualityReport.Variant::name)
        .contains("Paul Volcker", "Volcker");
    assertThat(volcker.articles())
        .isEqualTo(
            volcker.variants().stream().mapToLong(EntityQualityReport.Variant::articles).sum());
  }

  @Test
  void ghanaPlaceFilterFindsEveryArticleCodedGhanaThatNamesIt() throws IOException {
    Set<String> coded = new HashSet<>();
    String cocoaPurchases = null;
    Pattern ghana = Pattern.compile("\\bghana\\b", Pattern.CASE_INSENSITIVE);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index.directory()))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      TermQuery query = new TermQuery(new Term(CodeScheme.PLACES.field(), "ghana"));
      for (ScoreDoc hit : searcher.search(query, 1_000).scoreDocs) {
        Article article = ArticleDocuments.article(reader, hit.doc);
        if (ghana.matcher(article.title() + "\n" + article.body()).find()) {
          coded.add(article.id());
          if (article.title().equals("GHANA COCOA PURCHASES SLOW")) {
            cocoaPurchases = article.id();
          }
        }
      }
    }
    assertThat(coded).hasSizeGreaterThan(10).contains(cocoaPurchases);
    try (ArticleSearcher searcher =
        ArticleSearcher.open(index.directory(), SearcherOptions.DEFAULTS)) {
      SearchResult found =
          searcher.search(
              SearchRequest.defaults()
                  .with(SearchParameters.PLACES, List.of("Ghana"))
                  .with(SearchParameters.SIZE, SearchParameters.MAX_SIZE));
      assertThat(found.total()).isLessThan(SearchParameters.MAX_SIZE);
      assertThat(found.hits()).extracting(Hit::id).containsAll(coded);
    }
  }

  @Test
  void theCommandPrintsTheTopNamesAndSuspectsOfAnIndex() {
    CliRun run =
        CliRun.run(
            new CheckEntitiesCommand(), "--index", index.directory().toString(), "--top", "5");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("person: top 5", "organization: top 5", "location: top 5")
        .contains("suspect values")
        .containsPattern("1 +\\d+  United States");
  }

  @Test
  void aMissingIndexOrNoCheckIsAUsageError() {
    assertThat(CliRun.run(new CheckEntitiesCommand(), "--index", "no/such/index").exitCode())
        .isEqualTo(2);
    assertThat(CliRun.run(new CheckEntitiesCommand()).exitCode()).isEqualTo(2);
    assertThat(CliRun.run(new CheckEntitiesCommand(), "--index", "x", "--reuters-codes").exitCode())
        .isEqualTo(2);
  }
}
