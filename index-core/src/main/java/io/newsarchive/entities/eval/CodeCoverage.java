package io.newsarchive.entities.eval;

import io.newsarchive.article.Article;
import io.newsarchive.article.CodeScheme;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import io.newsarchive.entities.WordLists;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sanity check of extraction against editor-assigned codes (Reuters-21578 PLACES and PEOPLE): how
 * many of an article's place codes name an extracted place ({@code west-germany} ↔ "West Germany",
 * {@code usa} ↔ "United States" or a state, and a capital when the Factbook's list is given) and
 * how many people codes match an extracted person's last name ({@code james-baker} ↔ "James
 * Baker"). Codes say what an article is about, not what it names, so full coverage is not expected.
 * Not thread-safe; one instance accumulates one run.
 */
public final class CodeCoverage {

  /** Place codes whose names differ from the code with hyphens turned into spaces. */
  static final Map<String, List<String>> PLACE_NAMES =
      Map.ofEntries(
          Map.entry("usa", usaNames()),
          Map.entry("uk", List.of("united kingdom", "britain", "england")),
          Map.entry("ussr", List.of("soviet union", "ussr", "russia")),
          Map.entry("uae", List.of("united arab emirates", "uae")),
          Map.entry("west-germany", List.of("west germany", "germany", "bonn")),
          Map.entry("east-germany", List.of("east germany")),
          Map.entry("south-korea", List.of("south korea", "korea")),
          Map.entry("netherlands", List.of("netherlands", "holland")));

  /**
   * The United States, or one of its states: datelines name the state ("Calif."), not the country.
   */
  private static List<String> usaNames() {
    List<String> names = new ArrayList<>(List.of("united states", "america"));
    WordLists.resourcePairs("us-state-abbreviations.tsv")
        .values()
        .forEach(state -> names.add(state.toLowerCase(Locale.ROOT)));
    for (String state :
        List.of("Alaska", "Hawaii", "Idaho", "Iowa", "Maine", "Ohio", "Oregon", "Texas", "Utah")) {
      names.add(state.toLowerCase(Locale.ROOT));
    }
    return List.copyOf(names);
  }

  private static final Pattern CAPITAL =
      Pattern.compile("bgfact\\(\"([^\"]+)\",\"Capital\",\\[\"([^\"]+)\"");

  private final Map<String, List<String>> capitals;
  private final long[] articles = new long[2];
  private final List<Map<String, Integer>> missed = List.of(new HashMap<>(), new HashMap<>());
  private final long[] codes = new long[2];
  private final long[] covered = new long[2];
  private final long[] fullyCovered = new long[2];

  /** A check that knows no capitals: a place code is covered by its country's name only. */
  public CodeCoverage() {
    this(Map.of());
  }

  /**
   * A check in which a country's capital covers its code too, since datelines name the city
   * ("TOKYO, March 3 -"), not the country.
   *
   * @param capitals lower-case country name to its capitals' lower-case names
   */
  public CodeCoverage(Map<String, List<String>> capitals) {
    this.capitals = Map.copyOf(capitals);
  }

  /**
   * The capitals in the CIA World Factbook facts that Reuters-21578 ships ({@code
   * feldman-cia-worldfactbook-data.txt}: {@code bgfact("Japan","Capital",["Tokyo"])}, lines
   * soft-wrapped with a trailing "="), keyed by lower-case country name.
   *
   * @throws IOException when the file cannot be read
   */
  public static Map<String, List<String>> capitals(Path factbook) throws IOException {
    String text = Files.readString(factbook, StandardCharsets.ISO_8859_1).replace("=\n", "");
    Map<String, List<String>> result = new HashMap<>();
    Matcher m = CAPITAL.matcher(text);
    while (m.find()) {
      String capital = m.group(2);
      int comma = capital.indexOf(',');
      // "Washington, DC"
      capital = (comma > 0 ? capital.substring(0, comma) : capital).strip();
      result
          .computeIfAbsent(m.group(1).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(capital.toLowerCase(Locale.ROOT));
    }
    return result;
  }

  /** Adds one article with its extracted entities. */
  public void add(Article article, List<Entity> entities) {
    Set<String> places = new HashSet<>();
    Set<String> lastNames = new HashSet<>();
    for (Entity entity : entities) {
      String name = entity.name().toLowerCase(Locale.ROOT);
      if (entity.type() == EntityType.LOCATION) {
        places.add(name);
      } else if (entity.type() == EntityType.PERSON) {
        lastNames.add(name.substring(name.lastIndexOf(' ') + 1));
      }
    }
    count(0, article.codes(CodeScheme.PLACES), code -> placeCovered(code, places));
    count(1, article.codes(CodeScheme.PEOPLE), code -> lastNames.contains(lastPart(code)));
  }

  private void count(
      int kind, List<String> articleCodes, java.util.function.Predicate<String> hit) {
    if (articleCodes.isEmpty()) {
      return;
    }
    int hits = 0;
    for (String code : articleCodes) {
      if (hit.test(code)) {
        hits++;
      } else {
        missed.get(kind).merge(code, 1, Integer::sum);
      }
    }
    articles[kind]++;
    codes[kind] += articleCodes.size();
    covered[kind] += hits;
    fullyCovered[kind] += hits == articleCodes.size() ? 1 : 0;
  }

  boolean placeCovered(String code, Set<String> places) {
    List<String> names = PLACE_NAMES.getOrDefault(code, List.of(code.replace('-', ' ')));
    for (String name : names) {
      if (places.contains(name)
          || capitals.getOrDefault(name, List.of()).stream().anyMatch(places::contains)) {
        return true;
      }
    }
    return false;
  }

  private static String lastPart(String code) {
    return code.substring(code.lastIndexOf('-') + 1);
  }

  /**
   * One line per scheme: articles with codes, codes, share of codes covered, share fully covered.
   */
  public String summary() {
    StringBuilder out = new StringBuilder();
    String[] names = {"PLACES", "PEOPLE"};
    for (int kind = 0; kind < 2; kind++) {
      out.append(
          String.format(
              Locale.ROOT,
              "%s: %d articles with codes, %d codes, %.1f%% of codes covered, %.1f%% of articles"
                  + " fully covered%n",
              names[kind],
              articles[kind],
              codes[kind],
              percent(covered[kind], codes[kind]),
              percent(fullyCovered[kind], articles[kind])));
      List<Map.Entry<String, Integer>> top =
          missed.get(kind).entrySet().stream()
              .sorted(
                  Map.Entry.<String, Integer>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(5)
              .toList();
      if (!top.isEmpty()) {
        out.append("  most often missed:");
        top.forEach(e -> out.append(' ').append(e.getKey()).append(' ').append(e.getValue()));
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
