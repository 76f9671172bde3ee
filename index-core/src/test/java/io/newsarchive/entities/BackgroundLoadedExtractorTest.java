package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.article.Entity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundLoadedExtractorTest {

  @Test
  void tagsAsTheModelLoadedInTheForegroundDoes() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("../data/sample/kayhan-83245.txt"));
    int i = 0;
    while (!lines.get(i).startsWith("Publish Date")) {
      i++;
    }
    i++;
    while (lines.get(i).isBlank()) {
      i++;
    }
    String title = lines.get(i);
    String body = String.join("\n", lines.subList(i + 1, lines.size()));

    List<Entity> expected = NamedEntityExtractor.loadDefault().extract(title, body);
    EntityExtractor background =
        EntityExtractor.loadedInBackground(NamedEntityExtractor::loadDefault);

    assertThat(expected).hasSizeGreaterThan(3);
    assertThat(background.extract(title, body)).isEqualTo(expected);
  }

  @Test
  void theModelStartsLoadingBeforeAnyArticleAsksForIt() throws InterruptedException {
    CountDownLatch loading = new CountDownLatch(1);
    EntityExtractor background =
        EntityExtractor.loadedInBackground(() -> {
          loading.countDown();
          return EntityExtractor.none();
        });

    assertThat(loading.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(background.extract("Talks in Geneva", "Ministers met.")).isEmpty();
  }

  @Test
  void aModelThatCannotBeLoadedFailsEveryCallWithItsReason() {
    EntityExtractor background =
        EntityExtractor.loadedInBackground(() -> {
          throw new UncheckedIOException(new IOException("named-entity model version 3"));
        });

    for (int call = 0; call < 2; call++) {
      assertThatThrownBy(() -> background.extract("Talks in Geneva", "Ministers met."))
          .isInstanceOf(ExtractorUnavailableException.class)
          .hasMessageContaining("named-entity model version 3");
    }
  }
}
