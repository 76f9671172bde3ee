package io.newsarchive.entities;

import io.newsarchive.article.EntityType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives a company's short forms the company's type within one document. News names a company in
 * full once, with its designator ("Barrick Gold Corp", "Bre-X Minerals Ltd"), and then by the first
 * words of that name ("Barrick", "Bre-X"); the tagger, which reads each mention in its own
 * sentence, often takes such a short form alone for a person. So after tagging, every mention
 * tagged as a person that equals the first words of an organization the same document names with a
 * designator ({@code organization-designators.txt}) is relabelled as that organization. Places keep
 * their type: a company named after its town ("Wuxi Tong Ling Company Ltd") does not make the town
 * a company (on CoNLL-2003's development set, relabelling places too turned two right places into
 * wrong organizations and no wrong place into a right one). A relabelled short form stands for its
 * full name when the name resolution reads it ({@link ShortForms}), unless it opens several
 * designated names of the document ("Ford" of "Ford Motor Co" and "Ford Motor Credit Co").
 * Stateless and thread-safe.
 */
final class DesignatedShortForms {

  private static final int ORG = NerLabels.typeIndex("ORG");
  private static final int PER = NerLabels.typeIndex("PER");

  /** What a short form that opens several designated names stands for. */
  private static final List<String> SEVERAL = List.of();

  private DesignatedShortForms() {}

  /**
   * Relabels, in place, the short forms of the designated organizations of one document's tagged
   * sentences.
   *
   * @param sentences the document's sentences, as tagged
   * @param labels their BILOU labels (see {@link NerLabels}), changed in place
   * @return each relabelled short form's text ({@link Mention#text()}) and the words of the one
   *     designated name it opens; empty when nothing was relabelled
   */
  static Map<String, List<String>> relabel(List<String[]> sentences, List<int[]> labels) {
    Map<List<String>, List<String>> forms = shortForms(sentences, labels);
    if (forms.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> relabelled = new HashMap<>();
    for (int s = 0; s < sentences.size(); s++) {
      relabelPeople(sentences.get(s), labels.get(s), forms, relabelled);
    }
    return relabelled;
  }

  /**
   * Every proper prefix of each organization mention that ends with a designator, and the words of
   * that mention ({@link #SEVERAL} for a prefix of several).
   */
  private static Map<List<String>, List<String>> shortForms(
      List<String[]> sentences, List<int[]> labels) {
    Map<List<String>, List<String>> forms = new HashMap<>();
    for (int s = 0; s < sentences.size(); s++) {
      String[] words = sentences.get(s);
      int[] sentence = labels.get(s);
      for (int end = 1; end < sentence.length; end++) {
        if (sentence[end] != NerLabels.last(ORG)
            || !EntityNames.isDesignator(words[end].toLowerCase(Locale.ROOT))) {
          continue;
        }
        int start = end;
        while (start > 0 && !NerLabels.opens(sentence[start])) {
          start--;
        }
        List<String> full = List.of(Arrays.copyOfRange(words, start, end + 1));
        for (int prefixEnd = start + 1; prefixEnd <= end; prefixEnd++) {
          forms.merge(
              List.of(Arrays.copyOfRange(words, start, prefixEnd)),
              full,
              (known, other) -> known.equals(other) ? known : SEVERAL);
        }
      }
    }
    return forms;
  }

  private static void relabelPeople(
      String[] words,
      int[] labels,
      Map<List<String>, List<String>> forms,
      Map<String, List<String>> relabelled) {
    int start = -1;
    for (int i = 0; i < labels.length; i++) {
      if (NerLabels.opens(labels[i])) {
        start = i;
      }
      if (NerLabels.closes(labels[i]) && start >= 0 && NerLabels.type(labels[i]) == PER) {
        List<String> form = List.of(Arrays.copyOfRange(words, start, i + 1));
        List<String> full = forms.get(form);
        if (full != null) {
          mark(labels, start, i + 1);
          if (full != SEVERAL) {
            relabelled.put(new Mention(form, EntityType.ORGANIZATION, false).text(), full);
          }
        }
      }
    }
  }

  private static void mark(int[] labels, int start, int end) {
    if (end - start == 1) {
      labels[start] = NerLabels.unit(ORG);
      return;
    }
    labels[start] = NerLabels.begin(ORG);
    for (int i = start + 1; i < end - 1; i++) {
      labels[i] = NerLabels.inside(ORG);
    }
    labels[end - 1] = NerLabels.last(ORG);
  }
}
