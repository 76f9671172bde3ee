package io.newsarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

  private static final LanguageDetector DETECTOR = new LanguageDetector();

  private static String detect(String language) throws IOException {
    List<String> lines =
        Files.readAllLines(
                Fixtures.fixture("languages/text/" + language + "/001.txt"), StandardCharsets.UTF_8)
            .stream()
            .filter(line -> !line.isBlank())
            .toList();
    return DETECTOR.detect(lines.get(0), String.join("\n", lines.subList(1, lines.size())));
  }

  @Test
  void theFixtureStoriesAreToldApartByTheirText() throws IOException {
    for (String language : List.of("fa", "ar", "fr", "de")) {
      assertThat(detect(language)).as(language).isEqualTo(language);
    }
  }

  @Test
  void shortHeadlinesAreDetectedToo() {
    assertThat(DETECTOR.detect("نرخ تورم در ماه گذشته کاهش یافت", "")).isEqualTo("fa");
    assertThat(DETECTOR.detect("البنك المركزي يرفع سعر الفائدة لمواجهة التضخم", ""))
        .isEqualTo("ar");
    assertThat(DETECTOR.detect("Oil prices rise as OPEC members cut output", "")).isEqualTo("en");
    assertThat(DETECTOR.detect("Правительство утвердило новый бюджет", "")).isEqualTo("ru");
  }

  @Test
  void aDeclaredLanguageIsKeptAndTextWithoutLettersStaysUnknown() {
    Article declared =
        Article.builder().source("s").title("Le gouvernement annonce").language("en").build();
    Article numbers = Article.builder().source("s").title("12 345 678").body("90.5%").build();

    assertThat(LanguageDetector.withLanguage(declared).language()).isEqualTo("en");
    assertThat(LanguageDetector.withLanguage(numbers).language()).isEmpty();
  }
}
