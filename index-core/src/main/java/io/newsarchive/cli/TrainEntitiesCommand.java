package io.newsarchive.cli;

import io.newsarchive.entities.train.EntityModelTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains the named-entity model from CoNLL-2003 and unlabeled news. Exit codes: 0 trained, 1 an
 * input could not be read or the model not written, 2 bad options.
 */
@Command(
    name = "train-entities",
    mixinStandardHelpOptions = true,
    description = "Train the named-entity model (CoNLL-2003 eng.train, epochs tuned on eng.testa).")
public final class TrainEntitiesCommand implements Callable<Integer> {

  @Option(
      names = "--shared",
      description = "Shared data folder holding corpora/ (default: ../shared).",
      defaultValue = "../shared")
  Path shared;

  @Option(
      names = "--output",
      description = "Model file to write (default: data/models/ner-en.bin).",
      defaultValue = "data/models/ner-en.bin")
  Path output;

  @Option(
      names = "--epochs",
      description = "Most passes over the training data; the best on eng.testa is kept.",
      defaultValue = "12")
  int epochs;

  @Option(
      names = "--folds",
      description = "Jackknife folds for the second pass.",
      defaultValue = "4")
  int folds;

  @Option(
      names = "--gazetteers",
      description = "Folder of name lists (default: data/gazetteers).",
      defaultValue = "data/gazetteers")
  Path gazetteers;

  @Option(
      names = "--seed",
      description = "Seed of the training-document shuffles (default: 17, the bundled model's).",
      defaultValue = "17")
  int seed;

  @Option(
      names = "--capitals-percent",
      description =
          "Share of the training documents also learned as printed in capitals, upper-cased and"
              + " then restored as the tagger restores such text (default: 25, the bundled"
              + " model's).",
      defaultValue = "25")
  int capitalsPercent;

  @Option(
      names = "--list-dropout",
      description =
          "Share of the training sentences, in percent, learned without the name lists"
              + " (default: 0).",
      defaultValue = "0")
  int listDropout;

  @Option(
      names = "--train-on-dev",
      description =
          "After choosing the epochs on eng.testa, train again for those epochs on eng.train and"
              + " eng.testa together (eng.testa then no longer measures the model).")
  boolean trainOnDev;

  @Option(names = "--no-word-statistics", description = "Skip clusters and case statistics.")
  boolean noWordStatistics;

  @Override
  public Integer call() {
    Path corpora = shared.resolve("corpora");
    Path conll = corpora.resolve("conll2003");
    if (!Files.isRegularFile(conll.resolve("eng.train"))) {
      System.err.println("no CoNLL-2003 training file under " + conll);
      return 2;
    }
    if (!Files.isDirectory(gazetteers)) {
      System.err.println("no gazetteer folder at " + gazetteers);
      return 2;
    }
    try {
      EntityModelTrainer.Options options =
          new EntityModelTrainer.Options(
              conll.resolve("eng.train"),
              conll.resolve("eng.testa"),
              noWordStatistics ? null : corpora,
              gazetteers,
              epochs,
              folds,
              seed,
              capitalsPercent,
              listDropout,
              trainOnDev
                  ? EntityModelTrainer.Development.ALSO_LEARNED
                  : EntityModelTrainer.Development.CHOOSES_EPOCHS);
      long start = System.nanoTime();
      EntityModelTrainer.train(options, output, System.out::println);
      System.out.printf("trained in %.0f s%n", (System.nanoTime() - start) / 1e9);
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    } catch (IOException e) {
      System.err.println("training failed: " + e.getMessage());
      return 1;
    }
  }
}
