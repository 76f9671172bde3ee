package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.schema.ArticleDocuments;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class KeptNamesTest {

  @Test
  void eachOpenSegmentKeepsTheNamesPagesReadAcrossVersionsUntilItCloses() throws IOException {
    List<Article> archive = TestArticles.archive();
    int half = archive.size() / 2;
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    TestArticles.index(dir, archive.subList(0, half));
    TestArticles.index(dir, archive.subList(half, archive.size()));
    ArchiveSearcher.Factory factory = new ArchiveSearcher.Factory();
    try (DirectoryReader reader = DirectoryReader.open(dir)) {
      assertThat(reader.leaves()).hasSize(2);
      ArchiveSearcher first = (ArchiveSearcher) factory.newSearcher(reader, null);
      ArchiveSearcher second = (ArchiveSearcher) factory.newSearcher(reader, null);
      assertThat(first.keptNames()).hasSize(2).doesNotHaveDuplicates();
      // A later version of the same segments reads through the names the first one kept.
      for (int leaf = 0; leaf < 2; leaf++) {
        assertThat(second.keptNames().get(leaf)).isSameAs(first.keptNames().get(leaf));
      }
      assertThat(factory.segmentsKept()).isEqualTo(2);
      int doc = withEntities(reader);
      Article read =
          ArticleDocuments.pageReading(reader, first.keptNames(), first.names())
              .article(reader.storedFields().document(doc), doc);
      Article again =
          ArticleDocuments.pageReading(reader, second.keptNames(), second.names())
              .article(reader.storedFields().document(doc), doc);
      assertThat(read.entities()).isNotEmpty().isEqualTo(again.entities());
      for (int i = 0; i < read.entities().size(); i++) {
        assertThat(again.entities().get(i).name()).isSameAs(read.entities().get(i).name());
      }
    }
    // Closed segments keep nothing.
    assertThat(factory.segmentsKept()).isZero();
  }

  /** A document of {@code reader} whose article has entities. */
  private static int withEntities(DirectoryReader reader) throws IOException {
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      List<Entity> entities = ArticleDocuments.article(reader, doc).entities();
      if (!entities.isEmpty()) {
        return doc;
      }
    }
    throw new AssertionError("no article of the test archive has entities");
  }
}
