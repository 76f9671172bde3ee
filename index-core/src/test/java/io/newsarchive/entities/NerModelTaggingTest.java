package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.testing.SharedCorpora;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The tagger's labels are those of the plain two-pass computation, to the last label: each pass
 * sums, token by token, the weights of the window's words, then of the token's own features (looked
 * up anew), then (second pass) of its votes, in arrays of their own, and decodes them. The tagger
 * sums the second pass's weights while the first pass looks its features up, and reuses its arrays
 * from sentence to sentence and document to document; a feature, vote or sentence left out, counted
 * twice or read from another sentence's array changes labels here (tried: leaving out the first
 * token's votes changes one in the first sentences).
 */
class NerModelTaggingTest {

  private static final int ITEMS = 1_500;

  @Test
  void labelsEqualThoseOfThePlainComputationOnRealNews() throws IOException {
    NerModel model = NamedEntityExtractor.loadDefault().model();
    TokenFeatures features = new TokenFeatures(model.lexicon(), model.gazetteer(), model.table());
    int sentences = 0;
    int named = 0;
    for (List<String[]> document : documents(ITEMS)) {
      List<int[]> expected = plain(model, features, document);
      List<int[]> actual = model.tag(document);
      assertThat(actual).hasSameSizeAs(expected);
      for (int s = 0; s < expected.size(); s++) {
        assertThat(actual.get(s))
            .as("%s", Arrays.toString(document.get(s)))
            .isEqualTo(expected.get(s));
        named +=
            (int)
                Arrays.stream(expected.get(s)).filter(label -> label != NerLabels.OUTSIDE).count();
      }
      sentences += document.size();
    }
    assertThat(sentences).isGreaterThan(3_000);
    assertThat(named).isGreaterThan(5_000);
  }

  /** The computation described above, with an array for everything. */
  private static List<int[]> plain(
      NerModel model, TokenFeatures features, List<String[]> sentences) {
    FeatureTable table = model.table();
    int labels = NerLabels.COUNT;
    List<WordFeatures[]> tokens = new ArrayList<>();
    List<String[]> lower = new ArrayList<>();
    for (String[] words : sentences) {
      WordFeatures[] window = features.tokens(words);
      tokens.add(window);
      lower.add(TokenFeatures.lowerTexts(window));
    }
    TokenFeatures.DocumentContext doc = new TokenFeatures.DocumentContext(sentences, lower);
    List<long[][]> rows = new ArrayList<>();
    List<int[]> first = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      String[] words = sentences.get(s);
      long[][] sentence = features.sentenceRows(words, tokens.get(s), doc).arrays();
      float[] scores = sums(table, features, tokens.get(s), sentence, false);
      int[] firstLabels = model.firstPass().decode(scores, words.length);
      first.add(firstLabels);
      doc.addVotes(words, lower.get(s), firstLabels);
      rows.add(sentence);
    }
    List<int[]> second = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      String[] words = sentences.get(s);
      long[][] votes = features.votes(words, lower.get(s), doc, first.get(s));
      float[] scores = sums(table, features, tokens.get(s), rows.get(s), true);
      for (int i = 0; i < words.length; i++) {
        for (long vote : votes[i]) {
          long row = table.row(vote);
          if (row >= 0) {
            table.addSecond(row, scores, i * labels);
          }
        }
      }
      second.add(model.secondPass().decode(scores, words.length));
    }
    return second;
  }

  /** One pass's sums of each token's window weights, then of its own features' weights. */
  private static float[] sums(
      FeatureTable table,
      TokenFeatures features,
      WordFeatures[] window,
      long[][] rows,
      boolean secondPass) {
    int labels = NerLabels.COUNT;
    float[] scores = new float[rows.length * labels];
    for (int i = 0; i < rows.length; i++) {
      for (int o = -WordFeatures.REACH; o <= WordFeatures.REACH; o++) {
        float[] weights = features.at(window, i + o).weights();
        if (secondPass) {
          table.addSecond(weights, o + WordFeatures.REACH, scores, i * labels);
        } else {
          table.addFirst(weights, o + WordFeatures.REACH, scores, i * labels);
        }
      }
      for (long row : rows[i]) {
        if (row >= 0 && secondPass) {
          table.addSecond(row, scores, i * labels);
        } else if (row >= 0) {
          table.addFirst(row, scores, i * labels);
        }
      }
    }
    return scores;
  }

  /** The first {@code items} news items of rss-news-2023, each its headline and body sentences. */
  private static List<List<String[]>> documents(int items) throws IOException {
    Path file = SharedCorpora.require("corpora/rss-news-2023/rss2023-news-en.jsonl.gz");
    ObjectMapper json = new ObjectMapper();
    List<List<String[]>> documents = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String line;
      while (documents.size() < items && (line = lines.readLine()) != null) {
        JsonNode item = json.readTree(line);
        List<String[]> sentences = new ArrayList<>();
        for (String text :
            List.of(item.path("title").asText(""), item.path("description").asText(""))) {
          NewsTokenizer.Tokens tokens = NewsTokenizer.tokenize(text);
          for (int s = 0; s < tokens.sentenceStarts().length; s++) {
            int start = tokens.sentenceStarts()[s];
            int end = tokens.sentenceEnd(s);
            if (end > start) {
              sentences.add(Arrays.copyOfRange(tokens.words(), start, end));
            }
          }
        }
        if (!sentences.isEmpty()) {
          documents.add(sentences);
        }
      }
    }
    return documents;
  }
}
