package io.newsarchive.entities.eval;

import io.newsarchive.entities.NerLabels;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CoNLL-2003 files ({@code word POS chunk NER} per line, IOB1 tags, documents opened by
 * {@code -DOCSTART-}) into documents of sentences with entity spans. Span boundaries follow the
 * conlleval script: an {@code I-X} after anything but {@code X} opens a new entity.
 */
public final class ConllCorpus {

  private ConllCorpus() {}

  /** One sentence: its words and its gold entity spans. */
  public record Sentence(String[] words, List<NerLabels.Span> spans) {}

  /** One {@code -DOCSTART-} document. */
  public record Document(List<Sentence> sentences) {
    int tokenCount() {
      int count = 0;
      for (Sentence sentence : sentences) {
        count += sentence.words().length;
      }
      return count;
    }
  }

  /**
   * All documents of a CoNLL file.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when a line has no NER column or an unknown tag
   */
  public static List<Document> read(Path file) throws IOException {
    List<Document> documents = new ArrayList<>();
    List<Sentence> sentences = new ArrayList<>();
    List<String> words = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNumber = 0;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          flush(words, tags, sentences);
          continue;
        }
        String[] columns = line.trim().split("\\s+");
        if (columns[0].equals("-DOCSTART-")) {
          flush(words, tags, sentences);
          if (!sentences.isEmpty()) {
            documents.add(new Document(List.copyOf(sentences)));
            sentences.clear();
          }
          continue;
        }
        if (columns.length < 2) {
          throw new IllegalArgumentException(file + ":" + lineNumber + ": no NER column");
        }
        words.add(columns[0]);
        tags.add(columns[columns.length - 1]);
      }
    }
    flush(words, tags, sentences);
    if (!sentences.isEmpty()) {
      documents.add(new Document(List.copyOf(sentences)));
    }
    return documents;
  }

  private static void flush(List<String> words, List<String> tags, List<Sentence> sentences) {
    if (words.isEmpty()) {
      return;
    }
    sentences.add(new Sentence(words.toArray(String[]::new), spans(tags)));
    words.clear();
    tags.clear();
  }

  /** Entity spans of IOB1 or IOB2 tags, with conlleval's chunk rules. */
  static List<NerLabels.Span> spans(List<String> tags) {
    List<NerLabels.Span> spans = new ArrayList<>();
    int start = -1;
    String open = null;
    for (int i = 0; i <= tags.size(); i++) {
      String tag = i < tags.size() ? tags.get(i) : "O";
      String prefix = tag.equals("O") ? "O" : tag.substring(0, 1);
      String type = tag.equals("O") ? null : tag.substring(2);
      boolean continues = open != null && prefix.equals("I") && type.equals(open);
      if (open != null && !continues) {
        spans.add(new NerLabels.Span(start, i, NerLabels.typeIndex(open)));
        open = null;
      }
      if (type != null && !continues) {
        if (!prefix.equals("B") && !prefix.equals("I")) {
          throw new IllegalArgumentException("unknown tag '" + tag + "'");
        }
        open = type;
        start = i;
      }
    }
    return spans;
  }
}
