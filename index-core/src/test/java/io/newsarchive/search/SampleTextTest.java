package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The foreground counts of a sample's texts, on small texts. */
class SampleTextTest {

  private static List<String> phrases(SampleText text, List<String> lookedUp) throws IOException {
    return text
        .phrases(
            20,
            phrases -> {
              lookedUp.addAll(phrases);
              Map<String, Long> counts = new HashMap<>();
              phrases.forEach(phrase -> counts.put(phrase, 5L));
              return new SampleText.Background(1_000, counts);
            })
        .stream()
        .map(SignificantTerm::term)
        .toList();
  }

  @Test
  void aPhraseJoinsAdjacentCandidateWordsOfOneSentence() throws IOException {
    SampleText text = new SampleText(ArticleFields.analyzer());
    text.add("Cocoa prices rose. Buffer stock of the ICCO");
    text.add("Buffer stock\n\nrules; prices rose");
    text.add("The buffer stock. Prices rose");
    List<String> lookedUp = new ArrayList<>();
    assertThat(phrases(text, lookedUp)).containsExactly("buffer stock", "prices rose");
    assertThat(lookedUp).doesNotContain("rose buffer", "stock rules", "stock icco");
  }

  @Test
  void aRepeatedTextCountsItsPhrasesOnce() throws IOException {
    SampleText text = new SampleText(ArticleFields.analyzer());
    String story = "The cocoa buffer stock manager bought cocoa beans in London";
    text.add(story);
    text.add(story);
    text.add(story);
    text.add("Cocoa beans again");
    text.add("Cocoa beans and more cocoa beans");
    assertThat(text.articles()).isEqualTo(5);
    assertThat(phrases(text, new ArrayList<>())).containsExactly("cocoa beans");
  }
}
