package io.newsarchive.search.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * TREC relevance judgments: for each query, the relevance grade of each judged document (0 for not
 * relevant, 1 and up for relevant, higher is better). Immutable.
 *
 * @param grades grade by document id, by query id
 */
public record Qrels(Map<String, Map<String, Integer>> grades) {

  /** Copies the maps. */
  public Qrels {
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    grades.forEach((query, docs) -> copy.put(query, Map.copyOf(docs)));
    grades = Collections.unmodifiableMap(copy);
  }

  /**
   * Reads a qrels file of {@code qid iteration docno grade} lines (whitespace-separated; the
   * iteration is ignored, as {@code trec_eval} does). Blank lines are skipped.
   *
   * @param docIds maps each document number of the file to the id the run uses
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException when a line is malformed or judges a document twice; the
   *     message names the file and line
   */
  public static Qrels read(Path file, UnaryOperator<String> docIds) throws IOException {
    Map<String, Map<String, Integer>> grades = new LinkedHashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.strip().split("\\s+");
        if (parts.length != 4) {
          throw malformed(file, number, "expected 'qid 0 docno grade', found " + parts.length);
        }
        int grade;
        try {
          grade = Integer.parseInt(parts[3]);
        } catch (NumberFormatException e) {
          throw malformed(file, number, "grade '" + parts[3] + "' is not a whole number");
        }
        String doc = docIds.apply(parts[2]);
        Map<String, Integer> docs = grades.computeIfAbsent(parts[0], q -> new LinkedHashMap<>());
        if (docs.put(doc, grade) != null) {
          throw malformed(file, number, "document " + parts[2] + " is judged twice");
        }
      }
    }
    return new Qrels(grades);
  }

  /** The queries with at least one relevant document, in file order: the ones metrics cover. */
  public Set<String> queriesWithRelevant() {
    Set<String> queries = new LinkedHashSet<>();
    grades.forEach((query, docs) -> {
      if (docs.values().stream().anyMatch(grade -> grade > 0)) {
        queries.add(query);
      }
    });
    return Collections.unmodifiableSet(queries);
  }

  /** The grades of one query's judged documents; empty when the query is not judged. */
  public Map<String, Integer> judged(String query) {
    return grades.getOrDefault(query, Map.of());
  }

  private static IllegalArgumentException malformed(Path file, int line, String why) {
    return new IllegalArgumentException(file + ":" + line + ": " + why);
  }
}
