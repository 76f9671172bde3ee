package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
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
}
