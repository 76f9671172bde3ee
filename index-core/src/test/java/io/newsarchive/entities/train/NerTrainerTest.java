package io.newsarchive.entities.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.entities.Gazetteer;
import io.newsarchive.entities.NerLabels;
import io.newsarchive.entities.NerModel;
import io.newsarchive.entities.WordLexicon;
import io.newsarchive.entities.eval.ConllCorpus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NerTrainerTest {

  private static final int PER = NerLabels.typeIndex("PER");
  private static final int ORG = NerLabels.typeIndex("ORG");

  private static final String[] PEOPLE = {"Smith", "Jones", "Brown", "Taylor", "Wilson", "Evans"};

  private static ConllCorpus.Document said(String name, int type) {
    String[] words = {name, "said", "on", "Monday", "."};
    return new ConllCorpus.Document(
        List.of(new ConllCorpus.Sentence(words, List.of(new NerLabels.Span(0, 1, type)))));
  }

  /** People who said something, and a company that did in the development documents only. */
  private static List<ConllCorpus.Document> train() {
    List<ConllCorpus.Document> train = new ArrayList<>();
    for (String person : PEOPLE) {
      train.add(said(person, PER));
    }
    return train;
  }

  private static NerTrainer trainer() throws IOException {
    return new NerTrainer(
        WordLexicon.empty(), Gazetteer.build(null), new NerTrainer.Draws(17, 0), s -> {});
  }

  private static List<NerLabels.Span> tagged(NerModel model, ConllCorpus.Document document) {
    String[] words = document.sentences().get(0).words();
    return NerLabels.decode(model.tag(List.<String[]>of(words)).get(0));
  }

  @Test
  void epochsAreChosenOnTheDevelopmentDocumentsWhichAreNotLearned() throws IOException {
    ConllCorpus.Document company = said("Zywiec", ORG);

    NerTrainer.Trained trained = trainer().train(train(), List.of(company), 5, 2);

    assertThat(trained.epochs().first()).isBetween(1, 5);
    assertThat(trained.epochs().second()).isBetween(1, 5);
    assertThat(tagged(trained.model(), company)).containsExactly(new NerLabels.Span(0, 1, PER));
  }

  @Test
  void trainingForGivenEpochsLearnsEveryDocumentItIsGiven() throws IOException {
    ConllCorpus.Document company = said("Zywiec", ORG);
    List<ConllCorpus.Document> both = new ArrayList<>(train());
    both.add(company);

    NerModel model = trainer().trainFixed(both, new NerTrainer.Epochs(5, 5), 5, 2);

    assertThat(tagged(model, company)).containsExactly(new NerLabels.Span(0, 1, ORG));
    assertThat(tagged(model, said("Smith", PER))).containsExactly(new NerLabels.Span(0, 1, PER));
  }
}
