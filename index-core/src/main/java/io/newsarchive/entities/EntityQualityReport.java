package io.newsarchive.entities;

import io.newsarchive.article.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an archive's entity facets show, to check their quality: per type, the most held canonical
 * names with the variants merged into each and their article counts, and the suspect values among
 * all names: common words (every word one that news writes in lower case more often than
 * capitalized, as the tagger's lexicon counts it), single tokens in lower case, and names that are
 * also a name of another type. Immutable and thread-safe.
 */
public final class EntityQualityReport {

  /** The fewest articles a suspect value is reported at: rarer ones are noise. */
  public static final int SUSPECT_ARTICLES = 3;

  /** The highest lexicon case bin of a word written in lower case more often than capitalized. */
  private static final int LOWER_CASE_BIN = 2;

  /**
   * One canonical name of a facet.
   *
   * @param name the canonical name
   * @param articles the articles that hold any of its variants
   * @param variants the held names merged into it, most articles first
   */
  public record Canonical(String name, long articles, List<Variant> variants) {}

  /** A held name and the articles that hold it. */
  public record Variant(String name, long articles) {}

  /** Why a name looks wrong. */
  public enum Suspicion {
    COMMON_WORD("common word"),
    LOWER_CASE("lower case"),
    OTHER_TYPE("also another type");

    private final String label;

    Suspicion(String label) {
      this.label = label;
    }

    /** How the report prints it. */
    public String label() {
      return label;
    }
  }

  /** A suspect canonical name, its articles and why it is suspect. */
  public record Suspect(String name, long articles, Suspicion why) {}

  private final Map<EntityType, List<Canonical>> top = new EnumMap<>(EntityType.class);
  private final Map<EntityType, List<Suspect>> suspects = new EnumMap<>(EntityType.class);

  /**
   * The report of an archive.
   *
   * @param tables the archive's canonical names, one table per type
   * @param extractor the extractor whose lexicon tells common words
   * @param size how many canonical names of each type the top lists hold
   */
  public EntityQualityReport(
      Map<EntityType, EntityNames> tables, NamedEntityExtractor extractor, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("the top list needs at least one name, got " + size);
    }
    Map<EntityType, List<Canonical>> all = new EnumMap<>(EntityType.class);
    for (EntityType type : EntityType.values()) {
      all.put(type, canonicals(tables.get(type)));
      top.put(type, List.copyOf(all.get(type).subList(0, Math.min(size, all.get(type).size()))));
    }
    WordLexicon lexicon = extractor.model().lexicon();
    for (EntityType type : EntityType.values()) {
      List<Suspect> found = new ArrayList<>();
      for (Canonical c : all.get(type)) {
        if (c.articles() < SUSPECT_ARTICLES) {
          break;
        }
        if (isCommonWords(c.name(), lexicon)) {
          found.add(new Suspect(c.name(), c.articles(), Suspicion.COMMON_WORD));
        } else if (c.name().indexOf(' ') < 0 && Character.isLowerCase(c.name().charAt(0))) {
          found.add(new Suspect(c.name(), c.articles(), Suspicion.LOWER_CASE));
        }
        for (EntityType other : EntityType.values()) {
          if (other != type && held(tables.get(other), c.name()) >= SUSPECT_ARTICLES) {
            found.add(new Suspect(c.name(), c.articles(), Suspicion.OTHER_TYPE));
            break;
          }
        }
      }
      suspects.put(type, List.copyOf(found));
    }
  }

  /** The most held canonical names of {@code type}, most articles first (ties by name). */
  public List<Canonical> top(EntityType type) {
    return top.get(type);
  }

  /** The suspect canonical names of {@code type}, most articles first. */
  public List<Suspect> suspects(EntityType type) {
    return suspects.get(type);
  }

  /** The report as text: per type, the top names with their variants, then the suspects. */
  public String text() {
    StringBuilder out = new StringBuilder();
    for (EntityType type : EntityType.values()) {
      String label = type.name().toLowerCase(Locale.ROOT);
      out.append(String.format("%s: top %d%n", label, top.get(type).size()));
      int rank = 0;
      for (Canonical c : top.get(type)) {
        out.append(String.format("%4d %7d  %s", ++rank, c.articles(), c.name()));
        if (c.variants().size() > 1 || !c.variants().get(0).name().equals(c.name())) {
          out.append("  <=");
          for (Variant v : c.variants()) {
            out.append(String.format(" %s (%d);", v.name(), v.articles()));
          }
          out.setLength(out.length() - 1);
        }
        out.append(System.lineSeparator());
      }
      out.append(String.format("%s: %d suspect values%n", label, suspects.get(type).size()));
      for (Suspect s : suspects.get(type)) {
        out.append(String.format("     %7d  %s  (%s)%n", s.articles(), s.name(), s.why().label()));
      }
      out.append(System.lineSeparator());
    }
    return out.toString();
  }

  private static List<Canonical> canonicals(EntityNames names) {
    List<Canonical> result = new ArrayList<>();
    for (String name : names.canonicalNames()) {
      List<Variant> variants = new ArrayList<>();
      long articles = 0;
      for (String held : names.variants(name)) {
        variants.add(new Variant(held, names.articles(held)));
        articles += names.articles(held);
      }
      result.add(new Canonical(name, articles, List.copyOf(variants)));
    }
    result.sort(
        Comparator.comparingLong(Canonical::articles).reversed().thenComparing(Canonical::name));
    return result;
  }

  /** The articles that hold any variant of {@code name}'s canonical name in {@code names}. */
  private static long held(EntityNames names, String name) {
    long articles = 0;
    for (String variant : names.variants(names.canonical(name))) {
      articles += names.articles(variant);
    }
    return articles;
  }

  private static boolean isCommonWords(String name, WordLexicon lexicon) {
    for (String word : name.split(" ")) {
      int bin = lexicon.caseBin(word);
      if (bin < 0 || bin > LOWER_CASE_BIN) {
        return false;
      }
    }
    return true;
  }
}
