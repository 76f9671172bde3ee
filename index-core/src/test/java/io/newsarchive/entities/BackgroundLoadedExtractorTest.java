package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.ingest.IngestListener;
import io.newsarchive.ingest.KayhanTextReader;
import io.newsarchive.ingest.ReadOptions;
import io.newsarchive.ingest.Rejection;
import io.newsarchive.testing.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundLoadedExtractorTest {

  @Test
  void tagsAsTheModelLoadedInTheForegroundDoes() throws IOException {
    Article seed;
    try (KayhanTextReader reader =
        KayhanTextReader.open(
            Repository.seedArticle(),
            ReadOptions.defaults(),
            new IngestListener() {
              @Override
              public void rejected(Rejection rejection) {
                throw new AssertionError(rejection.toString());
              }

              @Override
              public void warned(Rejection warning) {
                throw new AssertionError(warning.toString());
              }
            })) {
      seed = reader.next().orElseThrow();
    }
    String title = seed.title();
    String body = seed.body();

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
