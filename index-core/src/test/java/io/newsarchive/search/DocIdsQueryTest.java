package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class DocIdsQueryTest {

  /** 90 documents in three segments of 30, each with its {@code parity}: "even" or "odd". */
  private static DirectoryReader threeSegments(ByteBuffersDirectory directory) throws IOException {
    try (IndexWriter writer =
        new IndexWriter(
            directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < 90; i++) {
        Document document = new Document();
        document.add(new StringField("parity", i % 2 == 0 ? "even" : "odd", Field.Store.NO));
        writer.addDocument(document);
        if (i % 30 == 29) {
          writer.commit();
        }
      }
    }
    return DirectoryReader.open(directory);
  }

  private static Set<Integer> matches(IndexSearcher searcher, Query query) throws IOException {
    Set<Integer> docs = new TreeSet<>();
    for (ScoreDoc hit : searcher.search(query, 1000).scoreDocs) {
      docs.add(hit.doc);
    }
    return docs;
  }

  private static ScoreDoc[] hits(int... docs) {
    return Arrays.stream(docs).mapToObj(doc -> new ScoreDoc(doc, 1)).toArray(ScoreDoc[]::new);
  }

  @Test
  void matchesExactlyTheGivenDocumentsInEverySegment() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        DirectoryReader reader = threeSegments(directory)) {
      assertThat(reader.leaves()).hasSize(3);
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setQueryCache(null);
      ScoreDoc[] given = hits(89, 0, 31, 30, 29, 58, 60, 2);

      assertThat(matches(searcher, new DocIdsQuery(reader, given)))
          .containsExactly(0, 2, 29, 30, 31, 58, 60, 89);
      // As a filter beside another clause, its documents are reached by advancing.
      Query evenOnes =
          new BooleanQuery.Builder()
              .add(new TermQuery(new Term("parity", "even")), Occur.MUST)
              .add(new DocIdsQuery(reader, given), Occur.FILTER)
              .build();
      assertThat(matches(searcher, evenOnes)).containsExactly(0, 2, 30, 58, 60);
      assertThat(matches(searcher, new DocIdsQuery(reader, hits()))).isEmpty();
    }
  }

  @Test
  void refusesTheDocumentNumbersOfAnotherReader() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        DirectoryReader reader = threeSegments(directory);
        DirectoryReader other = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(other);

      assertThatThrownBy(() -> searcher.search(new DocIdsQuery(reader, hits(1, 2)), 10))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("another index version");
    }
  }
}
