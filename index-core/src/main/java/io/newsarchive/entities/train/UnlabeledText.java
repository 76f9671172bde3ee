package io.newsarchive.entities.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.entities.NewsTokenizer;
import io.newsarchive.entities.eval.ConllCorpus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Streams the unlabeled news text that word statistics are learned from: Reuters-21578 titles and
 * bodies, RSS titles and descriptions, and the words of the CoNLL training and development files
 * (never the test file), as tokenized sentences: news story by story, CoNLL sentence by sentence.
 */
final class UnlabeledText {

  private static final Pattern REUTERS_TEXT =
      Pattern.compile("<(TITLE|BODY)>(.*?)</\\1>", Pattern.DOTALL);
  private static final Pattern REUTERS_STORY =
      Pattern.compile("<REUTERS\\b.*?</REUTERS>", Pattern.DOTALL);
  private static final Pattern ENTITY = Pattern.compile("&(#\\d+|lt|gt|amp);");

  private UnlabeledText() {}

  /**
   * Hands every news story under {@code corpora} (a Reuters record's title and body, an RSS item's
   * title and description) to {@code sink} as its tokenized sentences.
   *
   * @throws IOException when a corpus file cannot be read
   */
  static void forEachNewsDocument(Path corpora, Consumer<List<String[]>> sink) throws IOException {
    Path reuters = corpora.resolve("reuters21578");
    if (Files.isDirectory(reuters)) {
      try (DirectoryStream<Path> files = Files.newDirectoryStream(reuters, "reut2-*.sgm")) {
        for (Path file : files) {
          String sgml = Files.readString(file, StandardCharsets.ISO_8859_1);
          Matcher story = REUTERS_STORY.matcher(sgml);
          while (story.find()) {
            List<String[]> document = new ArrayList<>();
            Matcher m = REUTERS_TEXT.matcher(story.group());
            while (m.find()) {
              String text = ENTITY.matcher(m.group(2)).replaceAll(" ");
              sentences(text.replace("\n", " ").replace("Reuter \u0003", ""), document::add);
            }
            if (!document.isEmpty()) {
              sink.accept(document);
            }
          }
        }
      }
    }
    Path rss = corpora.resolve("rss-news-2023/rss2023-news-en.jsonl.gz");
    if (Files.isRegularFile(rss)) {
      ObjectMapper json = new ObjectMapper();
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(
                  new GZIPInputStream(Files.newInputStream(rss), 1 << 16),
                  StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          JsonNode node = json.readTree(line);
          List<String[]> document = new ArrayList<>();
          sentences(node.path("title").asText(""), document::add);
          sentences(node.path("description").asText(""), document::add);
          if (!document.isEmpty()) {
            sink.accept(document);
          }
        }
      }
    }
  }

  /**
   * Hands every sentence of CoNLL {@code eng.train} and {@code eng.testa} to {@code sink}.
   *
   * @throws IOException when a file cannot be read
   */
  static void forEachConllSentence(Path corpora, Consumer<String[]> sink) throws IOException {
    for (String name : List.of("eng.train", "eng.testa")) {
      Path file = corpora.resolve("conll2003").resolve(name);
      if (Files.isRegularFile(file)) {
        for (ConllCorpus.Document doc : ConllCorpus.read(file)) {
          for (ConllCorpus.Sentence sentence : doc.sentences()) {
            sink.accept(sentence.words());
          }
        }
      }
    }
  }

  private static void sentences(String text, Consumer<String[]> sink) {
    if (text.isBlank()) {
      return;
    }
    NewsTokenizer.Tokens tokens = NewsTokenizer.tokenize(text);
    List<String> words = new ArrayList<>();
    for (int s = 0; s < tokens.sentenceStarts().length; s++) {
      words.clear();
      for (int i = tokens.sentenceStarts()[s]; i < tokens.sentenceEnd(s); i++) {
        words.add(tokens.words()[i]);
      }
      if (!words.isEmpty()) {
        sink.accept(words.toArray(String[]::new));
      }
    }
  }
}
