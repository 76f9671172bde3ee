package io.newsarchive.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsarchive.article.Article;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

class ArticleIndexerTest {

  private static final Path LOCATION = Path.of("memory");

  private static Article article(String id, String body) {
    return Article.builder()
        .source("kayhan.ir")
        .sourceId(id)
        .title("Title " + id)
        .body(body)
        .published(Instant.parse("2020-09-26T18:25:00Z"), "26 September 2020 - 21:55")
        .language("en")
        .build();
  }

  /** Keeps the directory open after the indexer closes, so the test can reopen it. */
  private static Directory keepOpen(ByteBuffersDirectory directory) {
    return new org.apache.lucene.store.FilterDirectory(directory) {
      @Override
      public void close() {}
    };
  }

  @Test
  void secondRunOverSameArticlesAddsNothing() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (ArticleIndexer indexer = ArticleIndexer.open(keepOpen(directory), LOCATION)) {
      assertThat(indexer.upsert(article("1", "first body"))).isEqualTo(UpsertOutcome.ADDED);
      assertThat(indexer.upsert(article("2", "second body"))).isEqualTo(UpsertOutcome.ADDED);
    }
    try (ArticleIndexer indexer = ArticleIndexer.open(keepOpen(directory), LOCATION)) {
      assertThat(indexer.upsert(article("1", "first body"))).isEqualTo(UpsertOutcome.UNCHANGED);
      assertThat(indexer.upsert(article("2", "second body"))).isEqualTo(UpsertOutcome.UNCHANGED);
      assertThat(indexer.documentCount()).isEqualTo(2);
    }
  }

  @Test
  void changedContentReplacesTheStoredArticle() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (ArticleIndexer indexer = ArticleIndexer.open(keepOpen(directory), LOCATION)) {
      indexer.upsert(article("1", "old body"));
    }
    try (ArticleIndexer indexer = ArticleIndexer.open(keepOpen(directory), LOCATION)) {
      assertThat(indexer.upsert(article("1", "new body"))).isEqualTo(UpsertOutcome.UPDATED);
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      assertThat(reader.numDocs()).isEqualTo(1);
      IndexSearcher searcher = new IndexSearcher(reader);
      int doc =
          searcher.search(new TermQuery(new Term(ArticleFields.ID, "kayhan.ir-1")), 1)
              .scoreDocs[0]
              .doc;
      assertThat(ArticleDocuments.article(reader, doc).body()).isEqualTo("new body");
    }
  }

  @Test
  void batchUpsertAnswersEachArticleInOrderAsOneByOne() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (ArticleStore store = ArticleIndexer.open(keepOpen(directory), LOCATION)) {
      assertThat(store.upsert(List.of(article("1", "old body"), article("2", "kept body"))))
          .containsExactly(UpsertOutcome.ADDED, UpsertOutcome.ADDED);
    }
    List<Article> batch =
        List.of(
            article("1", "new body"),
            article("2", "kept body"),
            article("3", "same twice"),
            article("3", "same twice"),
            article("4", "first version"),
            article("4", "second version"));

    List<UpsertOutcome> outcomes;
    try (ArticleStore store = ArticleIndexer.open(keepOpen(directory), LOCATION)) {
      outcomes = store.upsert(batch);
      assertThat(store.documentCount()).isEqualTo(4);
    }

    assertThat(outcomes)
        .containsExactly(
            UpsertOutcome.UPDATED,
            UpsertOutcome.UNCHANGED,
            UpsertOutcome.ADDED,
            UpsertOutcome.UNCHANGED,
            UpsertOutcome.ADDED,
            UpsertOutcome.UPDATED);
    assertThat(outcomes).isEqualTo(oneByOne(batch));
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      assertThat(reader.numDocs()).isEqualTo(4);
      assertThat(storedBody(reader, "kayhan.ir-1")).isEqualTo("new body");
      assertThat(storedBody(reader, "kayhan.ir-4")).isEqualTo("second version");
    }
  }

  /** The outcomes of the same first run, then {@code batch}, upserted one article at a time. */
  private static List<UpsertOutcome> oneByOne(List<Article> batch) throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (ArticleIndexer indexer = ArticleIndexer.open(keepOpen(directory), LOCATION)) {
      indexer.upsert(article("1", "old body"));
      indexer.upsert(article("2", "kept body"));
    }
    List<UpsertOutcome> outcomes = new ArrayList<>();
    try (ArticleIndexer indexer = ArticleIndexer.open(keepOpen(directory), LOCATION)) {
      for (Article article : batch) {
        outcomes.add(indexer.upsert(article));
      }
    }
    return outcomes;
  }

  private static String storedBody(DirectoryReader reader, String id) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    int doc = searcher.search(new TermQuery(new Term(ArticleFields.ID, id)), 1).scoreDocs[0].doc;
    return ArticleDocuments.article(reader, doc).body();
  }

  @Test
  void anArticleLuceneCannotIndexIsRefusedAndTheRestOfTheBatchIsStored() throws IOException {
    Article immense =
        Article.builder()
            .source("kayhan.ir")
            .sourceId("immense")
            .title("An author too long to index")
            .body("body")
            .author("x".repeat(40_000))
            .build();
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (ArticleStore store = ArticleIndexer.open(keepOpen(directory), LOCATION)) {
      assertThatThrownBy(() -> store.upsert(List.of(article("1", "a"), immense, article("2", "b"))))
          .isInstanceOfSatisfying(
              ArticlesRefusedException.class,
              e -> {
                assertThat(e.stored()).containsExactly(UpsertOutcome.ADDED, UpsertOutcome.ADDED);
                assertThat(e.refusals())
                    .singleElement()
                    .satisfies(refusal -> {
                      assertThat(refusal.position()).isEqualTo(1);
                      assertThat(refusal.articleId()).isEqualTo("kayhan.ir-immense");
                      assertThat(refusal.reason()).contains("immense term", "author");
                    });
              });
      assertThat(store.documentCount()).isEqualTo(2);
      assertThat(store.upsert(List.of(article("3", "c")))).containsExactly(UpsertOutcome.ADDED);
    }
  }

  @Test
  void aRefusedUpdateKeepsTheStoredVersion() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    Article stored = article("1", "kept");
    Article immense =
        Article.builder()
            .source("kayhan.ir")
            .sourceId("1")
            .title("Title 1")
            .body("edited")
            .author("x".repeat(40_000))
            .build();
    try (ArticleStore store = ArticleIndexer.open(keepOpen(directory), LOCATION)) {
      store.upsert(List.of(stored));
      store.commit();
      assertThatThrownBy(() -> store.upsert(List.of(immense)))
          .isInstanceOf(ArticlesRefusedException.class);
    }
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      assertThat(reader.numDocs()).isEqualTo(1);
      assertThat(storedBody(reader, "kayhan.ir-1")).isEqualTo("kept");
    }
  }

  @Test
  void duplicateIdWithinOneRunKeepsOneDocument() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (ArticleIndexer indexer = ArticleIndexer.open(keepOpen(directory), LOCATION)) {
      assertThat(indexer.upsert(article("7", "same"))).isEqualTo(UpsertOutcome.ADDED);
      assertThat(indexer.upsert(article("7", "same"))).isEqualTo(UpsertOutcome.UNCHANGED);
      assertThat(indexer.upsert(article("7", "edited"))).isEqualTo(UpsertOutcome.UPDATED);
      assertThat(indexer.documentCount()).isEqualTo(1);
    }
  }

  @Test
  void aFreshIndexFindsWhatTheRunWroteBeforeTheReaderWasReopened() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    int writtenPerReader = 1_000;
    try (ArticleIndexer indexer =
        ArticleIndexer.open(keepOpen(directory), LOCATION, Optional.empty(), writtenPerReader)) {
      List<Article> batch = new ArrayList<>();
      for (int i = 0; i <= writtenPerReader; i++) {
        batch.add(article("a" + i, "body " + i));
      }
      // Past this many writes the run's articles are looked up in the reopened reader only.
      assertThat(indexer.upsert(batch)).containsOnly(UpsertOutcome.ADDED);
      assertThat(indexer.upsert(article("a0", "body 0"))).isEqualTo(UpsertOutcome.UNCHANGED);
      assertThat(indexer.upsert(article("a7", "a changed body"))).isEqualTo(UpsertOutcome.UPDATED);
      assertThat(indexer.upsert(article("b1", "a new body"))).isEqualTo(UpsertOutcome.ADDED);
      assertThat(indexer.documentCount()).isEqualTo(writtenPerReader + 2L);
    }
  }

  @Test
  void commitCarriesTheSchemaVersion() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (ArticleIndexer indexer = ArticleIndexer.open(keepOpen(directory), LOCATION)) {
      indexer.upsert(article("1", "body"));
    }
    Map<String, String> userData = DirectoryReader.listCommits(directory).getLast().getUserData();
    assertThat(userData)
        .containsEntry(ArticleFields.SCHEMA_KEY, String.valueOf(ArticleFields.SCHEMA_VERSION));
  }

  @Test
  void refusesAnIndexOfAnotherSchemaVersion() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new StringField("id", "x", Field.Store.YES));
      writer.addDocument(doc);
      writer.setLiveCommitData(Map.of(ArticleFields.SCHEMA_KEY, "0").entrySet());
      writer.commit();
    }
    assertThatThrownBy(() -> ArticleIndexer.open(keepOpen(directory), LOCATION))
        .isInstanceOf(IndexVersionException.class)
        .hasMessageContaining("schema version 0")
        .hasMessageContaining("re-index");
  }

  @Test
  void refusesAForeignIndex() throws IOException {
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      writer.addDocument(new Document());
      writer.commit();
    }
    assertThatThrownBy(() -> ArticleIndexer.open(keepOpen(directory), LOCATION))
        .isInstanceOf(IndexVersionException.class)
        .hasMessageContaining("did not write");
  }
}
