package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class FirstPassTest {

  private static final Query GOLD = new TermQuery(new Term("body", "gold"));

  /**
   * 150 texts of eight words in two segments, "gold" 1 to 7 times in each: seven groups of about 21
   * equal scores. Ids run in another order than the documents.
   */
  private static DirectoryReader tiedScores(ByteBuffersDirectory directory) throws IOException {
    try (IndexWriter writer =
        new IndexWriter(
            directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
      for (int i = 0; i < 150; i++) {
        int golds = i % 7 + 1;
        Document document = new Document();
        document.add(
            new TextField(
                "body", "gold ".repeat(golds) + "filler ".repeat(8 - golds), Field.Store.NO));
        String id = String.format("a%03d", i * 7 % 150);
        document.add(new SortedSetDocValuesField(ArticleFields.ID, new BytesRef(id)));
        writer.addDocument(document);
        if (i == 74) {
          writer.commit();
        }
      }
    }
    return DirectoryReader.open(directory);
  }

  /** The documents and ids of a page, in order. */
  private static List<String> described(ScoreDoc[] page) {
    List<String> described = new ArrayList<>();
    for (ScoreDoc hit : page) {
      FieldDoc doc = (FieldDoc) hit;
      described.add(
          doc.doc + " " + ((BytesRef) doc.fields[1]).utf8ToString() + " " + doc.fields[0]);
    }
    return described;
  }

  @Test
  void takesThePageFromTheBestArticlesWhenNoTieRunsPastThem() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        DirectoryReader reader = tiedScores(directory)) {
      assertThat(reader.leaves()).hasSize(2);
      IndexSearcher searcher = new IndexSearcher(reader);
      ScoreDoc[] first = searcher.search(GOLD, FirstPass.collector()).scoreDocs;
      assertThat(first).hasSize(101);
      Sort relevance =
          new Sort(SortField.FIELD_SCORE, new SortedSetSortField(ArticleFields.ID, false));
      int decided = 0;
      for (int wanted : new int[] {1, 5, 11, 21, 22, 42, 43, 90, 101}) {
        ScoreDoc[] expected =
            searcher.search(
                    GOLD, new TopFieldCollectorManager(relevance, wanted, null, Integer.MAX_VALUE))
                .scoreDocs;
        Optional<FieldDoc[]> page = FirstPass.page(reader, first, wanted, FirstPass.Seen.WHOLLY);
        // Past the 84 best, the 101st ties with the last of the page: it may hold a lower id.
        assertThat(page.isPresent()).as("wanted " + wanted).isEqualTo(wanted <= 84);
        if (page.isPresent()) {
          decided++;
          assertThat(described(page.get())).as("wanted " + wanted).isEqualTo(described(expected));
        }
      }
      assertThat(decided).isEqualTo(7);
    }
  }

  @Test
  void takesEveryPageFromAllTheMatchesOrFromWhatASearchStoppedEarlySaw() throws IOException {
    try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
        DirectoryReader reader = tiedScores(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      ScoreDoc[] first = searcher.search(GOLD, FirstPass.collector()).scoreDocs;
      ScoreDoc[] fewer = Arrays.copyOf(first, 60);

      assertThat(FirstPass.page(reader, fewer, 61, FirstPass.Seen.WHOLLY).orElseThrow())
          .hasSize(60);
      FieldDoc[] seen = FirstPass.page(reader, first, 101, FirstPass.Seen.PARTLY).orElseThrow();
      assertThat(seen).hasSize(101);
      for (int i = 1; i < seen.length; i++) {
        assertThat(seen[i].score).isLessThanOrEqualTo(seen[i - 1].score);
        if (seen[i].score == seen[i - 1].score) {
          assertThat((BytesRef) seen[i].fields[1]).isGreaterThan((BytesRef) seen[i - 1].fields[1]);
        }
      }
    }
  }
}
