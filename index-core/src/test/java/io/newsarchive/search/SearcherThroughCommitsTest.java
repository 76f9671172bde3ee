package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A searcher reading an index on disk while another writer commits to it as fast as it can. */
class SearcherThroughCommitsTest {

  private static final int COMMITS = 80;

  @Test
  void statsAnswerThroughEveryCommitAndMeasureTheirOwnVersion(@TempDir Path dir) throws Exception {
    TestArticles.index(dir, TestArticles.archive());
    SearcherOptions options = new SearcherOptions(Duration.ofMillis(5), Duration.ofSeconds(10));
    try (ArticleSearcher searcher = ArticleSearcher.open(dir, options)) {
      AtomicBoolean writing = new AtomicBoolean(true);
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(() -> {
            try (ArticleIndexer indexer = ArticleIndexer.open(dir)) {
              // Every commit adds a segment; the merges among them delete the segments they
              // replace, and every commit deletes the previous commit point.
              for (int i = 0; i < COMMITS; i++) {
                indexer.upsert(
                    TestArticles.article(
                        "wire-" + i, "Wire " + i, "Cocoa report " + i, null, List.of()));
                indexer.commit();
              }
            } catch (IOException e) {
              throw new IllegalStateException(e);
            } finally {
              writing.set(false);
            }
          });
      Set<Long> seen = new TreeSet<>();
      int polls = 0;
      while (writing.get()) {
        IndexStats stats = searcher.stats();
        assertThat(stats.indexBytes()).isPositive();
        seen.add(stats.articles());
        polls++;
      }
      writer.join();
      assertThat(polls).isPositive();
      // The refresh kept up with the commits instead of failing on the files they deleted.
      assertThat(seen).hasSizeGreaterThan(2);

      searcher.refresh();
      IndexStats last = searcher.stats();
      assertThat(last.articles()).isEqualTo(8 + COMMITS);
      assertThat(last.indexBytes()).isEqualTo(sizeOfLatestCommit(dir));
    }
  }

  private static long sizeOfLatestCommit(Path dir) throws IOException {
    try (FSDirectory directory = FSDirectory.open(dir)) {
      SegmentInfos latest = SegmentInfos.readLatestCommit(directory);
      long sum = 0;
      for (String file : latest.files(true)) {
        sum += Files.size(dir.resolve(file));
      }
      return sum;
    }
  }
}
