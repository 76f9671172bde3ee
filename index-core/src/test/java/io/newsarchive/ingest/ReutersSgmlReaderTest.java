package io.newsarchive.ingest;

import static io.newsarchive.ingest.Fixtures.fixture;
import static io.newsarchive.ingest.Fixtures.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.article.CodeScheme;
import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReutersSgmlReaderTest {

  private final RecordingListener listener = new RecordingListener();

  private List<Article> read(Path file) throws IOException {
    return readAll(InputFormat.REUTERS_SGML.open(file, ReadOptions.defaults(), listener));
  }

  @Test
  void readsEveryWellFormedRecordAndRejectsTheOneWithoutNewid() throws IOException {
    List<Article> articles = read(fixture("reuters/mixed.sgm"));

    assertThat(articles).extracting(Article::sourceId).containsExactly("1", "2", "4", "5");
    assertThat(articles).extracting(Article::id).startsWith("reuters-1", "reuters-2");
    assertThat(articles).extracting(Article::language).containsOnly("en");
    assertThat(listener.rejections)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.line()).isEqualTo(39);
          assertThat(r.record()).isEqualTo(3);
          assertThat(r.reason()).contains("NEWID");
        });
  }

  @Test
  void decodesReferencesDropsControlCharactersAndKeepsAStrayLessThan() throws IOException {
    Article first = read(fixture("reuters/mixed.sgm")).get(0);

    assertThat(first.title()).isEqualTo("BAHIA COCOA <BCR> REVIEW & OUTLOOK");
    assertThat(first.body())
        .isEqualTo(
            "SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone,"
                + " at prices < 5 dlrs & Müller said.\n"
                + "The dry period means the temporao will be late.\n"
                + "Shr 28 cts vs 22 cts");
    assertThat(first.body()).doesNotContain("\u0003", "&#", "Reuter");
  }

  @Test
  void signOffRunIntoTheLastParagraphIsDropped() throws IOException {
    Path file = SharedCorpora.require("corpora/reuters21578/reut2-010.sgm");
    List<Article> articles = read(file);

    assertThat(body(articles, "10048")).endsWith("to stabilise their currencies.");
    assertThat(body(articles, "10280")).endsWith("books close August 3 to 10.");
    // The dateline "BRUSSELS, March 27, Reuter -" loses the agency.
    assertThat(body(articles, "10511")).startsWith("BRUSSELS, March 27 - Greece and Turkey");
    assertThat(articles)
        .extracting(Article::body)
        .noneMatch(b -> b.matches("(?s).*\\b(REUTER|Reuter)\\.*(\\s+[A-Z]{1,3})?\\s*"));
  }

  @Test
  void signOffBeforeTheSignatureLineAndInTheDatelineIsDropped() throws IOException {
    Path file = SharedCorpora.require("corpora/reuters21578/reut2-012.sgm");
    List<Article> articles = read(file);

    // "... February 28. REUTER" and then a " Reuter" line.
    assertThat(body(articles, "12014")).endsWith("period ended February 28.");
    assertThat(articles)
        .extracting(Article::body)
        .noneMatch(b -> b.matches("(?s).*\\b(REUTER|Reuter)\\.*(\\^M|\\s+[A-Z]{1,3})?\\s*"));
  }

  private static String body(List<Article> articles, String newId) {
    return articles.stream()
        .filter(a -> a.sourceId().equals(newId))
        .findFirst()
        .orElseThrow()
        .body();
  }

  @Test
  void readsDateInUtcAuthorAndCategoryCodes() throws IOException {
    Article first = read(fixture("reuters/mixed.sgm")).get(0);

    assertThat(first.published()).isEqualTo(Instant.parse("1987-02-26T15:01:01.79Z"));
    assertThat(first.publishedText()).isEqualTo("26-FEB-1987 15:01:01.79");
    assertThat(first.authors()).containsExactly("John O'Doe-Smith");
    assertThat(first.codes(CodeScheme.TOPICS)).containsExactly("cocoa");
    assertThat(first.codes(CodeScheme.PLACES)).containsExactly("el-salvador", "usa");
    assertThat(first.codes(CodeScheme.PEOPLE)).containsExactly("reagan");
    assertThat(first.codes(CodeScheme.EXCHANGES)).containsExactly("nyse");
    assertThat(first.codes(CodeScheme.ORGS)).isEmpty();
  }

  @Test
  void keepsTitleOnlyBriefWithEmptyBody() throws IOException {
    Article brief = read(fixture("reuters/mixed.sgm")).get(1);

    assertThat(brief.title()).isEqualTo("ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS");
    assertThat(brief.body()).isEmpty();
  }

  @Test
  void keepsUnprocessedTextAsBodyWithItsLineLayout() throws IOException {
    Article table = read(fixture("reuters/mixed.sgm")).get(2);

    assertThat(table.title()).isEmpty();
    assertThat(table.body())
        .isEqualTo(
            "FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26\n"
                + "    Two weeks ended Feb 25      daily avgs-mlns\n"
                + " Net free reserves.............644 vs.....1,337\n"
                + " Bank borrowings...............680 vs.......425");
  }

  @Test
  void keepsWhatItCanOfOddDatesAndWarnsWithTheOriginalText() throws IOException {
    List<Article> articles = read(fixture("reuters/mixed.sgm"));

    assertThat(articles.get(2).published()).isEqualTo(Instant.parse("1987-03-03T09:15:05.40Z"));
    assertThat(articles.get(3).published()).isEqualTo(Instant.parse("1987-03-31T00:00:00Z"));
    assertThat(articles.get(3).publishedText()).isEqualTo("31-MAR-1987 605:12:19.12");
    assertThat(listener.warnings)
        .extracting(Rejection::reason)
        .satisfiesExactly(
            w -> assertThat(w).contains("NEWID 4", "'3-MAR-1987  09:15:05.40'"),
            w -> assertThat(w).contains("NEWID 5", "'31-MAR-1987 605:12:19.12'", "day only"));
    assertThat(listener.warnings).extracting(Rejection::line).containsExactly(47L, 64L);
  }

  @Test
  void rejectsUnclosedRecordsKeepsEmptyOnesAndReadsCrlfRecordsBetweenThem() throws IOException {
    List<Article> articles = read(fixture("reuters/unclosed-crlf.sgm"));

    assertThat(articles).extracting(Article::sourceId).containsExactly("11", "12");
    assertThat(articles.get(0).title()).isEqualTo("CRLF RECORD AFTER THE BROKEN ONE");
    assertThat(articles.get(0).body()).isEqualTo("Body line one continues here.");
    assertThat(articles.get(1).title()).isEmpty();
    assertThat(articles.get(1).body()).isEmpty();
    assertThat(articles.get(1).published()).isEqualTo(Instant.parse("1987-04-02T00:00:00Z"));
    assertThat(listener.rejections)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.line()).isEqualTo(2L);
          assertThat(r.record()).isEqualTo(1L);
          assertThat(r.reason()).contains("not closed");
        });
    assertThat(listener.warnings)
        .singleElement()
        .satisfies(w -> {
          assertThat(w.line()).isEqualTo(14L);
          assertThat(w.reason()).contains("NEWID 12", "without text");
        });
  }

  @Test
  void givesUpOnARecordThatNeverEndsAndReadsTheNextOne(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("runaway.sgm");
    String filler = "x".repeat(100) + "\n";
    Files.writeString(
        file,
        "<REUTERS NEWID=\"1\">\n<TEXT><BODY>"
            + filler.repeat(ReutersSgmlReader.MAX_RECORD_CHARS / filler.length() + 10)
            + "<REUTERS NEWID=\"2\">\n<TEXT><TITLE>NEXT</TITLE></TEXT>\n</REUTERS>\n");

    List<Article> articles = read(file);

    assertThat(articles).extracting(Article::sourceId).containsExactly("2");
    assertThat(listener.rejections)
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("without </REUTERS>"));
  }

  @Test
  void rejectsAFileWithoutRecords() throws IOException {
    List<Article> articles = read(fixture("kayhan/undated.txt"));

    assertThat(articles).isEmpty();
    assertThat(listener.rejections)
        .singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("no <REUTERS> records"));
  }

  @Test
  void recognizesReutersSgmlFromContent() throws IOException {
    assertThat(InputFormat.detect(fixture("reuters/mixed.sgm"))).contains(InputFormat.REUTERS_SGML);
  }

  @Test
  void readsTheWholeReuters21578Collection() throws IOException {
    Path dir = SharedCorpora.require("corpora/reuters21578");
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.toString().endsWith(".sgm")).sorted().toList();
    }
    List<Article> articles = new ArrayList<>();
    for (Path file : files) {
      articles.addAll(read(file));
    }

    assertThat(listener.rejections).isEmpty();
    assertThat(articles).hasSize(21_578);
    Set<String> ids = new HashSet<>();
    articles.forEach(a -> ids.add(a.sourceId()));
    assertThat(ids).hasSize(21_578);
    assertThat(ids).contains("1", "21578");
    List<Instant> dates =
        articles.stream().map(Article::published).filter(Objects::nonNull).toList();
    assertThat(dates).hasSize(21_578);
    assertThat(dates.stream().min(Comparator.naturalOrder()))
        .contains(Instant.parse("1987-02-26T15:01:01.79Z"));
    assertThat(dates.stream().max(Comparator.naturalOrder()).orElseThrow())
        .isBetween(Instant.parse("1987-10-20T22:53:18Z"), Instant.parse("1987-10-20T22:53:19Z"));
    // Four odd DATE values, and NEWID 12793, an empty UNPROC record kept for its date and codes.
    assertThat(listener.warnings).hasSize(5);
    assertThat(listener.warnings)
        .filteredOn(w -> w.reason().contains("NEWID 12793"))
        .singleElement()
        .satisfies(w -> assertThat(w.file().getFileName()).hasToString("reut2-012.sgm"));
    assertThat(articles)
        .filteredOn(a -> a.title().isEmpty() && a.body().isEmpty())
        .extracting(Article::sourceId)
        .containsExactly("12793");
    assertThat(articles).filteredOn(a -> a.body().contains("&#")).isEmpty();
  }
}
