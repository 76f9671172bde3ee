package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class StoredDocumentsTest {

  @Test
  void anArticleIsDecompressedOnceAndReadAsStored() throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    TestArticles.index(dir, TestArticles.archive());
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      StoredDocuments documents = new StoredDocuments(reader);
      for (int doc = 0; doc < reader.maxDoc(); doc++) {
        Document first = documents.document(doc);
        assertThat(documents.document(doc)).isSameAs(first);
        Document fresh = reader.storedFields().document(doc);
        assertThat(first.get(ArticleFields.ID)).isEqualTo(fresh.get(ArticleFields.ID));
        assertThat(first.get(ArticleFields.TITLE)).isEqualTo(fresh.get(ArticleFields.TITLE));
        assertThat(first.get(ArticleFields.BODY)).isEqualTo(fresh.get(ArticleFields.BODY));
        assertThat(first.getFields()).hasSameSizeAs(fresh.getFields());
      }
      assertThat(reader.maxDoc()).isGreaterThan(3);
    }
  }

  @Test
  void passesReadThroughStoredFieldsTheVersionLendsAndTakesBack() throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    TestArticles.index(dir, TestArticles.archive());
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      ArchiveSearcher searcher =
          (ArchiveSearcher) new ArchiveSearcher.Factory().newSearcher(reader, null);
      StoredFields lent = searcher.lendStoredFields();
      searcher.takeBack(lent);
      assertThat(searcher.lendStoredFields()).as("given back, lent again").isSameAs(lent);
      searcher.takeBack(lent);
      for (int pass = 0; pass < 3; pass++) {
        Document read;
        try (StoredDocuments documents = StoredDocuments.lentBy(searcher)) {
          read = documents.document(pass);
          assertThat(read.get(ArticleFields.ID))
              .isEqualTo(reader.storedFields().document(pass).get(ArticleFields.ID));
        }
        assertThat(read.get(ArticleFields.TITLE))
            .isEqualTo(reader.storedFields().document(pass).get(ArticleFields.TITLE));
      }
      assertThat(searcher.lendStoredFields()).as("the passes gave it back").isSameAs(lent);
      StoredFields second = searcher.lendStoredFields();
      assertThat(second).as("lent to one reader at a time").isNotSameAs(lent);
    }
  }
}
