package io.newsarchive.search;

import static io.newsarchive.testing.TestArticles.article;
import static io.newsarchive.testing.TestArticles.org;
import static io.newsarchive.testing.TestArticles.person;
import static io.newsarchive.testing.TestArticles.place;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Article;
import io.newsarchive.article.Entity;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SharedCountingTest {

  private static final Set<FacetField> FACETS =
      EnumSet.of(FacetField.SOURCE, FacetField.PERSON, FacetField.ORG, FacetField.PLACE);

  private static DirectoryReader reader;
  private static ArchiveSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    // Three commits, three segments of 400, 300 and 200 articles.
    int first = 0;
    for (int size : new int[] {400, 300, 200}) {
      List<Article> articles = new ArrayList<>();
      for (int n = 0; n < size; n++) {
        int i = first + n;
        List<Entity> entities = new ArrayList<>();
        for (int p = 0; p < i % 5; p++) {
          entities.add(person("Person " + (i * 3 + p) % 41));
        }
        entities.add(place(i % 2 == 0 ? "Tehran" : "Place " + i % 13));
        if (i % 3 == 0) {
          entities.add(org("Org " + i % 7));
        }
        String body = (i % 2 == 0 ? "alpha " : "") + (i % 3 == 0 ? "beta " : "") + "gamma";
        String date = Instant.ofEpochSecond(1_600_000_000L + i * 50_000L).toString();
        articles.add(
            article((i % 4 == 0 ? "kayhan-" : "wire-") + i, "Title " + i, body, date, entities));
      }
      TestArticles.index(dir, articles);
      first += size;
    }
    reader = DirectoryReader.open(dir);
    searcher = (ArchiveSearcher) new ArchiveSearcher.Factory().newSearcher(reader, null);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
  }

  private static Query alphaOrBeta() {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(ArticleFields.BODY, "alpha")), Occur.SHOULD)
        .add(new TermQuery(new Term(ArticleFields.BODY, "beta")), Occur.SHOULD)
        .build();
  }

  /** Everything a page shows of the counts, to compare two countings by. */
  private static List<Object> shown(MatchCounter.Counts counts) throws IOException {
    List<Object> shown = new ArrayList<>();
    shown.add(counts.total());
    for (FacetField facet : FACETS) {
      shown.add(counts.top(facet, 1000));
    }
    shown.add(counts.timeline(Interval.DAY));
    return shown;
  }

  @Test
  void piecesTakenByTwoThreadsCountWhatOnePassCounts() throws Exception {
    Query query = alphaOrBeta();
    MatchCounter.Counts onePass = searcher.search(query, new MatchCounter(searcher, FACETS));
    assertThat(onePass.total()).isEqualTo(600);
    ExecutorService helper = Executors.newSingleThreadExecutor();
    try {
      for (int round = 0; round < 20; round++) {
        SharedCounting shared =
            new SharedCounting(query, new MatchCounter(searcher, FACETS), reader, 40);
        assertThat(shared.pieces()).isEqualTo(10 + 8 + 5);
        Future<?> helping = helper.submit(() -> shared.help(Ranking.searcher(reader)));
        MatchCounter.Counts counted = shared.counts(Ranking.searcher(reader));
        helping.get();
        assertThat(shown(counted)).isEqualTo(shown(onePass));
        assertThat(shared.timedOut()).isFalse();
      }
    } finally {
      helper.shutdownNow();
    }
  }

  @Test
  void piecesAllTakenByTheHelperAreAddedUpByTheCounter() throws IOException {
    Query query = alphaOrBeta();
    MatchCounter.Counts onePass = searcher.search(query, new MatchCounter(searcher, FACETS));
    SharedCounting shared =
        new SharedCounting(query, new MatchCounter(searcher, FACETS), reader, 100);
    shared.help(Ranking.searcher(reader));
    assertThat(shown(shared.counts(Ranking.searcher(reader)))).isEqualTo(shown(onePass));
  }

  @Test
  void aPieceStoppedByItsDeadlineSaysSo() throws IOException {
    SharedCounting shared =
        new SharedCounting(alphaOrBeta(), new MatchCounter(searcher, FACETS), reader, 100);
    IndexSearcher stopped = Ranking.searcher(reader);
    stopped.setTimeout(() -> true);
    MatchCounter.Counts counted = shared.counts(stopped);
    assertThat(shared.timedOut()).isTrue();
    assertThat(counted.total()).isLessThan(600);
  }

  @Test
  void segmentsSplitIntoEvenPiecesLargestFirst() {
    List<IndexSearcher.LeafReaderContextPartition> pieces =
        SharedCounting.pieces(reader.leaves(), 70);
    // 400 documents in six pieces of 66 or 67, 300 in five of 60, 200 in three of 66 or 67.
    assertThat(pieces).hasSize(6 + 5 + 3);
    int covered = 0;
    int last = Integer.MAX_VALUE;
    for (IndexSearcher.LeafReaderContextPartition piece : pieces) {
      int size = piece.maxDocId - piece.minDocId;
      assertThat(size).isBetween(60, 70).isLessThanOrEqualTo(last);
      last = size;
      covered += size;
    }
    assertThat(covered).isEqualTo(reader.maxDoc());
    assertThat(SharedCounting.pieces(reader.leaves(), 1 << 16)).hasSize(3);
  }
}
