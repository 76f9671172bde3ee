package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.testing.SharedCorpora;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TIME 1963 indexed with passage vectors and scored through {@code evaluate-ranking}. */
class SemanticRankingCommandTest {

  @TempDir static Path temp;

  private static Path time;
  private static Path index;

  @BeforeAll
  static void indexTimeWithVectors() {
    time = SharedCorpora.require("corpora/time-ir-1963");
    index = temp.resolve("time-semantic");
    CliRun run =
        CliRun.run(
            new IndexCommand(),
            "--index",
            index.toString(),
            "--semantic",
            "--progress",
            "never",
            time.resolve("TIME.ALL").toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("read 423,", "added 423,", "rejected 0,");
  }

  private static CliRun evaluate(String... extra) {
    return TimeEvaluation.evaluate(index, time, extra);
  }

  private static double metric(String out, String name) {
    return TimeEvaluation.metric(out, name);
  }

  @Test
  void theDefaultSearchOfAnIndexWithVectorsReachesTheTimeTargets() {
    CliRun run = evaluate();

    assertThat(run.exitCode()).as(run.err()).isZero();
    // The targets of the ranking work: MAP 0.70 and nDCG@10 0.76 (0.6736 / 0.7308 by words alone).
    assertThat(metric(run.out(), "MAP")).isGreaterThanOrEqualTo(0.70);
    assertThat(metric(run.out(), "nDCG@10")).isGreaterThanOrEqualTo(0.76);
  }

  @Test
  void semanticFalseRanksByTheWordsAlone() {
    CliRun run = evaluate("--param", "semantic=false");

    assertThat(run.exitCode()).as(run.err()).isZero();
    // The same as an index without vectors with semantic=false (EvaluateRankingCommandTest): 0.6736
    // / 0.7308.
    assertThat(metric(run.out(), "MAP")).isBetween(0.665, 0.68);
    assertThat(metric(run.out(), "nDCG@10")).isBetween(0.72, 0.74);
  }
}
