package io.newsarchive.entities;

import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Turns an article's mentions into its entities, one name per entity: strips possessives, a leading
 * "the" and personal titles; writes names given only in capitals as news usually writes them ("NEW
 * YORK" as "New York"); maps listed variants to one name ("U.S." to "United States"); maps a
 * mention that ends a fuller name of the article to that name ("Pompeo" and "Bra Kanon" to "Mike
 * Pompeo" and "Denis Bra Kanon", before or after it), an acronym to the name it abbreviates ("ICCO"
 * after "International Cocoa Organization (ICCO)", or whose letters spell a longer name of the
 * article) and a person that opens an organization's name to that organization ("Dean Witter" to
 * "Dean Witter Reynolds Inc"); makes names that differ only in spelling ({@link EntityNames#key})
 * one entity; keeps headline mentions only when the body supports them; and counts each entity's
 * mentions under its most frequent type, with what the article wrote for it as its forms.
 *
 * <p>So no article holds two names that {@link EntityNames} would take for one on that article's
 * evidence alone, and a form the article resolved is never also one of its names. Stateless and
 * thread-safe.
 */
final class EntityCanonicalizer {

  /** Common variants and the one name each maps to; keys are exact spellings. */
  static final Map<String, String> ALIASES = WordLists.resourcePairs("aliases.tsv");

  /** Personal titles dropped before a person's name, lower case without a final dot. */
  private static final Set<String> TITLES = WordLists.resourceSet("person-titles.txt");

  /**
   * Names whose type the tagger gets wrong and the type they have: firms named after people ("Dean
   * Witter"), seats of government that stand for it ("White House"); keys are exact spellings.
   */
  private static final Map<String, EntityType> LISTED_TYPES = listedTypes();

  private EntityCanonicalizer() {}

  private static Map<String, EntityType> listedTypes() {
    Map<String, EntityType> types = new HashMap<>();
    WordLists.resourcePairs("entity-types.tsv")
        .forEach((name, type) -> types.put(name, EntityType.parse(type)));
    return Map.copyOf(types);
  }

  /**
   * US state abbreviations of datelines ("SAN JOSE, Calif."), mapped for places only; "Wash." is
   * left out, as "Washington" would merge the state with the capital.
   */
  static final Map<String, String> STATES = WordLists.resourcePairs("us-state-abbreviations.tsv");

  /** The article's entities, most mentioned first, with names in capitals left as written. */
  static List<Entity> entities(List<Mention> mentions) {
    return entities(mentions, Map.of(), UnaryOperator.identity());
  }

  /**
   * The article's entities, most mentioned first.
   *
   * @param introduced short names the article introduces for longer ones, and those names' words as
   *     tagged: acronyms in parentheses after a name ("ICCO" to "International Cocoa Organization")
   *     and the short forms of designated companies ("Barrick" to "Barrick Gold Corp", see {@link
   *     DesignatedShortForms})
   * @param usualSpelling how news usually writes a word also printed in capitals ("LONDON" as
   *     "London"), for names the article gives in capitals only
   */
  static List<Entity> entities(
      List<Mention> mentions,
      Map<String, List<String>> introduced,
      UnaryOperator<String> usualSpelling) {
    List<Mention> cleaned = new ArrayList<>();
    for (Mention m : mentions) {
      Mention c = clean(m);
      if (c != null) {
        cleaned.add(c);
      }
    }
    Map<String, String> mixedCase = mixedCaseSpellings(cleaned);
    SpellingKeys keys = new SpellingKeys();
    UnaryOperator<Mention> spell = m -> spelled(m, mixedCase, usualSpelling);
    List<Named> named = new ArrayList<>(cleaned.size());
    for (Mention m : cleaned) {
      named.add(Named.of(m.text(), spell.apply(m), keys));
    }
    Map<String, Named> expansions = new HashMap<>();
    introduced.forEach((shortName, words) -> {
      Mention expansion = clean(new Mention(words, EntityType.ORGANIZATION, false));
      if (expansion != null) {
        expansions.put(shortName, Named.of(expansion.text(), spell.apply(expansion), keys));
      }
    });
    List<Named> resolved = new ShortForms(named, expansions).resolveAll();
    return grouped(resolved, keys);
  }

  /**
   * A cleaned mention: what the article wrote, and the name and type it stands for.
   *
   * @param words the name's words
   * @param spelling the name's {@link EntityNames#key} as an organization's, under which its
   *     spellings in the article meet
   */
  record Named(
      String written,
      String name,
      List<String> words,
      String spelling,
      EntityType type,
      boolean inTitle) {

    /** The cleaned mention {@code spelled} wrote as {@code written}. */
    static Named of(String written, Mention spelled, SpellingKeys keys) {
      String name = spelled.text();
      return new Named(
          written,
          name,
          List.of(name.split(" ")),
          keys.of(EntityType.ORGANIZATION, name),
          spelled.type(),
          spelled.inTitle());
    }

    /** This mention as one of {@code full}. */
    Named as(Named full) {
      return new Named(written, full.name, full.words, full.spelling, full.type, inTitle);
    }
  }

  /** The mention in its usual spelling, as its listed variant or as the state it abbreviates. */
  private static Mention spelled(
      Mention m, Map<String, String> mixedCase, UnaryOperator<String> usualSpelling) {
    String name = m.text();
    if (TokenFeatures.isAllCaps(name)) {
      String mixed = mixedCase.get(key(name));
      name = mixed != null ? mixed : respelled(m, usualSpelling);
    }
    name = ALIASES.getOrDefault(name, name);
    if (m.type() == EntityType.LOCATION) {
      String state = STATES.get(name);
      if (state == null && TokenFeatures.isAllCaps(name)) {
        state = STATES.get(capitalized(name));
      }
      name = state != null ? state : name;
    }
    return name.equals(m.text()) ? m : new Mention(List.of(name), m.type(), m.inTitle());
  }

  /** "ILL" as "Ill", "N.J." as it is. */
  private static String capitalized(String word) {
    return word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
  }

  /**
   * The entities of resolved mentions: names with one {@link EntityNames#key} are one entity,
   * spelled as most of its mentions are (mixed case before capitals); headline mentions count only
   * for entities the body names too, when the body names any.
   */
  private static List<Entity> grouped(List<Named> resolved, SpellingKeys keys) {
    Map<String, Group> body = new LinkedHashMap<>();
    Map<String, Group> title = new LinkedHashMap<>();
    for (Named n : resolved) {
      (n.inTitle() ? title : body).computeIfAbsent(n.spelling(), k -> new Group()).add(n);
    }
    boolean bodyHasEntities = !body.isEmpty();
    title.forEach((key, group) -> {
      if (!bodyHasEntities || body.containsKey(key)) {
        body.computeIfAbsent(key, k -> new Group()).addAll(group);
      }
    });
    List<Entity> result = new ArrayList<>();
    body.values().forEach(group -> result.add(group.entity(keys)));
    result.sort((a, b) -> Integer.compare(b.mentions(), a.mentions()));
    return result;
  }

  /** The mentions of one entity. */
  private static final class Group {
    private final List<Named> mentions = new ArrayList<>();

    void add(Named n) {
      mentions.add(n);
    }

    void addAll(Group other) {
      mentions.addAll(other.mentions);
    }

    Entity entity(SpellingKeys keys) {
      Map<String, Integer> spellings = new LinkedHashMap<>();
      Map<EntityType, Integer> types = new EnumMap<>(EntityType.class);
      for (Named n : mentions) {
        spellings.merge(n.name(), 1, Integer::sum);
        types.merge(n.type(), 1, Integer::sum);
      }
      String name = mostFrequent(spellings, s -> !TokenFeatures.isAllCaps(s) || s.length() <= 4);
      EntityType type = mostFrequent(types, t -> true);
      // Only what resolution changed is a form: a spelling with the name's key ("REAGAN" of
      // "Reagan") is the name to EntityNames already, and counted as a form it would dilute the
      // share of the full name a short form stands for.
      String nameKey = keys.of(type, name);
      List<String> forms = new ArrayList<>();
      Set<String> formKeys = new HashSet<>();
      for (Named n : mentions) {
        String written = n.written();
        String formKey = keys.of(type, written);
        // One form per key, so that "Reagan" and "REAGAN" of one article count once.
        if (!formKey.equals(nameKey) && formKeys.add(formKey)) {
          forms.add(written);
        }
      }
      return new Entity(name, type, mentions.size(), forms);
    }
  }

  /** The most counted key, the first met among equals; keys that pass {@code preferred} first. */
  private static <K> K mostFrequent(Map<K, Integer> counts, Predicate<K> preferred) {
    K best = null;
    for (Map.Entry<K, Integer> e : counts.entrySet()) {
      if (best == null) {
        best = e.getKey();
        continue;
      }
      boolean better = preferred.test(e.getKey()) && !preferred.test(best);
      boolean same = preferred.test(e.getKey()) == preferred.test(best);
      if (better || (same && e.getValue() > counts.get(best))) {
        best = e.getKey();
      }
    }
    return best;
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
   * Capitalized words the tagger takes for names that a news archive should not list as people,
   * organizations or places: common-noun acronyms ("AI"), holidays and group adjectives it types
   * wrongly, and feed boilerplate ("Full Article" closes many RSS descriptions).
   */
  static final Set<String> NOT_NAMES = WordLists.resourceSet("not-names.txt");

  /**
   * A mention without possessive, leading "the" or personal title; null when nothing is left, what
   * is left is not a name ({@link #NOT_NAMES}) or is a person's title ("U.K. Chancellor"). A title
   * is never part of a place's name: a place tagged with one ("Queen Elizabeth") is a person.
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
    EntityType type = m.type();
    if (type == EntityType.LOCATION && words.size() > 1 && isTitle(words.get(0))) {
      type = EntityType.PERSON;
    }
    while (words.size() > 1 && isDroppedPrefix(words.get(0), type)) {
      words.remove(0);
    }
    while (!words.isEmpty() && isPossessiveOrPunctuation(words.get(0))) {
      words.remove(0);
    }
    if (words.isEmpty()
        || words.stream().noneMatch(EntityCanonicalizer::hasLetter)
        || (type == EntityType.PERSON && isTitle(words.get(words.size() - 1)))) {
      return null;
    }
    String text = new Mention(words, type, m.inTitle()).text();
    boolean designator = words.size() == 1 && EntityNames.isDesignator(key(text));
    if (designator || NOT_NAMES.contains(text)) {
      return null;
    }
    return new Mention(words, LISTED_TYPES.getOrDefault(text, type), m.inTitle());
  }

  private static boolean isTitle(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return TITLES.contains(lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower);
  }

  private static boolean isDroppedPrefix(String word, EntityType type) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.equals("the")) {
      return true;
    }
    return type == EntityType.PERSON && isTitle(word);
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

  static String withoutArticle(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    for (String prefix : List.of("al-", "el-", "ul-")) {
      if (lower.startsWith(prefix) && word.length() > prefix.length() + 1) {
        return word.substring(prefix.length());
      }
    }
    return word;
  }

  static String key(String word) {
    return word.toLowerCase(Locale.ROOT);
  }
}
