package io.newsarchive.entities.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.entities.CaseRestorer;
import io.newsarchive.entities.NerLabels;
import io.newsarchive.entities.WordLexicon;
import io.newsarchive.entities.eval.ConllCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityModelTrainerTest {

  private static ConllCorpus.Document document(String text, NerLabels.Span span) {
    return new ConllCorpus.Document(
        List.of(new ConllCorpus.Sentence(text.split(" "), List.of(span))));
  }

  @Test
  void documentsInCapitalsAreAddedAsTheTaggerWouldReadThem() {
    WordLexicon lexicon =
        new WordLexicon(
            Map.of("said", (byte) 0, "in", (byte) 0),
            Map.of(),
            Map.of(),
            Map.of("london", "London", "said", "said", "in", "in"));
    List<ConllCorpus.Document> train = new ArrayList<>();
    for (int d = 0; d < 200; d++) {
      train.add(document("Smith said in London .", new NerLabels.Span(3, 4, 2)));
    }
    List<ConllCorpus.Document> learned =
        EntityModelTrainer.withCapitals(train, new CaseRestorer(lexicon), 25);
    // The first 25 of every 100 documents, once more.
    assertThat(learned).hasSize(250);
    assertThat(learned.subList(0, 200)).isEqualTo(train);
    ConllCorpus.Sentence copy = learned.get(200).sentences().get(0);
    assertThat(copy.words()).containsExactly("Smith", "said", "in", "London", ".");
    assertThat(copy.spans()).containsExactly(new NerLabels.Span(3, 4, 2));
    assertThat(EntityModelTrainer.withCapitals(train, new CaseRestorer(lexicon), 0))
        .isEqualTo(train);
  }
}
