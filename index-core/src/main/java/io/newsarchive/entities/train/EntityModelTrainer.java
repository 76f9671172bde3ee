package io.newsarchive.entities.train;

import io.newsarchive.entities.CaseRestorer;
import io.newsarchive.entities.Gazetteer;
import io.newsarchive.entities.NerModel;
import io.newsarchive.entities.WordLexicon;
import io.newsarchive.entities.eval.Casing;
import io.newsarchive.entities.eval.ConllCorpus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
   * @param capitalsPercent share of the training documents, in percent, also learned as they read
   *     when printed in capitals: upper-cased, then restored as {@link CaseRestorer} restores such
   *     text before tagging
   * @param listDropout share of the training sentences, in percent, learned without the name lists,
   *     so that the tagger also learns names from their context
   * @param development what the development file is used for
   */
  public record Options(
      Path trainFile,
      Path devFile,
      Path corpora,
      Path gazetteers,
      int epochs,
      int folds,
      int seed,
      int capitalsPercent,
      int listDropout,
      Development development) {
    /** Validates the options. */
    public Options {
      Objects.requireNonNull(trainFile, "trainFile");
      Objects.requireNonNull(devFile, "devFile");
      Objects.requireNonNull(development, "development");
      if (capitalsPercent < 0 || capitalsPercent > 100) {
        throw new IllegalArgumentException(
            "the share of documents in capitals must be 0 to 100%, got " + capitalsPercent);
      }
      if (listDropout < 0 || listDropout > 100) {
        throw new IllegalArgumentException(
            "the share of sentences without name lists must be 0 to 100%, got " + listDropout);
      }
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
      }
      if (folds < 2) {
        throw new IllegalArgumentException("folds must be at least 2, got " + folds);
      }
    }
  }

  /** What the development file ({@code eng.testa}) is used for. */
  public enum Development {
    /** It only chooses the number of epochs of each pass; its scores measure the model. */
    CHOOSES_EPOCHS,
    /**
     * It chooses the number of epochs as in {@link #CHOOSES_EPOCHS}, then the model is trained
     * again for those epochs on the training and development documents together, so its labels are
     * learned too; its scores then no longer measure the model. The first tagger that labels the
     * unlabeled text is still trained on the training file alone, so that both trainings see the
     * same word lexicon.
     */
    ALSO_LEARNED
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
          new NerTrainer(lexicon, gazetteer, new NerTrainer.Draws(options.seed(), 0), log)
              .firstPassOnly(train, dev, options.epochs());
      lexicon = lexicon.withCorpusTypes(builder.corpusTypes(labeller));
    }
    CaseRestorer restorer = new CaseRestorer(lexicon);
    List<ConllCorpus.Document> learned = withCapitals(train, restorer, options.capitalsPercent());
    if (learned.size() > train.size()) {
      log.accept(
          "documents also learned as printed in capitals: " + (learned.size() - train.size()));
    }
    NerTrainer trainer =
        new NerTrainer(
            lexicon, gazetteer, new NerTrainer.Draws(options.seed(), options.listDropout()), log);
    NerTrainer.Trained chosen = trainer.train(learned, dev, options.epochs(), options.folds());
    NerModel model = chosen.model();
    if (options.development() == Development.ALSO_LEARNED) {
      List<ConllCorpus.Document> both = new ArrayList<>(train);
      both.addAll(dev);
      log.accept(
          "training again on the training and development documents: first pass "
              + chosen.epochs().first()
              + " epochs, second pass "
              + chosen.epochs().second());
      model =
          trainer.trainFixed(
              withCapitals(both, restorer, options.capitalsPercent()),
              chosen.epochs(),
              options.epochs(),
              options.folds());
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(output)) {
      model.write(out);
    }
    log.accept("model written to " + output + " (" + Files.size(output) + " bytes)");
  }

  /**
   * The training documents followed by copies of {@code percent}% of them (the same ones for the
   * same file: those whose position modulo 100 is under {@code percent}) as the tagger reads them
   * when printed in capitals: every word upper-cased, then restored, the labels unchanged.
   */
  static List<ConllCorpus.Document> withCapitals(
      List<ConllCorpus.Document> train, CaseRestorer restorer, int percent) {
    List<ConllCorpus.Document> result = new ArrayList<>(train);
    for (int d = 0; d < train.size(); d++) {
      if (d % 100 >= percent) {
        continue;
      }
      List<String[]> upper = new ArrayList<>();
      for (ConllCorpus.Sentence s : train.get(d).sentences()) {
        upper.add(Casing.UPPER.apply(s.words()));
      }
      List<String[]> restored = restorer.restore(upper);
      List<ConllCorpus.Sentence> sentences = new ArrayList<>();
      for (int s = 0; s < restored.size(); s++) {
        sentences.add(
            new ConllCorpus.Sentence(restored.get(s), train.get(d).sentences().get(s).spans()));
      }
      result.add(new ConllCorpus.Document(List.copyOf(sentences)));
    }
    return result;
  }
}
