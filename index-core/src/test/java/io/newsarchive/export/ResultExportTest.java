package io.newsarchive.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.article.Article;
import io.newsarchive.article.CodeScheme;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.ExportFormat;
import io.newsarchive.search.InvalidRequestException;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.search.SortOrder;
import io.newsarchive.testing.TestArticles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultExportTest {

  @TempDir static Path dir;
  private static ArticleSearcher searcher;

  @BeforeAll
  static void open() throws IOException {
    List<Article> articles = new ArrayList<>(TestArticles.archive());
    // More than a page, so the export must follow the cursor.
    for (int i = 0; i < 250; i++) {
      articles.add(
          TestArticles.article(
              "reuters-" + (100 + i),
              "Wheat report " + i,
              "Wheat stocks, line " + i + ".",
              Instant.parse("1988-01-01T00:00:00Z").plusSeconds(3600L * i).toString(),
              List.of()));
    }
    articles.add(
        Article.builder()
            .id("reuters-99")
            .source("reuters")
            .title("Cocoa, \"sugar\" and\nwheat")
            .body("Cocoa body, with a comma.")
            .published(Instant.parse("1987-03-05T00:00:00Z"), "")
            .language("en")
            .codes(CodeScheme.TOPICS, List.of("cocoa", "sugar"))
            .build()
            .withEntities(
                List.of(TestArticles.place("Ghana"), TestArticles.place("Paris, France"))));
    articles.add(
        Article.builder()
            .id("planted-1")
            .source("planted")
            .title("=HYPERLINK(\"http://example.org\",\"Coffee\")")
            .body("-2 pct in coffee stocks")
            .published(Instant.parse("1987-03-06T00:00:00Z"), "")
            .language("en")
            .codes(CodeScheme.TOPICS, List.of("coffee"))
            .build());
    TestArticles.index(dir, articles);
    searcher = ArticleSearcher.open(dir, SearcherOptions.DEFAULTS);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  private static String export(
      ExportFormat format, List<ExportColumn> columns, SearchRequest request) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ResultExport(searcher, format, columns).write(request, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void csvQuotesWhatNeedsQuotingAndJoinsListsInOneField() throws IOException {
    String csv =
        export(
            ExportFormat.CSV,
            ExportColumn.withBody(),
            SearchRequest.defaults().with(SearchParameters.QUERY, "topic:cocoa"));
    assertThat(csv)
        .isEqualTo(
            "id,published,source,title,url,language,persons,orgs,places,topics,placeCodes,"
                + "personCodes,orgCodes,exchanges,body\r\n"
                + "reuters-99,1987-03-05T00:00:00Z,reuters,\"Cocoa, \"\"sugar\"\" and\nwheat\",,en,,,"
                + "\"Ghana; Paris, France\",cocoa; sugar,,,,,\"Cocoa body, with a comma.\"\r\n");
  }

  @Test
  void csvFieldsThatASpreadsheetWouldRunAsFormulasAreMarkedAsTextAndJsonLinesAreNot()
      throws IOException {
    SearchRequest request = SearchRequest.defaults().with(SearchParameters.QUERY, "topic:coffee");
    String csv = export(ExportFormat.CSV, ExportColumn.withBody(), request);
    assertThat(csv.split("\r\n")[1])
        .startsWith("planted-1,1987-03-06T00:00:00Z,planted,")
        .contains(",\"'=HYPERLINK(\"\"http://example.org\"\",\"\"Coffee\"\")\",")
        .endsWith(",coffee,,,,,'-2 pct in coffee stocks");
    JsonNode row =
        new ObjectMapper().readTree(export(ExportFormat.JSONL, ExportColumn.withBody(), request));
    assertThat(row.get("title").asText())
        .isEqualTo("=HYPERLINK(\"http://example.org\",\"Coffee\")");
    assertThat(row.get("body").asText()).isEqualTo("-2 pct in coffee stocks");
  }

  @Test
  void jsonLinesHoldOneObjectPerLineWithListsAsArrays() throws IOException {
    String jsonl =
        export(
            ExportFormat.JSONL,
            ExportColumn.withoutBody(),
            SearchRequest.defaults().with(SearchParameters.QUERY, "grain"));
    assertThat(jsonl).endsWith("\n").doesNotContain("\n ");
    JsonNode row = new ObjectMapper().readTree(jsonl);
    assertThat(row.get("id").asText()).isEqualTo("reuters-7");
    assertThat(row.get("published").isNull()).as("undated").isTrue();
    assertThat(row.get("places").isArray()).isTrue();
    assertThat(row.has("body")).isFalse();
  }

  @Test
  void everyMatchingArticleComesOnceInTheSearchOrderAcrossPages() throws IOException {
    SearchRequest request = SearchRequest.defaults().with(SearchParameters.SORT, SortOrder.OLDEST);
    String[] lines = export(ExportFormat.CSV, ExportColumn.withoutBody(), request).split("\r\n");
    long total = searcher.search(request).total();
    assertThat(total).isGreaterThan(ResultExport.PAGE_SIZE * 2);
    assertThat(lines).hasSize((int) total + 1);
    List<String> dates = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String published = lines[i].split(",")[1];
      if (!published.isEmpty()) {
        dates.add(published);
      }
    }
    assertThat(dates).isSorted().hasSize((int) total - 1);
    assertThat(lines[lines.length - 1]).as("undated last").startsWith("reuters-7,,");
  }

  @Test
  void aBadQueryFailsBeforeAnythingIsWritten() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultExport export = new ResultExport(searcher, ExportFormat.CSV, ExportColumn.withoutBody());
    assertThatThrownBy(() ->
            export.write(SearchRequest.defaults().with(SearchParameters.QUERY, "\"open"), out))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(out.size()).isZero();
  }
}
