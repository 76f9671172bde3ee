package io.newsarchive.search;

import static io.newsarchive.search.FeedbackExpansion.RESCORED;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

/**
 * The best {@value FeedbackExpansion#RESCORED} articles of a query as typed and the one after them,
 * best first and ties by document number, collected in the pass that counts every match or in one
 * of their own beside it: what feedback rescores, and what the page of the query as typed is taken
 * from when no feedback word was found. Stateless.
 */
final class FirstPass {

  /**
   * How much more than the lowest rescored score the last article of a page must score so that no
   * article past the rescored ones, tied with the last of them as typed, can reach the page: the
   * same score as typed may sum to a slightly different one under the feedback weights.
   */
  private static final float MARGIN = 1e-4f;

  private FirstPass() {}

  /**
   * Collects the best {@value FeedbackExpansion#RESCORED} articles and the one after them, ties by
   * document number as a search for the best articles alone orders them, so that cursors continue
   * the ranking of the page they come from.
   */
  static TopScoreDocCollectorManager collector() {
    return new TopScoreDocCollectorManager(RESCORED + 1, Integer.MAX_VALUE);
  }

  /**
   * Collects the same articles as {@link #collector()}, in the same order, without counting every
   * match: once it holds them, it lets the query skip articles that cannot score more than the last
   * of them. Ties keep document order, as articles are collected in it and a later one must score
   * more to displace an earlier one, so the page and its cursors are the same.
   */
  static TopScoreDocCollectorManager skipping() {
    return new TopScoreDocCollectorManager(RESCORED + 1, RESCORED + 1);
  }

  /**
   * Whether the article after the {@value FeedbackExpansion#RESCORED} best of {@code first} scores
   * as much as the last of them.
   */
  static Tie tiedPastRescored(ScoreDoc[] first) {
    return first.length > RESCORED && first[RESCORED].score == first[RESCORED - 1].score
        ? Tie.PAST_RESCORED
        : Tie.NONE;
  }

  /**
   * The first {@code wanted} of {@code first} in the order of a page by relevance (score, then
   * article id), as the page's own collector gives them, when {@code first} decides them: it holds
   * every match (or every match {@code complete} says was seen), or no article past it can score as
   * much as the last of them. Empty otherwise.
   */
  static Optional<FieldDoc[]> page(IndexReader reader, ScoreDoc[] first, int wanted, Seen complete)
      throws IOException {
    boolean all = first.length <= RESCORED || complete == Seen.PARTLY;
    int last = Math.min(wanted, first.length) - 1;
    if (!all && (wanted > RESCORED || first[last].score <= first[RESCORED].score)) {
      return Optional.empty();
    }
    return Optional.of(byScoreAndId(reader, first, wanted));
  }

  /**
   * The first {@code wanted} of {@code hits} in the order of a page by relevance (score, then
   * article id), with the sort values a cursor continues from. Only the ids of the page and of the
   * articles tied with its last are read.
   */
  static FieldDoc[] byScoreAndId(IndexReader reader, ScoreDoc[] hits, int wanted)
      throws IOException {
    ScoreDoc[] byScore = hits.clone();
    Arrays.sort(
        byScore,
        Comparator.<ScoreDoc>comparingDouble(hit -> -hit.score).thenComparingInt(hit -> hit.doc));
    int size = Math.min(wanted, byScore.length);
    int end = size;
    while (end < byScore.length && byScore[end].score == byScore[size - 1].score) {
      end++;
    }
    List<LeafReaderContext> leaves = reader.leaves();
    FieldDoc[] page = new FieldDoc[end];
    for (int i = 0; i < end; i++) {
      ScoreDoc hit = byScore[i];
      page[i] = new FieldDoc(hit.doc, hit.score, new Object[] {hit.score, id(leaves, hit.doc)});
    }
    Arrays.sort(
        page,
        Comparator.<FieldDoc>comparingDouble(hit -> -hit.score)
            .thenComparing(
                hit -> (BytesRef) hit.fields[1], Comparator.nullsFirst(Comparator.naturalOrder())));
    return Arrays.copyOf(page, size);
  }

  /**
   * The first {@code wanted} articles of the expanded order from {@code rescored}, the rescored
   * articles with their expanded scores, when they decide them: no article past them was {@code
   * tied} with the last of them as typed, or the page's last scores clearly above the lowest of
   * them. Empty otherwise: then the page needs the whole expanded order.
   */
  static Optional<FieldDoc[]> reordered(
      IndexReader reader, ScoreDoc[] rescored, int wanted, Tie tied) throws IOException {
    FieldDoc[] page = byScoreAndId(reader, rescored, wanted);
    if (tied == Tie.NONE) {
      return Optional.of(page);
    }
    float lowest = Float.POSITIVE_INFINITY;
    for (ScoreDoc hit : rescored) {
      lowest = Math.min(lowest, hit.score);
    }
    return aboveTied(page, wanted, lowest) ? Optional.of(page) : Optional.empty();
  }

  /** Whether an article past the rescored ones scored as much as the last of them as typed. */
  enum Tie {
    NONE,
    PAST_RESCORED
  }

  /** Whether a pass saw every match or was stopped by its deadline. */
  enum Seen {
    WHOLLY,
    PARTLY
  }

  /**
   * Whether {@code rescored}, the best of the rescored articles in the expanded order by relevance
   * (their scores in their sort values), are also the best of the whole expanded order although an
   * article past the rescored ones scored as much as the last of them as typed: their last scores
   * clearly more than {@code lowest}, the lowest score of a rescored article. Feedback only adds to
   * those, so no article past them scores more.
   */
  private static boolean aboveTied(ScoreDoc[] rescored, int wanted, float lowest) {
    return rescored.length == wanted
        && (Float) ((FieldDoc) rescored[wanted - 1]).fields[0] > lowest * (1 + MARGIN);
  }

  /** The article id of {@code doc}, read past the deadline checks of the index reader. */
  private static BytesRef id(List<LeafReaderContext> leaves, int doc) throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedSetDocValues ids =
        DocValues.getSortedSet(FilterLeafReader.unwrap(leaf.reader()), ArticleFields.ID);
    if (!ids.advanceExact(doc - leaf.docBase)) {
      return null;
    }
    return BytesRef.deepCopyOf(ids.lookupOrd(ids.nextOrd()));
  }
}
