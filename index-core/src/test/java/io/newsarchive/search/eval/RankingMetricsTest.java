package io.newsarchive.search.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RankingMetricsTest {

  private static final double EPS = 1e-6;

  // Query 1 judges d1 (grade 2), d2, d3, d5 (grade 1) and d4 (not relevant): 4 relevant.
  // The run ties dX (unjudged) and d2 at 3.0; trec_eval puts the greater id first, "dX" > "d2",
  // so the ranking is d4, d1, dX, d2, d3 and relevant documents sit at ranks 2, 4 and 5.
  private static final List<ScoredDoc> RUN_1 =
      List.of(
          new ScoredDoc("d3", 1.0),
          new ScoredDoc("d2", 3.0),
          new ScoredDoc("d1", 4.0),
          new ScoredDoc("dX", 3.0),
          new ScoredDoc("d4", 5.0));
  private static final Map<String, Integer> JUDGED_1 =
      Map.of("d1", 2, "d2", 1, "d3", 1, "d4", 0, "d5", 1);

  @Test
  void scoresOneQueryAsTrecEvalDoes() {
    QueryMetrics metrics = RankingMetrics.score(RUN_1, JUDGED_1);

    // AP = (1/2 + 2/4 + 3/5) / 4 = 1.6 / 4
    assertThat(metrics.averagePrecision()).isCloseTo(0.4, within(EPS));
    // P@10 = 3 relevant in the top 10 / 10
    assertThat(metrics.precisionAt10()).isCloseTo(0.3, within(EPS));
    // R@1000 = 3 of 4 relevant retrieved
    assertThat(metrics.recallAt1000()).isCloseTo(0.75, within(EPS));
    // DCG = 2/log2(3) + 1/log2(5) + 1/log2(6) = 1.2618595 + 0.4306766 + 0.3868528 = 2.0793889
    // IDCG = 2/log2(2) + 1/log2(3) + 1/log2(4) + 1/log2(5) = 2 + 0.6309298 + 0.5 + 0.4306766
    //      = 3.5616064; nDCG@10 = 2.0793889 / 3.5616064 = 0.5838346
    assertThat(metrics.ndcgAt10()).isCloseTo(0.5838346, within(EPS));
  }

  @Test
  void equalScoresRankByDescendingIdWhateverTheRunOrder() {
    List<ScoredDoc> ranked = RankingMetrics.trecOrder(RUN_1);

    assertThat(ranked).extracting(ScoredDoc::docId).containsExactly("d4", "d1", "dX", "d2", "d3");
    // String order, not number order: "doc-9" sorts after "doc-10", so it comes first.
    List<ScoredDoc> numbered = List.of(new ScoredDoc("doc-10", 1), new ScoredDoc("doc-9", 1));
    assertThat(RankingMetrics.trecOrder(numbered))
        .extracting(ScoredDoc::docId)
        .containsExactly("doc-9", "doc-10");
  }

  @Test
  void meanCoversQueriesWithARelevantDocumentAndCountsEmptyRunsAsZero(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("qrels.txt");
    Files.writeString(
        file,
        """
        1 0 d1 2
        1 0 d2 1
        1 0 d3 1
        1 0 d4 0
        1 0 d5 1

        2 0 d7 1
        3 0 d8 0
        """);
    Qrels qrels = Qrels.read(file, doc -> doc);
    assertThat(qrels.queriesWithRelevant()).containsExactly("1", "2");

    // Query 2 retrieved nothing: all zero. Query 3 has no relevant document: left out.
    QueryMetrics mean =
        QueryMetrics.mean(
            List.of(
                RankingMetrics.score(RUN_1, qrels.judged("1")),
                RankingMetrics.score(List.of(), qrels.judged("2"))));
    assertThat(mean.averagePrecision()).isCloseTo(0.4 / 2, within(EPS));
    assertThat(mean.ndcgAt10()).isCloseTo(0.5838346 / 2, within(EPS));
    assertThat(mean.precisionAt10()).isCloseTo(0.3 / 2, within(EPS));
    assertThat(mean.recallAt1000()).isCloseTo(0.75 / 2, within(EPS));
  }

  @Test
  void qrelsDocumentNumbersMapToRunIds(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("qrels.txt");
    Files.writeString(file, "7 0 017 1\n");

    Qrels qrels = Qrels.read(file, doc -> "time-" + Integer.parseInt(doc));

    assertThat(qrels.judged("7")).containsExactly(Map.entry("time-17", 1));
  }

  @Test
  void malformedQrelsLineNamesFileAndLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("qrels.txt");
    Files.writeString(file, "1 0 d1 1\n1 0 d2 yes\n");

    assertThatThrownBy(() -> Qrels.read(file, doc -> doc))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("qrels.txt:2")
        .hasMessageContaining("'yes'");
  }

  @Test
  void runFileListsTrecOrderWithRanksFromOne() throws IOException {
    StringBuilder out = new StringBuilder();

    TrecRun.append(out, "1", RUN_1.subList(0, 2), "test");

    assertThat(out.toString()).isEqualTo("1 Q0 d2 1 3.0 test\n1 Q0 d3 2 1.0 test\n");
  }

  @Test
  void aDocumentListedTwiceIsAnError() {
    List<ScoredDoc> twice = List.of(new ScoredDoc("d1", 2), new ScoredDoc("d1", 1));

    assertThatThrownBy(() -> RankingMetrics.score(twice, JUDGED_1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
  }
}
