package io.newsarchive.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.article.Article;
import io.newsarchive.ingest.ArticleReader;
import io.newsarchive.ingest.IngestListener;
import io.newsarchive.ingest.InputFile;
import io.newsarchive.ingest.InputFiles;
import io.newsarchive.ingest.ReadOptions;
import io.newsarchive.ingest.Rejection;
import io.newsarchive.testing.SharedCorpora;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Generated articles against the real ones they are recombined from (rss-news-2023, Reuters). */
class ArchiveGeneratorTest {

  private static List<Article> real;
  private static CorpusSample sample;

  @BeforeAll
  static void read() throws IOException {
    IngestListener ignore =
        new IngestListener() {
          @Override
          public void rejected(Rejection rejection) {}

          @Override
          public void warned(Rejection warning) {}
        };
    real = new ArrayList<>();
    List<Path> corpora =
        List.of(
            SharedCorpora.require("corpora/rss-news-2023"),
            SharedCorpora.require("corpora/reuters21578"));
    for (InputFile file : InputFiles.discover(corpora, Optional.empty(), ignore)) {
      try (ArticleReader reader = file.open(ReadOptions.defaults(), ignore)) {
        for (Optional<Article> a = reader.next(); a.isPresent(); a = reader.next()) {
          if (!a.get().title().isBlank()) {
            real.add(a.get());
          }
        }
      }
    }
    sample = CorpusSample.of(real);
  }

  private static List<ArchiveGenerator.GeneratedArticle> generate(long seed, int count) {
    ArchiveGenerator generator = new ArchiveGenerator(sample, seed, Duration.ofDays(3650));
    List<ArchiveGenerator.GeneratedArticle> articles = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      articles.add(generator.next());
    }
    return articles;
  }

  private static String jsonLines(long seed, int count) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ArchiveGenerator(sample, seed, Duration.ofDays(3650)).write(out, count);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void sameSeedWritesTheSameArchiveAndAnotherSeedAnother() throws IOException {
    String first = jsonLines(42, 500);
    assertThat(first.lines()).hasSize(500).allMatch(l -> l.startsWith("{\"id\":\"gen-42-"));
    assertThat(jsonLines(42, 500)).isEqualTo(first);
    assertThat(jsonLines(43, 500)).isNotEqualTo(first);
  }

  @Test
  void lengthsFollowTheRealArticles() {
    List<ArchiveGenerator.GeneratedArticle> generated = generate(1, 50_000);
    double realBody = real.stream().mapToInt(a -> a.body().length()).average().orElseThrow();
    double genBody = generated.stream().mapToInt(a -> a.body().length()).average().orElseThrow();
    assertThat(genBody).isCloseTo(realBody, org.assertj.core.data.Percentage.withPercentage(10));
    double realTitle =
        real.stream().mapToInt(a -> a.title().strip().split("\\s+").length).average().orElseThrow();
    double genTitle =
        generated.stream().mapToInt(a -> a.title().split(" ").length).average().orElseThrow();
    assertThat(genTitle).isCloseTo(realTitle, org.assertj.core.data.Percentage.withPercentage(5));
  }

  @Test
  void sourcesKeepTheirRealShares() {
    List<ArchiveGenerator.GeneratedArticle> generated = generate(2, 50_000);
    Map<String, Long> realCounts =
        real.stream().collect(Collectors.groupingBy(Article::source, Collectors.counting()));
    Map<String, Long> genCounts =
        generated.stream()
            .collect(
                Collectors.groupingBy(
                    ArchiveGenerator.GeneratedArticle::source, Collectors.counting()));
    assertThat(realCounts.size()).isGreaterThan(10);
    for (String source : top(realCounts, 5)) {
      double realShare = realCounts.get(source) / (double) real.size();
      double genShare = genCounts.getOrDefault(source, 0L) / (double) generated.size();
      assertThat(genShare)
          .as(source)
          .isCloseTo(realShare, org.assertj.core.data.Offset.offset(0.01));
    }
  }

  @Test
  void textIsMadeOfRealSentencesOfTheSameSourceAndDatesKeepTheirWeekday() {
    Map<String, Set<String>> realTitleWords = new HashMap<>();
    for (Article a : real) {
      realTitleWords
          .computeIfAbsent(a.source(), s -> new HashSet<>())
          .addAll(List.of(a.title().strip().split("\\s+")));
    }
    Map<DayOfWeek, Long> realDays =
        weekdays(
            real.stream()
                .filter(a -> a.published() != null)
                .map(a -> a.published().atZone(ZoneOffset.UTC).getDayOfWeek())
                .toList());
    List<ArchiveGenerator.GeneratedArticle> generated = generate(3, 20_000);
    for (ArchiveGenerator.GeneratedArticle article : generated.subList(0, 2_000)) {
      assertThat(realTitleWords.get(article.source()))
          .containsAll(List.of(article.title().split(" ")));
    }
    Map<DayOfWeek, Long> genDays =
        weekdays(
            generated.stream()
                .filter(a -> a.published() != null)
                .map(a -> a.published().atZone(ZoneOffset.UTC).getDayOfWeek())
                .toList());
    long realDated = realDays.values().stream().mapToLong(Long::longValue).sum();
    long genDated = genDays.values().stream().mapToLong(Long::longValue).sum();
    for (DayOfWeek day : DayOfWeek.values()) {
      assertThat(genDays.getOrDefault(day, 0L) / (double) genDated)
          .as(day.toString())
          .isCloseTo(
              realDays.getOrDefault(day, 0L) / (double) realDated,
              org.assertj.core.data.Offset.offset(0.015));
    }
  }

  @Test
  void aSampleWithoutHeadlinesIsRefused() {
    assertThatThrownBy(() -> CorpusSample.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no article with a headline");
  }

  private static Map<DayOfWeek, Long> weekdays(List<DayOfWeek> days) {
    return days.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private static List<String> top(Map<String, Long> counts, int n) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(n)
        .map(Map.Entry::getKey)
        .toList();
  }
}
