package io.newsarchive.entities.train;

import io.newsarchive.entities.FeatureIndex;
import io.newsarchive.entities.Gazetteer;
import io.newsarchive.entities.NerLabels;
import io.newsarchive.entities.NerModel;
import io.newsarchive.entities.SequencePerceptron;
import io.newsarchive.entities.TokenFeatures;
import io.newsarchive.entities.WordLexicon;
import io.newsarchive.entities.eval.ConllCorpus;
import io.newsarchive.entities.eval.NerEvaluation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Trains the two-pass tagger. The first pass is trained on all training documents; the second pass
 * is trained on first-pass labels produced by jackknifing (each fold labelled by a first pass that
 * never saw it), so it learns how far to trust labels as good as those it will get at run time. The
 * number of epochs of each pass is chosen by F1 on the development set. Not thread-safe.
 */
final class NerTrainer {

  /**
   * Differently shuffled perceptrons whose mean is the final model of each pass: averaging over
   * shuffles lowers the variance that the order of the training documents brings.
   */
  private static final int SHUFFLES = 4;

  private final TokenFeatures features;
  private final WordLexicon lexicon;
  private final Gazetteer gazetteer;
  private final Consumer<String> log;
  private final int seed;
  private final int listDropout;

  /**
   * How the training documents are drawn.
   *
   * @param seed seed of the document shuffles
   * @param listDropout share of the training sentences, in percent, whose features hide what the
   *     name lists say of their words
   */
  record Draws(int seed, int listDropout) {}

  NerTrainer(WordLexicon lexicon, Gazetteer gazetteer, Draws draws, Consumer<String> log) {
    this.lexicon = lexicon;
    this.seed = draws.seed();
    this.listDropout = draws.listDropout();
    this.gazetteer = gazetteer;
    this.features = new TokenFeatures(lexicon, gazetteer);
    this.log = log;
  }

  /** Sentences of a document with their features and gold labels. */
  private record Prepared(
      List<String[]> words,
      List<int[]> gold,
      TokenFeatures.DocumentContext context,
      boolean[] listsHidden) {

    long[][] features(TokenFeatures features, int s, TokenFeatures.DocumentContext context) {
      return listsHidden[s]
          ? features.sentenceWithoutLists(words.get(s), context)
          : features.sentence(words.get(s), context);
    }
  }

  /** How many passes over the training documents each of the two taggers made. */
  record Epochs(int first, int second) {}

  /** A model and the passes its taggers made, chosen on the development documents. */
  record Trained(NerModel model, Epochs epochs) {}

  /** Trains both passes, each stopped at the epoch (of 1..{@code epochs}) best on {@code dev}. */
  Trained train(
      List<ConllCorpus.Document> train, List<ConllCorpus.Document> dev, int epochs, int folds) {
    List<Prepared> trainDocs = prepare(train, listDropout);
    List<Prepared> devDocs = prepare(dev, 0);
    FeatureIndex firstIndex = new FeatureIndex(1 << 20);
    List<List<int[][]>> trainRows = firstPassRows(trainDocs, firstIndex);
    List<List<int[][]>> devRows = firstPassRows(devDocs, firstIndex);
    log.accept("first pass: " + firstIndex.size() + " features");
    List<List<int[]>> jackknifed = jackknife(firstIndex, trainDocs, trainRows, epochs, folds);
    Fitted first =
        fitChoosingEpochs(firstIndex, trainDocs, trainRows, devDocs, devRows, epochs, SHUFFLES);
    List<List<int[]>> devFirst = new ArrayList<>();
    for (List<int[][]> doc : devRows) {
      devFirst.add(decodeAll(first.model(), doc));
    }
    FeatureIndex secondIndex = new FeatureIndex(1 << 20);
    List<List<int[][]>> trainRows2 = secondPassRows(trainDocs, jackknifed, secondIndex);
    List<List<int[][]>> devRows2 = secondPassRows(devDocs, devFirst, secondIndex);
    log.accept("second pass: " + secondIndex.size() + " features");
    Fitted second =
        fitChoosingEpochs(secondIndex, trainDocs, trainRows2, devDocs, devRows2, epochs, SHUFFLES);
    return new Trained(
        new NerModel(lexicon, gazetteer, first.model(), second.model()),
        new Epochs(first.epochs(), second.epochs()));
  }

  /**
   * Trains both passes on {@code docs} for the given numbers of epochs, with no development set;
   * the jackknife folds that label the second pass's input train for {@code foldEpochs}, as in
   * {@link #train}.
   */
  NerModel trainFixed(List<ConllCorpus.Document> docs, Epochs epochs, int foldEpochs, int folds) {
    List<Prepared> trainDocs = prepare(docs, listDropout);
    FeatureIndex firstIndex = new FeatureIndex(1 << 20);
    List<List<int[][]>> trainRows = firstPassRows(trainDocs, firstIndex);
    log.accept("first pass: " + firstIndex.size() + " features");
    List<List<int[]>> jackknifed = jackknife(firstIndex, trainDocs, trainRows, foldEpochs, folds);
    SequencePerceptron first = fitFixed(firstIndex, trainDocs, trainRows, epochs.first());
    FeatureIndex secondIndex = new FeatureIndex(1 << 20);
    List<List<int[][]>> trainRows2 = secondPassRows(trainDocs, jackknifed, secondIndex);
    log.accept("second pass: " + secondIndex.size() + " features");
    SequencePerceptron second = fitFixed(secondIndex, trainDocs, trainRows2, epochs.second());
    return new NerModel(lexicon, gazetteer, first, second);
  }

  /** Each document's first-pass labels from a first pass trained on the other folds only. */
  private List<List<int[]>> jackknife(
      FeatureIndex index, List<Prepared> docs, List<List<int[][]>> rows, int epochs, int folds) {
    List<List<int[]>> jackknifed = new ArrayList<>();
    for (int d = 0; d < docs.size(); d++) {
      jackknifed.add(null);
    }
    // Folds are independent; each writes only its own documents' labels.
    IntStream.range(0, folds)
        .parallel()
        .forEach(fold -> {
          List<Integer> in = new ArrayList<>();
          for (int d = 0; d < docs.size(); d++) {
            if (d % folds != fold) {
              in.add(d);
            }
          }
          SequencePerceptron model = fit(index, docs, rows, in, epochs);
          for (int d = fold; d < docs.size(); d += folds) {
            jackknifed.set(d, decodeAll(model, rows.get(d)));
          }
          log.accept("fold " + (fold + 1) + "/" + folds + " labelled");
        });
    return jackknifed;
  }

  /** Trains the first pass alone, for labelling unlabeled text. */
  NerModel firstPassOnly(
      List<ConllCorpus.Document> train, List<ConllCorpus.Document> dev, int epochs) {
    List<Prepared> trainDocs = prepare(train, listDropout);
    List<Prepared> devDocs = prepare(dev, 0);
    FeatureIndex index = new FeatureIndex(1 << 20);
    List<List<int[][]>> trainRows = firstPassRows(trainDocs, index);
    List<List<int[][]>> devRows = firstPassRows(devDocs, index);
    return new NerModel(
        lexicon,
        gazetteer,
        fitChoosingEpochs(index, trainDocs, trainRows, devDocs, devRows, epochs, 1).model(),
        null);
  }

  /** The documents' words and labels; {@code dropout}% of their sentences hide the name lists. */
  private List<Prepared> prepare(List<ConllCorpus.Document> docs, int dropout) {
    List<Prepared> result = new ArrayList<>();
    for (int d = 0; d < docs.size(); d++) {
      List<String[]> words = new ArrayList<>();
      List<int[]> gold = new ArrayList<>();
      List<ConllCorpus.Sentence> sentences = docs.get(d).sentences();
      boolean[] hidden = new boolean[sentences.size()];
      // Drawn per sentence from the seed and its place alone, so the same options hide the same.
      SplittableRandom draws = new SplittableRandom(seed * 1_000_003L + d);
      for (int s = 0; s < sentences.size(); s++) {
        words.add(sentences.get(s).words());
        gold.add(NerLabels.encode(sentences.get(s).words().length, sentences.get(s).spans()));
        hidden[s] = draws.nextInt(100) < dropout;
      }
      result.add(new Prepared(words, gold, new TokenFeatures.DocumentContext(words), hidden));
    }
    return result;
  }

  private List<List<int[][]>> firstPassRows(List<Prepared> docs, FeatureIndex index) {
    List<List<int[][]>> result = new ArrayList<>();
    for (Prepared doc : docs) {
      List<int[][]> sentences = new ArrayList<>();
      for (int s = 0; s < doc.words().size(); s++) {
        sentences.add(index(doc.features(features, s, doc.context()), index));
      }
      result.add(sentences);
    }
    return result;
  }

  private List<List<int[][]>> secondPassRows(
      List<Prepared> docs, List<List<int[]>> firstLabels, FeatureIndex index) {
    List<List<int[][]>> result = new ArrayList<>();
    for (int d = 0; d < docs.size(); d++) {
      Prepared doc = docs.get(d);
      List<String[]> words = doc.words();
      TokenFeatures.DocumentContext context = new TokenFeatures.DocumentContext(words);
      for (int s = 0; s < words.size(); s++) {
        context.addVotes(words.get(s), firstLabels.get(d).get(s));
      }
      List<int[][]> sentences = new ArrayList<>();
      for (int s = 0; s < words.size(); s++) {
        String[] sentence = words.get(s);
        long[][] hashes =
            TokenFeatures.concat(
                doc.features(features, s, context),
                features.votes(sentence, context, firstLabels.get(d).get(s)));
        sentences.add(index(hashes, index));
      }
      result.add(sentences);
    }
    return result;
  }

  private static int[][] index(long[][] hashes, FeatureIndex index) {
    int[][] rows = new int[hashes.length][];
    for (int i = 0; i < hashes.length; i++) {
      rows[i] = new int[hashes[i].length];
      for (int k = 0; k < hashes[i].length; k++) {
        rows[i][k] = index.add(hashes[i][k]);
      }
    }
    return rows;
  }

  private SequencePerceptron fit(
      FeatureIndex index,
      List<Prepared> docs,
      List<List<int[][]>> rows,
      List<Integer> subset,
      int epochs) {
    PerceptronTrainer trainer = new PerceptronTrainer(index);
    Random random = new Random(seed);
    List<Integer> order = new ArrayList<>(subset);
    for (int epoch = 0; epoch < epochs; epoch++) {
      Collections.shuffle(order, random);
      for (int d : order) {
        for (int s = 0; s < rows.get(d).size(); s++) {
          trainer.train(rows.get(d).get(s), docs.get(d).gold().get(s));
        }
      }
    }
    return trainer.averaged();
  }

  /** A model and the epochs it was trained for. */
  private record Fitted(SequencePerceptron model, int epochs) {}

  private Fitted fitChoosingEpochs(
      FeatureIndex index,
      List<Prepared> docs,
      List<List<int[][]>> rows,
      List<Prepared> devDocs,
      List<List<int[][]>> devRows,
      int epochs,
      int shuffles) {
    ShuffledPerceptrons models =
        new ShuffledPerceptrons(
            index, rows, gold(docs), new ShuffledPerceptrons.Draw(shuffles, seed));
    Fitted best = null;
    double bestF1 = -1;
    for (int epoch = 1; epoch <= epochs; epoch++) {
      models.epoch();
      SequencePerceptron averaged = models.model();
      NerEvaluation eval = new NerEvaluation();
      for (int d = 0; d < devDocs.size(); d++) {
        for (int s = 0; s < devRows.get(d).size(); s++) {
          int[] predicted = averaged.decode(devRows.get(d).get(s));
          eval.add(NerLabels.decode(devDocs.get(d).gold().get(s)), NerLabels.decode(predicted));
        }
      }
      double f1 = eval.microF1();
      log.accept(String.format(java.util.Locale.ROOT, "  epoch %d: dev F1 %.2f", epoch, f1));
      if (f1 > bestF1) {
        bestF1 = f1;
        best = new Fitted(averaged, epoch);
      }
    }
    log.accept("  kept epoch " + best.epochs());
    return best;
  }

  private SequencePerceptron fitFixed(
      FeatureIndex index, List<Prepared> docs, List<List<int[][]>> rows, int epochs) {
    ShuffledPerceptrons models =
        new ShuffledPerceptrons(
            index, rows, gold(docs), new ShuffledPerceptrons.Draw(SHUFFLES, seed));
    for (int epoch = 1; epoch <= epochs; epoch++) {
      models.epoch();
      log.accept("  epoch " + epoch + " of " + epochs);
    }
    return models.model();
  }

  private static List<List<int[]>> gold(List<Prepared> docs) {
    return docs.stream().map(Prepared::gold).toList();
  }

  private static List<int[]> decodeAll(SequencePerceptron model, List<int[][]> sentences) {
    List<int[]> labels = new ArrayList<>();
    for (int[][] sentence : sentences) {
      labels.add(model.decode(sentence));
    }
    return labels;
  }
}
