package io.newsarchive.cli;

import io.newsarchive.entities.NamedEntityExtractor;
import io.newsarchive.entities.eval.Casing;
import io.newsarchive.entities.eval.NerEvaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Scores the named-entity model on CoNLL-2003 {@code eng.testb} (exact spans, per type and micro
 * precision/recall/F1, conlleval rules) as the file is written and with every word upper-cased, and
 * prints its speed on one thread. With both casings it also says how far the entities {@code
 * extract()} finds in the upper-cased text (what an index records) match those of the original.
 * Exit codes: 0 scored, 1 a file could not be read, 2 bad options.
 */
@Command(
    name = "evaluate-entities",
    mixinStandardHelpOptions = true,
    description = "Score the named-entity model on CoNLL-2003 eng.testb and time it.")
public final class EvaluateEntitiesCommand implements Callable<Integer> {

  @Mixin EntityModelOptions options;

  @Option(
      names = "--test",
      description = "CoNLL file to score, relative to corpora/conll2003 (default: eng.testb).",
      defaultValue = "eng.testb")
  String test;

  @Option(
      names = "--cased",
      description =
          "Score the file as-is, with every word upper-cased (upper), or both (default: both).",
      defaultValue = "both")
  String cased;

  @Override
  public Integer call() {
    Path file = options.corpus("conll2003", test);
    if (!Files.isRegularFile(file)) {
      System.err.println("no CoNLL file at " + file);
      return 2;
    }
    List<Casing> casings =
        switch (cased) {
          case "as-is" -> List.of(Casing.AS_IS);
          case "upper" -> List.of(Casing.UPPER);
          case "both" -> List.of(Casing.AS_IS, Casing.UPPER);
          default -> null;
        };
    if (casings == null) {
      System.err.println("--cased must be as-is, upper or both, got '" + cased + "'");
      return 2;
    }
    try {
      NamedEntityExtractor extractor = options.extractor();
      List<NerEvaluation.Run> runs = new ArrayList<>();
      for (Casing casing : casings) {
        runs.add(fastest(extractor, file, casing));
      }
      if (runs.size() == 2) {
        NerEvaluation.Agreement same = runs.get(1).agreement(runs.get(0));
        System.out.printf(
            Locale.ROOT,
            "extract() on upper-cased text against the original, per document: %d of %d entities"
                + " the same (precision %.2f, recall %.2f, F1 %.2f)%n",
            same.matched(),
            same.reference(),
            same.precision(),
            same.recall(),
            same.f1());
      }
      return 0;
    } catch (IOException e) {
      System.err.println("evaluation failed: " + e.getMessage());
      return 1;
    }
  }

  /** Scores one casing and prints it, keeping the fastest of three runs after a warm-up. */
  private static NerEvaluation.Run fastest(NamedEntityExtractor extractor, Path file, Casing casing)
      throws IOException {
    // The scores are the same every time; only the speeds vary.
    NerEvaluation.Run run = NerEvaluation.run(extractor, file, casing);
    double tagging = 0;
    double extract = 0;
    for (int round = 0; round < 3; round++) {
      run = NerEvaluation.run(extractor, file, casing);
      tagging = Math.max(tagging, run.taggingTokensPerSecond());
      extract = Math.max(extract, run.extractTokensPerSecond());
    }
    String name = casing == Casing.UPPER ? "upper-cased" : "as written";
    System.out.println(file.getFileName() + ", " + name + ": " + run.tokens() + " tokens");
    System.out.print(run.scores().table());
    System.out.printf(
        Locale.ROOT,
        "extract() on raw text: %d entities (people, organizations, places)%n",
        run.entities());
    System.out.printf(
        Locale.ROOT,
        "speed, one thread (tokens per CPU second): tagging %.0f; extract() on raw text %.0f%n",
        tagging,
        extract);
    return run;
  }
}
