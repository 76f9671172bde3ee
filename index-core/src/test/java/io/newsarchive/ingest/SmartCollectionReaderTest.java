package io.newsarchive.ingest;

import static io.newsarchive.ingest.Fixtures.fixture;
import static io.newsarchive.ingest.Fixtures.readAll;
import static io.newsarchive.testing.SharedCorpora.require;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmartCollectionReaderTest {

  private final RecordingListener listener = new RecordingListener();

  private List<Article> read(Path file) throws IOException {
    return readAll(InputFormat.SMART.open(file, ReadOptions.defaults(), listener));
  }

  private static Instant day(int year, int month, int day) {
    return LocalDate.of(year, month, day).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  @Test
  void timeRecordsBecomeArticlesNamedByTheirTextNumber() throws IOException {
    List<Article> articles = read(fixture("smart/TIME.ALL"));

    assertThat(articles).extracting(Article::id).containsExactly("time-17", "time-431", "time-504");
    Article first = articles.get(0);
    assertThat(first.source()).isEqualTo("time");
    assertThat(first.sourceId()).isEqualTo("17");
    assertThat(first.title()).isEmpty();
    assertThat(first.body())
        .isEqualTo(
            "THE ALLIES AFTER NASSAU IN DECEMBER 1960, THE U.S . FIRST"
                + " PROPOSED TO HELP NATO DEVELOP ITS OWN NUCLEAR STRIKE FORCE .");
    assertThat(first.published()).isEqualTo(day(1963, 1, 4));
    assertThat(first.publishedText()).isEqualTo("01/04/63");
    assertThat(first.language()).isEqualTo("en");
  }

  @Test
  void timeRecordWithoutTextIsRejectedAndOddDatesAreWarnings() throws IOException {
    List<Article> articles = read(fixture("smart/TIME.ALL"));

    assertThat(listener.rejections)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.line()).isEqualTo(7);
          assertThat(r.record()).isEqualTo(2);
          assertThat(r.reason()).contains("018").contains("no text");
        });
    assertThat(articles.get(1).published()).isEqualTo(day(1963, 8, 30));
    assertThat(articles.get(2).published()).isNull();
    assertThat(listener.warnings)
        .extracting(Rejection::line, Rejection::reason)
        .containsExactly(
            tuple(10L, "date '08/30 63' has a space for its second '/': read as 1963-08-30"),
            tuple(14L, "date '13/45/63' is not a calendar day: kept undated"));
  }

  @Test
  void dotFieldRecordsGiveTitleTextAuthorsAndTheMonthOfTheNote() throws IOException {
    List<Article> articles = read(fixture("smart/cacm.all"));

    assertThat(articles).extracting(Article::id).containsExactly("cacm-1", "cacm-2");
    Article first = articles.get(0);
    assertThat(first.title()).isEqualTo("Preliminary Report-International Algebraic Language");
    assertThat(first.body()).isEmpty();
    assertThat(first.authors()).containsExactly("Perlis, A. J.", "Samelson,K.");
    assertThat(first.published()).isEqualTo(day(1958, 12, 1));
    assertThat(first.publishedText()).isEqualTo("December, 1958");
    assertThat(articles.get(1).body())
        .isEqualTo("A method is described for extracting roots by repeated subtractions.");
    assertThat(listener.rejections)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.line()).isEqualTo(23);
          assertThat(r.reason()).contains("no text");
        });
  }

  @Test
  void bothLayoutsAreDetectedFromContent() throws IOException {
    assertThat(InputFormat.detect(fixture("smart/TIME.ALL"))).contains(InputFormat.SMART);
    assertThat(InputFormat.detect(fixture("smart/cacm.all"))).contains(InputFormat.SMART);
    assertThat(InputFormat.parse("smart")).isEqualTo(InputFormat.SMART);
  }

  @Test
  void realTimeCollectionHasEveryStoryOnce() throws IOException {
    List<Article> articles = read(require("corpora/time-ir-1963/TIME.ALL"));

    assertThat(articles).hasSize(423);
    Set<String> ids = new HashSet<>();
    articles.forEach(a -> ids.add(a.id()));
    assertThat(ids).hasSize(423).contains("time-17", "time-563");
    assertThat(articles).allSatisfy(a -> assertThat(a.published()).isNotNull());
    assertThat(articles.stream().map(Article::published).distinct()).hasSize(43);
    assertThat(articles.stream().map(Article::published).min(Instant::compareTo))
        .contains(day(1963, 1, 4));
    assertThat(articles.stream().map(Article::published).max(Instant::compareTo))
        .contains(day(1963, 12, 27));
    assertThat(listener.rejections).isEmpty();
    assertThat(listener.warnings)
        .singleElement()
        .satisfies(w -> assertThat(w.reason()).contains("08/30 63"));
  }
}
