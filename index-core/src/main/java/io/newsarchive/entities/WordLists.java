package io.newsarchive.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the word lists of {@code data/gazetteers/}: one entry per line, stripped; blank lines and
 * lines starting with {@code #} are skipped; a pair list ({@code .tsv}) has a tab between key and
 * value. The lists that run time needs are on the class path under {@link #RESOURCES}; the others
 * are read from the folder when a model is trained. Stateless and thread-safe.
 */
public final class WordLists {

  /** Class-path folder of the lists that the extractor reads at run time. */
  static final String RESOURCES = "/gazetteers/";

  private WordLists() {}

  /** The entries of a list file. */
  static List<String> read(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return entries(reader, file.toString());
    }
  }

  /**
   * The entries of a run-time list on the class path, e.g. {@code person-titles.txt}.
   *
   * @throws IllegalStateException when the list is missing (a broken build)
   */
  static Set<String> resourceSet(String name) {
    return Set.copyOf(resource(name));
  }

  /**
   * The key-value pairs of a run-time pair list on the class path, e.g. {@code aliases.tsv}.
   *
   * @throws IllegalStateException when the list is missing or a line has no tab
   */
  public static Map<String, String> resourcePairs(String name) {
    Map<String, String> pairs = new HashMap<>();
    for (String entry : resource(name)) {
      int tab = entry.indexOf('\t');
      if (tab <= 0) {
        throw new IllegalStateException("no tab in line '" + entry + "' of " + name);
      }
      String key = entry.substring(0, tab).strip();
      if (pairs.put(key, entry.substring(tab + 1).strip()) != null) {
        throw new IllegalStateException("'" + key + "' twice in " + name);
      }
    }
    return Map.copyOf(pairs);
  }

  private static List<String> resource(String name) {
    try (InputStream in = WordLists.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("no word list at " + RESOURCES + name);
      }
      return entries(
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCES + name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the word list " + RESOURCES + name, e);
    }
  }

  private static List<String> entries(BufferedReader reader, String where) throws IOException {
    List<String> entries = new ArrayList<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      String entry = line.strip();
      if (!entry.isEmpty() && !entry.startsWith("#")) {
        entries.add(entry);
      }
    }
    return entries;
  }
}
