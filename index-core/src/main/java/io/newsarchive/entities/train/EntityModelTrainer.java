package io.newsarchive.entities.train;

import io.newsarchive.entities.Gazetteer;
import io.newsarchive.entities.NerModel;
import io.newsarchive.entities.WordLexicon;
import io.newsarchive.entities.eval.ConllCorpus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Trains the named-entity model from CoNLL-2003 files and unlabeled news text and writes it to a
 * file that {@link NamedEntityExtractor#load(Path)} reads. Not thread-safe.
 */
public final class EntityModelTrainer {

  private EntityModelTrainer() {}

  /**
   * What to train from.
   *
   * @param trainFile CoNLL file to learn from ({@code eng.train})
   * @param devFile CoNLL file that picks the number of epochs ({@code eng.testa})
   * @param corpora folder of unlabeled corpora for word statistics, or null to train without them
   * @param gazetteers folder of the project's name lists ({@code data/gazetteers}), or null
   * @param epochs maximum passes over the training data, at least 1
   * @param folds jackknife folds for the second pass, at least 2
   * @param seed seed of the training-document shuffles; the same options give the same model
   */
  public record Options(
      Path trainFile,
      Path devFile,
      Path corpora,
      Path gazetteers,
      int epochs,
      int folds,
      int seed) {
    /** Validates the options. */
    public Options {
      Objects.requireNonNull(trainFile, "trainFile");
      Objects.requireNonNull(devFile, "devFile");
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
      }
      if (folds < 2) {
        throw new IllegalArgumentException("folds must be at least 2, got " + folds);
      }
    }
  }

  /**
   * Trains a model and writes it to {@code output}.
   *
   * @throws IOException when an input cannot be read or the model cannot be written
   */
  public static void train(Options options, Path output, Consumer<String> log) throws IOException {
    List<ConllCorpus.Document> train = ConllCorpus.read(options.trainFile());
    List<ConllCorpus.Document> dev = ConllCorpus.read(options.devFile());
    log.accept("training documents: " + train.size() + ", development documents: " + dev.size());
    Gazetteer gazetteer = Gazetteer.build(options.gazetteers());
    WordLexicon lexicon = WordLexicon.empty();
    if (options.corpora() != null) {
      WordLexiconBuilder builder = new WordLexiconBuilder(log);
      lexicon = builder.build(options.corpora());
      log.accept("labelling unlabeled news with a first-pass model");
      NerModel labeller =
          new NerTrainer(lexicon, gazetteer, options.seed(), log)
              .firstPassOnly(train, dev, options.epochs());
      lexicon = lexicon.withCorpusTypes(builder.corpusTypes(labeller));
    }
    NerModel model =
        new NerTrainer(lexicon, gazetteer, options.seed(), log)
            .train(train, dev, options.epochs(), options.folds());
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(output)) {
      model.write(out);
    }
    log.accept("model written to " + output + " (" + Files.size(output) + " bytes)");
  }
}
