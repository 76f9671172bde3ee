package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearcherOpeningTest {

  @Test
  void refusesAMissingDirectory(@TempDir Path tmp) {
    assertThatThrownBy(() -> ArticleSearcher.open(tmp.resolve("nope"), SearcherOptions.DEFAULTS))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void refusesAnEmptyDirectory(@TempDir Path tmp) {
    assertThatThrownBy(() -> ArticleSearcher.open(tmp, SearcherOptions.DEFAULTS))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void namesAnIngestInterruptedBeforeItsFirstCommit() throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    // A writer that flushed segments and was never committed or closed, as after a kill -9; the
    // searcher closes the directory when it refuses it.
    IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(ArticleFields.analyzer()));
    writer.addDocument(ArticleDocuments.toDocument(TestArticles.archive().get(0)));
    writer.flush();
    assertThatThrownBy(() -> new ArticleSearcher(dir, "crashed", SearcherOptions.DEFAULTS))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("interrupted before its first commit")
        .hasMessageContaining("run newsarchive index again");
  }

  @Test
  void refusesAnIndexOfAnotherSchemaVersion() throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try (IndexWriter writer =
        new IndexWriter(dir, new IndexWriterConfig(ArticleFields.analyzer()))) {
      writer.addDocument(ArticleDocuments.toDocument(TestArticles.archive().get(0)));
      writer.setLiveCommitData(Map.of(ArticleFields.SCHEMA_KEY, "0").entrySet());
      writer.commit();
    }
    assertThatThrownBy(() -> new ArticleSearcher(dir, "old", SearcherOptions.DEFAULTS))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("schema version 0");
  }
}
