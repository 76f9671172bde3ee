package io.newsarchive.cli;

import io.newsarchive.entities.NamedEntityExtractor;
import io.newsarchive.entities.eval.NerEvaluation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Scores the named-entity model on CoNLL-2003 {@code eng.testb} (exact spans, per type and micro
 * precision/recall/F1, conlleval rules) and prints its speed on one thread. Exit codes: 0 scored, 1
 * a file could not be read, 2 bad options.
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

  @Override
  public Integer call() {
    Path file = options.corpus("conll2003", test);
    if (!Files.isRegularFile(file)) {
      System.err.println("no CoNLL file at " + file);
      return 2;
    }
    try {
      NamedEntityExtractor extractor = options.extractor();
      // Warm up, then keep the fastest of three runs: the scores are the same every time.
      NerEvaluation.Run run = NerEvaluation.run(extractor, file);
      double tagging = 0;
      double extract = 0;
      for (int round = 0; round < 3; round++) {
        run = NerEvaluation.run(extractor, file);
        tagging = Math.max(tagging, run.taggingTokensPerSecond());
        extract = Math.max(extract, run.extractTokensPerSecond());
      }
      System.out.println(file.getFileName() + ": " + run.tokens() + " tokens");
      System.out.print(run.scores().table());
      System.out.printf(
          "speed, one thread (tokens per CPU second): tagging %.0f; extract() on raw text %.0f%n",
          tagging, extract);
      return 0;
    } catch (IOException e) {
      System.err.println("evaluation failed: " + e.getMessage());
      return 1;
    }
  }
}
