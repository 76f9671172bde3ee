package io.newsarchive.search;

import static io.newsarchive.testing.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every page order, ending with {@link IdOrder}, lists the same articles with the same sort values
 * as the same order ending with Lucene's own sort on the id's doc values: with many ties before the
 * id, over several segments, one of them with replaced articles, page after page from each page's
 * last hit, on one thread and on several.
 */
class IdOrderTest {

  private static final Instant FIRST = Instant.parse("2022-05-01T00:00:00Z");
  private static final ByteBuffersDirectory DIRECTORY = new ByteBuffersDirectory();
  private static final ExecutorService THREADS = Executors.newFixedThreadPool(3);
  private static DirectoryReader reader;

  @BeforeAll
  static void index() throws IOException {
    // Three batches, each its own segment; ids run in another order than the documents, many
    // articles share a second and many share a text (so a score), and the last batch replaces
    // some articles of the first two.
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 900; i++) {
      String id = (i % 5 == 0 ? "kayhan-" : "wire-") + (1000 + i * 379 % 900);
      Instant published = FIRST.plusSeconds(3_600L * (i / 6));
      String body = "grain ".repeat(i % 4 + 1) + "harvest report from the wire";
      articles.add(article(id, "Story " + i % 13, body, published.toString(), List.of()));
    }
    TestArticles.index(DIRECTORY, articles.subList(0, 300));
    TestArticles.index(DIRECTORY, articles.subList(300, 600));
    List<Article> last = new ArrayList<>(articles.subList(600, 900));
    for (int i = 0; i < 600; i += 17) {
      last.add(articles.get(i));
    }
    TestArticles.index(DIRECTORY, last);
    reader = DirectoryReader.open(DIRECTORY);
    assertThat(reader.leaves()).hasSizeGreaterThan(1);
    assertThat(reader.hasDeletions()).isTrue();
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    THREADS.shutdown();
  }

  /** {@code order} with Lucene's sort on the id's doc values as its tie-break. */
  private static Sort withLuceneIds(Sort order) {
    SortField[] fields = order.getSort().clone();
    assertThat(fields[fields.length - 1]).isSameAs(IdOrder.ID_ORDER);
    fields[fields.length - 1] = new SortedSetSortField(ArticleFields.ID, false);
    return new Sort(fields);
  }

  /**
   * Every page of {@code size} of {@code query} in {@code sort}, each after the one before, and no
   * more pages than the matches fill (an order that returned a hit twice would go on forever).
   */
  private static List<FieldDoc> pages(IndexSearcher searcher, Query query, Sort sort, int size)
      throws IOException {
    List<FieldDoc> hits = new ArrayList<>();
    FieldDoc after = null;
    int pages = searcher.count(query) / size + 1;
    for (int n = 0; n < pages; n++) {
      TopFieldDocs page =
          searcher.search(query, new TopFieldCollectorManager(sort, size, after, size));
      for (ScoreDoc hit : page.scoreDocs) {
        hits.add((FieldDoc) hit);
      }
      if (page.scoreDocs.length < size) {
        return hits;
      }
      after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
    }
    return hits;
  }

  private static void assertSameOrder(IndexSearcher searcher, Query query, Sort sort, int size)
      throws IOException {
    List<FieldDoc> ours = pages(searcher, query, sort, size);
    List<FieldDoc> lucenes = pages(searcher, query, withLuceneIds(sort), size);
    assertThat(ours).hasSize(searcher.count(query));
    assertThat(ours.stream().map(hit -> hit.doc).toList())
        .isEqualTo(lucenes.stream().map(hit -> hit.doc).toList());
    for (int i = 0; i < ours.size(); i++) {
      assertThat(Arrays.asList(ours.get(i).fields))
          .as("sort values of hit %d", i)
          .isEqualTo(Arrays.asList(lucenes.get(i).fields));
    }
  }

  @Test
  void everyOrderListsTheArticlesAsLucenesIdSortDoes() throws IOException {
    Query[] queries = {
      new MatchAllDocsQuery(), new TermQuery(new Term(ArticleFields.BODY, "grain"))
    };
    for (IndexSearcher searcher :
        List.of(new IndexSearcher(reader), new IndexSearcher(reader, THREADS))) {
      for (Query query : queries) {
        for (SortOrder order : SortOrder.values()) {
          for (int size : new int[] {1, 7, 50, 1000}) {
            assertSameOrder(searcher, query, PageSearch.sortOf(order), size);
          }
        }
      }
    }
  }

  @Test
  void aHitsLastSortValueIsItsId() throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    TopFieldDocs page =
        searcher.search(
            new MatchAllDocsQuery(),
            new TopFieldCollectorManager(
                PageSearch.sortOf(SortOrder.NEWEST), 20, null, Integer.MAX_VALUE));
    for (ScoreDoc hit : page.scoreDocs) {
      String stored = reader.storedFields().document(hit.doc).get(ArticleFields.ID);
      assertThat(((FieldDoc) hit).fields[1]).isEqualTo(new BytesRef(stored));
    }
  }
}
