package io.newsarchive.search.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads query files of {@code qid<TAB>text} lines, the companions of TREC qrels. Stateless, so
 * thread-safe.
 */
public final class JudgedQueries {

  private JudgedQueries() {}

  /**
   * The query text by query id, in file order. Blank lines are skipped, and so is a first line
   * {@code qid<TAB>query} (a column header).
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when a line has no tab, an empty id or text, or repeats an id;
   *     the message names the file and line
   */
  public static Map<String, String> read(Path file) throws IOException {
    Map<String, String> queries = new LinkedHashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || (number == 1 && line.strip().equals("qid\tquery"))) {
          continue;
        }
        int tab = line.indexOf('\t');
        String id = tab < 0 ? "" : line.substring(0, tab).strip();
        String text = tab < 0 ? "" : line.substring(tab + 1).strip();
        if (id.isEmpty() || text.isEmpty()) {
          throw new IllegalArgumentException(
              file + ":" + number + ": expected 'qid<TAB>query text'");
        }
        if (queries.put(id, text) != null) {
          throw new IllegalArgumentException(file + ":" + number + ": query " + id + " repeated");
        }
      }
    }
    return Collections.unmodifiableMap(queries);
  }
}
