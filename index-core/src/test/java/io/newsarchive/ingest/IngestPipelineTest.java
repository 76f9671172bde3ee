package io.newsarchive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.entities.EntityExtractor;
import io.newsarchive.entities.ExtractorUnavailableException;
import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.index.ArticleStore;
import io.newsarchive.index.ArticlesRefusedException;
import io.newsarchive.index.UpsertOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class IngestPipelineTest {

  private static final EntityExtractor NO_ENTITIES = (title, body) -> List.of();

  private final RecordingListener reports = new RecordingListener();
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();

  private static Article article(int n) {
    return Article.builder()
        .source("wire")
        .sourceId("a-" + n)
        .title("Story " + n)
        .body("Body of story " + n + ".")
        .build();
  }

  /** An input of {@code count} articles whose reader then fails with {@code failure}. */
  private static IngestInput failingAfter(String name, int count, IntFunction<Throwable> failure) {
    return new IngestInput() {
      @Override
      public Path path() {
        return Path.of(name);
      }

      @Override
      public long bytes() {
        return 1;
      }

      @Override
      public ArticleReader open(IngestListener listener) {
        return new ArticleReader() {
          private int next;

          @Override
          public Optional<Article> next() throws IOException {
            if (next == count) {
              Throwable t = failure.apply(next);
              if (t instanceof IOException io) {
                throw io;
              }
              if (t instanceof RuntimeException runtime) {
                throw runtime;
              }
              throw (Error) t;
            }
            return Optional.of(article(name.hashCode() * 1000 + next++));
          }

          @Override
          public String position() {
            return "record " + next;
          }

          @Override
          public void close() {}
        };
      }
    };
  }

  /** {@code count} files of {@code articles} articles each, every one ending in a broken record. */
  private static List<IngestInput> files(int count, int articles) {
    List<IngestInput> inputs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      inputs.add(failingAfter("file" + i, articles, n -> new java.io.EOFException("end")));
    }
    return inputs;
  }

  private long commitGeneration;

  private IngestProgress run(IngestOptions options, List<IngestInput> inputs) throws IOException {
    try (ArticleIndexer indexer = ArticleIndexer.open(directory, Path.of("memory"))) {
      IngestProgress done = new IngestPipeline(options, reports).run(indexer, inputs, p -> {});
      commitGeneration = SegmentInfos.getLastCommitGeneration(directory);
      return done;
    }
  }

  private static void assertCountsAddUp(IngestProgress p) {
    assertThat(p.read()).isEqualTo(p.added() + p.updated() + p.unchanged() + p.rejected());
  }

  @Test
  void anyReaderErrorKeepsWhatWasReadAndIsARejection() throws IOException {
    List<IngestInput> inputs =
        List.of(
            failingAfter("overflow", 130, n -> new StackOverflowError()),
            failingAfter("memory", 70, n -> new OutOfMemoryError("Java heap space")),
            failingAfter("runtime", 5, n -> new IllegalStateException("parser state")),
            failingAfter("io", 200, n -> new java.io.EOFException()));

    IngestProgress p = run(new IngestOptions(2, NO_ENTITIES, Duration.ofMinutes(1), 1000), inputs);

    assertThat(p.added()).isEqualTo(130 + 70 + 5 + 200);
    assertThat(p.rejected()).isEqualTo(4);
    assertCountsAddUp(p);
    assertThat(reports.rejections)
        .extracting(Rejection::toString)
        .containsExactlyInAnyOrder(
            "overflow: could not read the file at record 130: a record is nested too deeply to"
                + " read",
            "memory: could not read the file at record 70: ran out of memory; a lower"
                + " --max-record-size or a larger heap (-Xmx) avoids this",
            "runtime: could not read the file at record 5: parser state (IllegalStateException)",
            "io: could not read the file at record 200: the file ends inside a record: it is"
                + " truncated");
  }

  @Test
  void anArticleTheTaggerCannotHandleIsRejectedAndTheRunGoesOn() throws IOException {
    EntityExtractor failsOnSeven =
        (title, body) -> {
          if (title.endsWith("007")) {
            throw new IllegalArgumentException("no tags for this one");
          }
          return List.<Entity>of();
        };
    IngestInput input = failingAfter("x", 10, n -> new java.io.EOFException("end"));

    IngestProgress p =
        run(new IngestOptions(1, failsOnSeven, Duration.ofMinutes(1), 1000), List.of(input));

    assertThat(p.added()).isEqualTo(9);
    assertThat(p.rejected()).isEqualTo(2);
    assertThat(p.read()).isEqualTo(11);
    assertCountsAddUp(p);
    assertThat(reports.rejections)
        .extracting(Rejection::toString)
        .anySatisfy(r -> assertThat(r).contains("x: article", "could not be tagged", "no tags"));
  }

  @Test
  void aModelThatCannotBeLoadedEndsTheRunInsteadOfRejectingEveryArticle() {
    EntityExtractor unloadable =
        EntityExtractor.loadedInBackground(() -> {
          throw new IllegalStateException("no named-entity model at /models/ner-en.bin");
        });
    IngestInput input = failingAfter("x", 10, n -> new java.io.EOFException("end"));

    assertThatThrownBy(() ->
            run(new IngestOptions(2, unloadable, Duration.ofMinutes(1), 1000), List.of(input)))
        .isInstanceOf(ExtractorUnavailableException.class)
        .hasMessageContaining("no named-entity model at /models/ner-en.bin");
    assertThat(reports.rejections)
        .extracting(Rejection::toString)
        .noneSatisfy(r -> assertThat(r).contains("could not be tagged"));
  }

  /** A store that commits, counts and closes as the local index it stores into does. */
  private interface OnIndex extends ArticleStore {
    ArticleIndexer index();

    @Override
    default void commit() throws IOException {
      index().commit();
    }

    @Override
    default long documentCount() throws IOException {
      return index().documentCount();
    }

    @Override
    default void close() throws IOException {
      index().close();
    }
  }

  /** The local index, except that it refuses the articles whose title ends in {@code suffix}. */
  private record RefusingStore(ArticleIndexer index, String suffix) implements OnIndex {
    @Override
    public List<UpsertOutcome> upsert(List<Article> articles) throws IOException {
      List<Article> taken = new ArrayList<>();
      List<ArticlesRefusedException.Refusal> refusals = new ArrayList<>();
      for (int i = 0; i < articles.size(); i++) {
        Article article = articles.get(i);
        if (article.title().endsWith(suffix)) {
          refusals.add(new ArticlesRefusedException.Refusal(i, article.id(), "field too long"));
        } else {
          taken.add(article);
        }
      }
      List<UpsertOutcome> stored = index.upsert(taken);
      if (!refusals.isEmpty()) {
        throw new ArticlesRefusedException(stored, refusals);
      }
      return stored;
    }
  }

  /** The local index, except that its {@code failing}-th batch fails as a full disk would. */
  private static final class FailingStore implements OnIndex {
    private final ArticleIndexer index;
    private final int failing;
    private int batches;

    FailingStore(ArticleIndexer index, int failing) {
      this.index = index;
      this.failing = failing;
    }

    @Override
    public ArticleIndexer index() {
      return index;
    }

    @Override
    public synchronized List<UpsertOutcome> upsert(List<Article> articles) throws IOException {
      if (++batches == failing) {
        throw new IOException("disk full");
      }
      return index.upsert(articles);
    }
  }

  @Test
  void anArticleTheStoreRefusesIsRejectedAndTheRestOfItsBatchIsStored() throws IOException {
    IngestInput input = failingAfter("x", 10, n -> new java.io.EOFException("end"));
    IngestOptions options = new IngestOptions(1, NO_ENTITIES, Duration.ofMinutes(1), 1000);

    IngestProgress p;
    long stored;
    try (ArticleStore store =
        new RefusingStore(ArticleIndexer.open(directory, Path.of("memory")), "007")) {
      p = new IngestPipeline(options, reports).run(store, List.of(input), progress -> {});
      stored = store.documentCount();
    }

    assertThat(p.added()).isEqualTo(9);
    assertThat(stored).isEqualTo(9);
    assertThat(p.rejected()).isEqualTo(2);
    assertThat(p.read()).isEqualTo(11);
    assertCountsAddUp(p);
    assertThat(reports.rejections)
        .extracting(Rejection::toString)
        .anySatisfy(
            r -> assertThat(r).contains("x: article", "could not be stored: field too long"));
  }

  @Test
  void commitsEveryFewArticlesSoACrashLosesLittle() throws IOException {
    List<IngestInput> inputs = files(4, 1_000);
    EntityExtractor slow =
        (title, body) -> {
          try {
            Thread.sleep(0, 200_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return List.of();
        };

    run(new IngestOptions(2, slow, Duration.ofHours(1), 500), inputs);

    // 4,000 articles and a commit at least every 500 of them (checked ten times a second), while
    // the hour between commits never comes: only the final commit would leave generation 1.
    assertThat(commitGeneration).isGreaterThanOrEqualTo(5);
  }

  @Test
  void threadsThatOnlyStoreTakeEveryArticleTheWorkersTagged() throws IOException {
    List<IngestInput> inputs = files(4, 300);
    EntityExtractor tagsAllButSevens =
        (title, body) -> {
          if (title.endsWith("7")) {
            throw new IllegalArgumentException("no tags for this one");
          }
          return List.<Entity>of();
        };

    IngestProgress p;
    long stored;
    try (ArticleIndexer indexer = ArticleIndexer.open(directory, Path.of("memory"))) {
      p =
          new IngestPipeline(
                  new IngestOptions(2, tagsAllButSevens, Duration.ofMinutes(1), 1000, 1), reports)
              .run(indexer, inputs, progress -> {});
      stored = indexer.documentCount();
    }

    // Of each file's 300 articles, 30 have a title ending in 7; each file also ends in a broken
    // record.
    assertThat(p.read()).isEqualTo(4 * 300 + 4);
    assertThat(p.added()).isEqualTo(4 * 270);
    assertThat(stored).isEqualTo(4 * 270);
    assertThat(p.rejected()).isEqualTo(4 * 30 + 4);
    assertCountsAddUp(p);
  }

  @Test
  void aStoreThatFailsEndsARunWhoseThreadsOnlyStore() throws IOException {
    List<IngestInput> inputs = files(4, 5_000);
    try (ArticleStore failsOnThirdBatch =
        new FailingStore(ArticleIndexer.open(directory, Path.of("memory")), 3)) {
      IngestPipeline pipeline =
          new IngestPipeline(
              new IngestOptions(2, NO_ENTITIES, Duration.ofMinutes(1), 100_000, 1), reports);

      // The workers, whose tagged batches no thread takes any more, must not keep the run waiting.
      assertThatThrownBy(() ->
              assertTimeoutPreemptively(
                  Duration.ofSeconds(60),
                  () -> pipeline.run(failsOnThirdBatch, inputs, progress -> {})))
          .isInstanceOf(IOException.class)
          .hasMessage("disk full");
    }
  }

  @Test
  void onlyALocalIndexWithFewerWritersThanWorkersHasThreadsThatOnlyStore() {
    assertThat(IngestOptions.storers(2, true, true)).isEqualTo(1);
    assertThat(IngestOptions.storers(6, true, true)).isEqualTo(2);
    assertThat(IngestOptions.storers(1, true, true)).isZero();
    assertThat(IngestOptions.storers(2, true, false)).isZero();
    assertThat(IngestOptions.storers(2, false, true)).isZero();
  }
}
