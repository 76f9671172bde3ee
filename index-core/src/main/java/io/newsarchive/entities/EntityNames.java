package io.newsarchive.entities;

import io.newsarchive.article.EntityType;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One archive's canonical names of one entity type, built from the names its articles hold and from
 * the short forms its articles resolved to full names. The rules, in order:
 *
 * <ol>
 *   <li>a listed variant ({@code aliases.tsv}) is the name it is listed with ("U.S." is "United
 *       States"), in any spelling that rule 2 takes for the same ("US", "u.s");
 *   <li>names that differ only in case, accents, dots, a leading "the" or, for organizations, a
 *       company designator ({@code organization-designators.txt}: "Inc", "Corp") are one entity,
 *       named as most articles name it (the longer spelling when as many name it each way), a
 *       spelling in mixed case before one in capitals ("YAOUNDE" and "Yaounde" are "Yaounde");
 *   <li>a short form of one word (a surname, an acronym) that the articles which resolve it resolve
 *       to one name at least {@link #DOMINANT_SHARE} of the time, and at least {@link
 *       #MIN_RESOLUTIONS} times, counting only the full names that at least {@link
 *       #MIN_TARGET_RESOLUTIONS} articles resolve it to, is that name ("Reagan" is "Ronald
 *       Reagan"); one split between names ("Baker": James Baker and Howard Baker) stays as it is.
 * </ol>
 *
 * <p>A name no article holds gets its canonical name by the same rules, so a filter typed in any
 * variant finds them all. Immutable and thread-safe.
 */
public final class EntityNames {

  /** The share of a short form's resolutions that one full name must hold to stand for it. */
  public static final double DOMINANT_SHARE = 0.9;

  /** The fewest resolutions of a short form to one full name that make it stand for that name. */
  public static final int MIN_RESOLUTIONS = 3;

  /**
   * The fewest resolutions of a short form to a full name that count against the others: one
   * article's resolution is as likely a misreading ("Athough Reagan") as a second person.
   */
  public static final int MIN_TARGET_RESOLUTIONS = 2;

  /** Company designators that do not tell two organizations apart, lower case without dots. */
  private static final Set<String> DESIGNATORS =
      WordLists.resourceSet("organization-designators.txt");

  /** The longest name in capitals that counts as an acronym when spellings are ranked. */
  private static final int SHORT_ACRONYM = 4;

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /**
   * The listed variants ({@code aliases.tsv}) by their key, so that "U.S", "u.s." and "US" are all
   * "United States"; a listed name is its own variant.
   */
  private static final Map<EntityType, Map<String, Alias>> ALIASES = aliasesByKey();

  private final EntityType type;

  /** Each name's key (rule 2) to the canonical name of its group. */
  private final Map<String, String> byKey;

  /** Each short form's key to the full name it stands for (rule 3), already canonical. */
  private final Map<String, String> shortForms;

  /** Each name the archive holds to its canonical name. */
  private final Map<String, String> held;

  /** Each canonical name to the names the archive holds for it, most articles first. */
  private final Map<String, List<String>> variants;

  private final Map<String, Long> articles;

  private EntityNames(
      EntityType type,
      Map<String, String> byKey,
      Map<String, String> shortForms,
      Map<String, String> held,
      Map<String, List<String>> variants,
      Map<String, Long> articles) {
    this.type = type;
    this.byKey = byKey;
    this.shortForms = shortForms;
    this.held = held;
    this.variants = variants;
    this.articles = articles;
  }

  /** A listed name and its key. */
  private record Alias(String name, String key) {}

  private static Map<EntityType, Map<String, Alias>> aliasesByKey() {
    Map<EntityType, Map<String, Alias>> byType = new EnumMap<>(EntityType.class);
    for (EntityType type : EntityType.values()) {
      Map<String, Alias> byKey = new HashMap<>();
      EntityCanonicalizer.ALIASES.forEach((variant, name) -> {
        Alias alias = new Alias(name, key(type, name));
        byKey.put(key(type, variant), alias);
        byKey.put(alias.key(), alias);
      });
      byType.put(type, Map.copyOf(byKey));
    }
    return byType;
  }

  /**
   * The table of one type.
   *
   * @param articles each name the archive holds, and in how many articles
   * @param resolutions each short form an article resolved, the full names it was resolved to, and
   *     in how many articles each
   */
  public static EntityNames of(
      EntityType type, Map<String, Long> articles, Map<String, Map<String, Long>> resolutions) {
    // Rule 1 and 2: group the (aliased) names by key; the group's name is its most held spelling.
    Map<String, String> keys = new HashMap<>(articles.size() * 2);
    // Most keys have one spelling: it names the group with no counting.
    Map<String, String> byKey = new HashMap<>(articles.size() * 2);
    Map<String, Map<String, Long>> spellings = new HashMap<>();
    articles.forEach((name, count) -> {
      String key = key(type, name);
      Alias alias = ALIASES.get(type).get(key);
      String aliased = alias == null ? name : alias.name();
      key = alias == null ? key : alias.key();
      keys.put(name, key);
      String first = byKey.putIfAbsent(key, aliased);
      if (first != null && (spellings.containsKey(key) || !first.equals(aliased))) {
        spellings.computeIfAbsent(key, k -> new HashMap<>());
      }
    });
    if (!spellings.isEmpty()) {
      keys.forEach((name, key) -> {
        Map<String, Long> counts = spellings.get(key);
        if (counts != null) {
          Alias alias = ALIASES.get(type).get(key(type, name));
          counts.merge(alias == null ? name : alias.name(), articles.get(name), Long::sum);
        }
      });
      spellings.forEach((key, counts) -> byKey.put(key, preferred(counts)));
    }
    EntityNames spelled = new EntityNames(type, byKey, Map.of(), Map.of(), Map.of(), Map.of());
    // Rule 3: short forms that almost always stand for one full name.
    Map<String, Map<String, Long>> byShortKey = new HashMap<>();
    resolutions.forEach((form, targets) -> {
      Map<String, Long> sum = byShortKey.computeIfAbsent(key(type, form), k -> new HashMap<>());
      targets.forEach((full, n) -> sum.merge(spelled.canonical(full), n, Long::sum));
    });
    Map<String, String> shortForms = new HashMap<>();
    byShortKey.forEach((formKey, targets) -> {
      long all = 0;
      String best = null;
      long bestCount = 0;
      for (Map.Entry<String, Long> e : targets.entrySet()) {
        all += e.getValue() >= MIN_TARGET_RESOLUTIONS ? e.getValue() : 0;
        if (e.getValue() > bestCount
            || (e.getValue() == bestCount && e.getKey().compareTo(best) < 0)) {
          best = e.getKey();
          bestCount = e.getValue();
        }
      }
      if (best != null
          && formKey.indexOf(' ') < 0
          && bestCount >= MIN_RESOLUTIONS
          && bestCount >= DOMINANT_SHARE * all
          && !formKey.equals(key(type, best))) {
        shortForms.put(formKey, best);
      }
    });
    // A form's name may itself be a short form: follow it, so that a canonical name is its own.
    Map<String, String> followed = new HashMap<>();
    shortForms.forEach((formKey, full) -> {
      Set<String> seen = new HashSet<>(Set.of(formKey));
      String next = full;
      while (shortForms.containsKey(key(type, next)) && seen.add(key(type, next))) {
        next = shortForms.get(key(type, next));
      }
      followed.put(formKey, next);
    });
    shortForms.putAll(followed);
    Map<String, String> held = new HashMap<>(articles.size() * 2);
    Map<String, List<String>> variants = new HashMap<>(articles.size() * 2);
    Set<String> several = new HashSet<>();
    keys.forEach((name, key) -> {
      String full = shortForms.get(key);
      String named = full != null ? full : byKey.get(key);
      held.put(name, named);
      List<String> known = variants.putIfAbsent(named, List.of(name));
      if (known != null) {
        List<String> more = several.add(named) ? new ArrayList<>(known) : known;
        more.add(name);
        variants.put(named, more);
      }
    });
    Comparator<String> mostHeld =
        Comparator.<String>comparingLong(articles::get)
            .reversed()
            .thenComparing(Comparator.naturalOrder());
    for (String named : several) {
      List<String> names = variants.get(named);
      names.sort(mostHeld);
      variants.put(named, List.copyOf(names));
    }
    return new EntityNames(type, byKey, shortForms, held, variants, articles);
  }

  /** The entity type of these names. */
  public EntityType type() {
    return type;
  }

  /** The canonical name of {@code name}, which the archive need not hold. */
  public String canonical(String name) {
    String known = held.get(name);
    if (known != null) {
      return known;
    }
    String key = key(type, name);
    Alias alias = ALIASES.get(type).get(key);
    String aliased = alias == null ? name : alias.name();
    key = alias == null ? key : alias.key();
    String full = shortForms.get(key);
    if (full != null) {
      return full;
    }
    String grouped = byKey.get(key);
    return grouped != null ? grouped : aliased;
  }

  /**
   * The names the archive holds that are {@code canonical}, most articles first (ties by name); the
   * canonical name itself among them when some article holds it.
   */
  public List<String> variants(String canonical) {
    return variants.getOrDefault(canonical, List.of());
  }

  /** Every canonical name that some held name has, sorted. */
  public List<String> canonicalNames() {
    List<String> names = new ArrayList<>(variants.keySet());
    Collections.sort(names);
    return names;
  }

  /** In how many articles the archive holds exactly {@code name} (0 when none). */
  public long articles(String name) {
    return articles.getOrDefault(name, 0L);
  }

  /**
   * The held names that a count by canonical name does not count as themselves: those whose
   * canonical name differs, and those that share theirs with another held name. Sorted.
   */
  public List<String> folded() {
    List<String> folded = new ArrayList<>();
    variants.forEach((canonical, names) -> {
      if (names.size() > 1 || !names.get(0).equals(canonical)) {
        folded.addAll(names);
      }
    });
    Collections.sort(folded);
    return folded;
  }

  /**
   * The key under which spellings of one name meet (rule 2): lower case, without accents, dots,
   * hyphens, a leading "the" and, for organizations, trailing company designators.
   */
  public static String key(EntityType type, String name) {
    String text = name;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        break;
      }
    }
    StringBuilder key = new StringBuilder(text.length());
    boolean gap = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' || c == ',') {
        continue;
      }
      if ((c == '\'' || c == '\u2019') && possessive(text, i + 1)) {
        i++;
        continue;
      }
      if (Character.isWhitespace(c) || c == '-') {
        gap = key.length() > 0;
        continue;
      }
      if (gap) {
        key.append(' ');
        gap = false;
      }
      key.append(Character.toLowerCase(c));
    }
    int start = key.length() > 4 && key.indexOf("the ") == 0 ? 4 : 0;
    int end = key.length();
    if (type == EntityType.ORGANIZATION) {
      for (int space = key.lastIndexOf(" ", end - 1);
          space > start && DESIGNATORS.contains(key.substring(space + 1, end));
          space = key.lastIndexOf(" ", end - 1)) {
        end = space;
      }
    }
    return key.substring(start, end);
  }

  /** Whether an "s" that ends a word is at {@code at} in {@code text}, as in "Moody's". */
  private static boolean possessive(String text, int at) {
    return at < text.length()
        && (text.charAt(at) == 's' || text.charAt(at) == 'S')
        && (at + 1 == text.length()
            || Character.isWhitespace(text.charAt(at + 1))
            || text.charAt(at + 1) == ',');
  }

  /** Whether a lower-case word is a company designator ("inc", "corp."), with or without dots. */
  static boolean isDesignator(String lowerWord) {
    return DESIGNATORS.contains(lowerWord.replace(".", "").replace(",", ""));
  }

  /**
   * The spelling most articles use, ties to the longer (the fuller name: "Standard and Poor's Corp"
   * before "Standard and Poor") and then by spelling; one in capitals comes after any in mixed case
   * unless it is a short acronym ("NATO" and "Nato" go by their counts).
   */
  private static String preferred(Map<String, Long> spellings) {
    List<Map.Entry<String, Long>> ranked = new ArrayList<>(spellings.entrySet());
    ranked.sort(
        Comparator.<Map.Entry<String, Long>, Boolean>comparing(e -> inCapitals(e.getKey()))
            .thenComparing(Map.Entry.<String, Long>comparingByValue().reversed())
            .thenComparing(e -> -e.getKey().length())
            .thenComparing(Map.Entry.comparingByKey()));
    return ranked.get(0).getKey();
  }

  private static boolean inCapitals(String name) {
    return TokenFeatures.isAllCaps(name) && (name.length() > SHORT_ACRONYM || name.contains(" "));
  }

  /** For tests and reports: every canonical name that stands for more than one held name. */
  public Map<String, List<String>> merged() {
    Map<String, List<String>> result = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(variants.keySet());
    Collections.sort(names);
    for (String name : names) {
      if (variants.get(name).size() > 1) {
        result.put(name, variants.get(name));
      }
    }
    return result;
  }
}
