package io.newsarchive.entities;

import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns an article's mentions into its entities: strips possessives, a leading "the" and personal
 * titles, maps common variants to one name through a small alias table, maps a later surname-only
 * mention to the full name seen in the article ("Pompeo" to "Mike Pompeo"), writes names given only
 * in capitals as news usually writes them ("NEW YORK" as "New York"), keeps headline mentions only
 * when the body supports them, and counts each entity's mentions under its most frequent type.
 * Stateless and thread-safe.
 */
final class EntityCanonicalizer {

  /** Common variants and the one name each maps to; keys are exact spellings. */
  static final Map<String, String> ALIASES = WordLists.resourcePairs("aliases.tsv");

  /** Personal titles dropped before a person's name, lower case without a final dot. */
  private static final Set<String> TITLES = WordLists.resourceSet("person-titles.txt");

  private EntityCanonicalizer() {}

  /**
   * US state abbreviations of datelines ("SAN JOSE, Calif."), mapped for places only; "Wash." is
   * left out, as "Washington" would merge the state with the capital.
   */
  static final Map<String, String> STATES = WordLists.resourcePairs("us-state-abbreviations.tsv");

  /** The article's entities, most mentioned first, with names in capitals left as written. */
  static List<Entity> entities(List<Mention> mentions) {
    return entities(mentions, UnaryOperator.identity());
  }

  /**
   * The article's entities, most mentioned first.
   *
   * @param usualSpelling how news usually writes a word also printed in capitals ("LONDON" as
   *     "London"), for names the article gives in capitals only
   */
  static List<Entity> entities(List<Mention> mentions, UnaryOperator<String> usualSpelling) {
    List<Mention> cleaned = new ArrayList<>();
    for (Mention m : mentions) {
      Mention c = clean(m);
      if (c != null) {
        cleaned.add(c);
      }
    }
    Map<String, String> surnames = lastWords(cleaned, EntityType.PERSON);
    Map<String, String> organizations = lastWords(cleaned, EntityType.ORGANIZATION);
    Map<String, String> mixedCase = mixedCaseSpellings(cleaned);
    Map<String, Map<EntityType, Integer>> bodyCounts = new LinkedHashMap<>();
    Map<String, Map<EntityType, Integer>> titleCounts = new LinkedHashMap<>();
    for (Mention m : cleaned) {
      String name = m.text();
      EntityType type = m.type();
      boolean single = m.words().size() == 1;
      String full = single ? surnames.get(key(name)) : null;
      if (full != null) {
        name = full;
        type = EntityType.PERSON;
      } else if (single
          && type == EntityType.ORGANIZATION
          && organizations.containsKey(key(name))) {
        name = organizations.get(key(name));
      } else {
        if (TokenFeatures.isAllCaps(name)) {
          String mixed = mixedCase.get(key(name));
          name = mixed != null ? mixed : respelled(m, usualSpelling);
        }
        name = ALIASES.getOrDefault(name, name);
        if (type == EntityType.LOCATION) {
          name = STATES.getOrDefault(name, name);
        }
      }
      Map<String, Map<EntityType, Integer>> counts = m.inTitle() ? titleCounts : bodyCounts;
      counts
          .computeIfAbsent(name, k -> new EnumMap<>(EntityType.class))
          .merge(type, 1, Integer::sum);
    }
    boolean bodyHasEntities = !bodyCounts.isEmpty();
    titleCounts.forEach((name, byType) -> {
      if (!bodyHasEntities || bodyCounts.containsKey(name)) {
        byType.forEach((type, n) ->
            bodyCounts
                .computeIfAbsent(name, k -> new EnumMap<>(EntityType.class))
                .merge(type, n, Integer::sum));
      }
    });
    List<Entity> result = new ArrayList<>();
    bodyCounts.forEach((name, byType) -> result.add(entity(name, byType)));
    result.sort((a, b) -> Integer.compare(b.mentions(), a.mentions()));
    return result;
  }

  private static Entity entity(String name, Map<EntityType, Integer> byType) {
    EntityType best = null;
    int total = 0;
    for (Map.Entry<EntityType, Integer> e : byType.entrySet()) {
      total += e.getValue();
      if (best == null || e.getValue() > byType.get(best)) {
        best = e.getKey();
      }
    }
    return new Entity(name, best, total);
  }

  /**
   * A name in capitals in its usual spelling, word by word ("BANK OF ENGLAND" as "Bank of
   * England"). A first word that news writes in lower case is capitalized ("NEW YORK" as "New
   * York"), or, when it is the whole name, kept: it is an acronym there ("WHO", "US").
   */
  private static String respelled(Mention m, UnaryOperator<String> usualSpelling) {
    if (m.words().size() == 1) {
      String usual = usualSpelling.apply(m.words().get(0));
      return usual.isEmpty() || Character.isLowerCase(usual.charAt(0)) ? m.text() : usual;
    }
    List<String> words = new ArrayList<>(m.words().size());
    for (int i = 0; i < m.words().size(); i++) {
      String usual = usualSpelling.apply(m.words().get(i));
      if (i == 0 && !usual.isEmpty() && Character.isLowerCase(usual.charAt(0))) {
        usual = Character.toUpperCase(usual.charAt(0)) + usual.substring(1);
      }
      words.add(usual);
    }
    return new Mention(words, m.type(), m.inTitle()).text();
  }

  /** The first mixed-case spelling of each name, for names also written in capitals. */
  private static Map<String, String> mixedCaseSpellings(List<Mention> mentions) {
    Map<String, String> result = new LinkedHashMap<>();
    for (Mention m : mentions) {
      String text = m.text();
      if (!TokenFeatures.isAllCaps(text)) {
        result.putIfAbsent(key(text), text);
      }
    }
    return result;
  }

  /**
   * Multi-word names of one type by their last word (and that word without an "al-" prefix), so a
   * later "Pompeo" finds "Mike Pompeo" and "Post" finds "Washington Post".
   */
  private static Map<String, String> lastWords(List<Mention> mentions, EntityType type) {
    Map<String, String> result = new LinkedHashMap<>();
    for (Mention m : mentions) {
      if (m.type() == type && m.words().size() > 1) {
        String last = m.words().get(m.words().size() - 1);
        result.putIfAbsent(key(last), m.text());
        String bare = withoutArticle(last);
        if (!bare.equals(last)) {
          result.putIfAbsent(key(bare), m.text());
        }
      }
    }
    return result;
  }

  /**
   * Capitalized words the tagger takes for names that a news archive should not list as people,
   * organizations or places: common-noun acronyms ("AI"), holidays and group adjectives it types
   * wrongly, and feed boilerplate ("Full Article" closes many RSS descriptions).
   */
  static final Set<String> NOT_NAMES = WordLists.resourceSet("not-names.txt");

  /**
   * A mention without possessive, leading "the" or personal title; null when nothing is left or
   * what is left is not a name ({@link #NOT_NAMES}).
   */
  static Mention clean(Mention m) {
    List<String> words = new ArrayList<>(m.words());
    while (!words.isEmpty() && isPossessiveOrPunctuation(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    if (!words.isEmpty()) {
      String last = words.get(words.size() - 1);
      if (last.length() > 2 && (last.endsWith("'s") || last.endsWith("'S"))) {
        words.set(words.size() - 1, last.substring(0, last.length() - 2));
      }
    }
    while (words.size() > 1 && isDroppedPrefix(words.get(0), m.type())) {
      words.remove(0);
    }
    while (!words.isEmpty() && isPossessiveOrPunctuation(words.get(0))) {
      words.remove(0);
    }
    if (words.isEmpty() || words.stream().noneMatch(EntityCanonicalizer::hasLetter)) {
      return null;
    }
    Mention cleaned = new Mention(words, m.type(), m.inTitle());
    return NOT_NAMES.contains(cleaned.text()) ? null : cleaned;
  }

  private static boolean isDroppedPrefix(String word, EntityType type) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.equals("the")) {
      return true;
    }
    String bare = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    return type == EntityType.PERSON && TITLES.contains(bare);
  }

  private static boolean isPossessiveOrPunctuation(String word) {
    return word.equals("'s") || word.equals("'S") || !hasLetterOrDigit(word);
  }

  private static boolean hasLetter(String word) {
    return word.codePoints().anyMatch(Character::isLetter);
  }

  private static boolean hasLetterOrDigit(String word) {
    return word.codePoints().anyMatch(Character::isLetterOrDigit);
  }

  private static String withoutArticle(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    for (String prefix : List.of("al-", "el-", "ul-")) {
      if (lower.startsWith(prefix) && word.length() > prefix.length() + 1) {
        return word.substring(prefix.length());
      }
    }
    return word;
  }

  private static String key(String word) {
    return word.toLowerCase(Locale.ROOT);
  }
}
