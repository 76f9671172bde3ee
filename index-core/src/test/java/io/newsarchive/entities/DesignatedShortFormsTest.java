package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import io.newsarchive.entities.eval.ConllCorpus;
import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesignatedShortFormsTest {

  private static final int PER = NerLabels.typeIndex("PER");
  private static final int ORG = NerLabels.typeIndex("ORG");
  private static final int LOC = NerLabels.typeIndex("LOC");

  private static String[] words(String sentence) {
    return sentence.split(" ");
  }

  private static List<NerLabels.Span> spans(int[] labels) {
    return NerLabels.decode(labels);
  }

  @Test
  void aPersonThatOpensADesignatedCompanyIsThatCompany() {
    List<String[]> sentences =
        List.of(
            words("Barrick Gold Corp and Bre-X Minerals Ltd met ."),
            words("Barrick said Bre-X would sell ."),
            words("Analysts doubt Barrick and Gold ."));
    List<int[]> labels = new ArrayList<>();
    labels.add(
        NerLabels.encode(
            sentences.get(0).length,
            List.of(new NerLabels.Span(0, 3, ORG), new NerLabels.Span(4, 7, ORG))));
    labels.add(
        NerLabels.encode(
            sentences.get(1).length,
            List.of(new NerLabels.Span(0, 1, PER), new NerLabels.Span(2, 3, PER))));
    labels.add(
        NerLabels.encode(
            sentences.get(2).length,
            List.of(new NerLabels.Span(2, 3, ORG), new NerLabels.Span(4, 5, PER))));

    Map<String, List<String>> relabelled = DesignatedShortForms.relabel(sentences, labels);

    assertThat(spans(labels.get(1)))
        .containsExactly(new NerLabels.Span(0, 1, ORG), new NerLabels.Span(2, 3, ORG));
    // An organization stays as tagged, and a later word of the name ("Gold") opens nothing.
    assertThat(spans(labels.get(2)))
        .containsExactly(new NerLabels.Span(2, 3, ORG), new NerLabels.Span(4, 5, PER));
    assertThat(relabelled)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "Barrick", List.of("Barrick", "Gold", "Corp"),
                "Bre-X", List.of("Bre-X", "Minerals", "Ltd")));
  }

  @Test
  void placesAndNamesWithoutDesignatorKeepTheirType() {
    List<String[]> sentences =
        List.of(
            words("the Wuxi Tong Ling Company Ltd venture"),
            words("a plant at Wuxi"),
            words("Newmont Gold said"),
            words("Newmont agreed"));
    List<int[]> labels = new ArrayList<>();
    labels.add(NerLabels.encode(sentences.get(0).length, List.of(new NerLabels.Span(1, 6, ORG))));
    labels.add(NerLabels.encode(sentences.get(1).length, List.of(new NerLabels.Span(3, 4, LOC))));
    labels.add(NerLabels.encode(sentences.get(2).length, List.of(new NerLabels.Span(0, 2, ORG))));
    labels.add(NerLabels.encode(sentences.get(3).length, List.of(new NerLabels.Span(0, 1, PER))));

    assertThat(DesignatedShortForms.relabel(sentences, labels)).isEmpty();

    assertThat(spans(labels.get(1))).containsExactly(new NerLabels.Span(3, 4, LOC));
    assertThat(spans(labels.get(3))).containsExactly(new NerLabels.Span(0, 1, PER));
  }

  @Test
  void aShortFormOfTwoDesignatedCompaniesIsAnOrganizationOfNeither() {
    List<String[]> sentences =
        List.of(words("Ford Motor Co and Ford Motor Credit Co"), words("Ford said"));
    List<int[]> labels = new ArrayList<>();
    labels.add(
        NerLabels.encode(
            sentences.get(0).length,
            List.of(new NerLabels.Span(0, 3, ORG), new NerLabels.Span(4, 8, ORG))));
    labels.add(NerLabels.encode(sentences.get(1).length, List.of(new NerLabels.Span(0, 1, PER))));

    assertThat(DesignatedShortForms.relabel(sentences, labels)).isEmpty();

    assertThat(spans(labels.get(1))).containsExactly(new NerLabels.Span(0, 1, ORG));
  }

  /**
   * A story of CoNLL-2003's test set names "Bre-X Minerals Ltd" and "Barrick Gold Corp" once each
   * and then only by their first word, which the tagger alone reads as people or as no name.
   */
  @Test
  void theBreXStoryCountsItsCompaniesUnderTheirFullNames() throws IOException {
    ConllCorpus.Document story = null;
    for (ConllCorpus.Document doc :
        ConllCorpus.read(SharedCorpora.require("corpora/conll2003/eng.testb"))) {
      if (text(doc).startsWith("Bre-X , Barrick said to continue Busang talks")) {
        story = doc;
      }
    }
    assertThat(story).isNotNull();
    NamedEntityExtractor extractor = NamedEntityExtractor.loadDefault();

    List<String[]> sentences = new ArrayList<>();
    story.sentences().forEach(s -> sentences.add(s.words()));
    List<int[]> labels = extractor.tag(sentences);
    int goldShortForms = 0;
    for (int s = 0; s < sentences.size(); s++) {
      String[] w = sentences.get(s);
      for (NerLabels.Span gold : story.sentences().get(s).spans()) {
        if (gold.end() - gold.start() == 1
            && (w[gold.start()].equals("Barrick") || w[gold.start()].equals("Bre-X"))) {
          assertThat(gold.type()).isEqualTo(ORG);
          assertThat(spans(labels.get(s))).contains(gold);
          goldShortForms++;
        }
      }
    }
    assertThat(goldShortForms).isEqualTo(22);

    List<Entity> entities = extractor.extract("", text(story));
    assertThat(entities)
        .filteredOn(e -> e.name().startsWith("Barrick") || e.name().startsWith("Bre-X"))
        .extracting(Entity::name, Entity::type, Entity::forms)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "Bre-X Minerals Ltd", EntityType.ORGANIZATION, List.of("Bre-X")),
            org.assertj.core.groups.Tuple.tuple(
                "Barrick Gold Corp", EntityType.ORGANIZATION, List.of("Barrick")));
  }

  private static String text(ConllCorpus.Document doc) {
    StringBuilder text = new StringBuilder();
    doc.sentences().forEach(s -> text.append(String.join(" ", s.words())).append('\n'));
    return text.toString();
  }
}
