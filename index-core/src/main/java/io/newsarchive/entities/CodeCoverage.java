package io.newsarchive.entities;

import io.newsarchive.article.Article;
import io.newsarchive.article.CodeScheme;
import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A sanity check of extraction against editor-assigned codes (Reuters-21578 PLACES and PEOPLE): how
 * many of an article's place codes name an extracted place ({@code west-germany} ↔ "West Germany",
 * {@code usa} ↔ "United States") and how many people codes match an extracted person's last name
 * ({@code james-baker} ↔ "James Baker"). Codes say what an article is about, not what it names, so
 * full coverage is not expected. Not thread-safe; one instance accumulates one run.
 */
public final class CodeCoverage {

  /** Place codes whose names differ from the code with hyphens turned into spaces. */
  static final Map<String, List<String>> PLACE_NAMES =
      Map.ofEntries(
          Map.entry("usa", List.of("united states", "america")),
          Map.entry("uk", List.of("united kingdom", "britain", "england")),
          Map.entry("ussr", List.of("soviet union", "ussr", "russia")),
          Map.entry("uae", List.of("united arab emirates", "uae")),
          Map.entry("west-germany", List.of("west germany", "germany")),
          Map.entry("east-germany", List.of("east germany")),
          Map.entry("south-korea", List.of("south korea", "korea")),
          Map.entry("netherlands", List.of("netherlands", "holland")));

  private final long[] articles = new long[2];
  private final long[] codes = new long[2];
  private final long[] covered = new long[2];
  private final long[] fullyCovered = new long[2];

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
      }
    }
    articles[kind]++;
    codes[kind] += articleCodes.size();
    covered[kind] += hits;
    fullyCovered[kind] += hits == articleCodes.size() ? 1 : 0;
  }

  static boolean placeCovered(String code, Set<String> places) {
    List<String> names = PLACE_NAMES.getOrDefault(code, List.of(code.replace('-', ' ')));
    return names.stream().anyMatch(places::contains);
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
    }
    return out.toString();
  }

  private static double percent(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
