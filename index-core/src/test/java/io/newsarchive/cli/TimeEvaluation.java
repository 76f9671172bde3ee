package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code newsarchive evaluate-ranking} of the TIME 1963 queries over an index, and its metrics. */
final class TimeEvaluation {

  private TimeEvaluation() {}

  /** Runs the evaluation of {@code time}'s queries and judgments over {@code index}. */
  static CliRun evaluate(Path index, Path time, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--index",
                index.toString(),
                "--queries",
                time.resolve("queries.tsv").toString(),
                "--qrels",
                time.resolve("qrels.txt").toString()));
    args.addAll(List.of(extra));
    return CliRun.run(new EvaluateRankingCommand(), args.toArray(String[]::new));
  }

  /** The value of the metric {@code name} that the evaluation printed. */
  static double metric(String out, String name) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\s+([0-9.]+)$").matcher(out);
    assertThat(m.find()).as("%s in %s", name, out).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
