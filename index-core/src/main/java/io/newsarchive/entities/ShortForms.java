package io.newsarchive.entities;

import io.newsarchive.article.EntityType;
import io.newsarchive.entities.EntityCanonicalizer.Named;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Resolves the short forms of one article's names to the fuller names they stand for: a mention
 * that ends a longer name ("Pompeo", "Bra Kanon": persons of any tagged type, organizations of
 * organizations), an acronym the article introduces in parentheses or whose letters spell one
 * longer organization or place name of the article ({@link Acronyms}), and a person or organization
 * that opens a longer organization name ("Dean Witter", "Moody"), and an organization that the
 * tagging took for a designated company's short form ({@link DesignatedShortForms}: "Barrick" of
 * "Barrick Gold Corp"). A short form that fits several names is left out; once resolved, every
 * mention spelled like it follows. Confined to one article's resolution; not thread-safe.
 */
final class ShortForms {

  /** What a short form that fits several longer names resolves to. */
  private static final Named AMBIGUOUS = new Named("", "", List.of(), "", EntityType.PERSON, false);

  private final List<Named> mentions;
  private final Map<String, Named> introduced;

  /** The article's longest names: names that are no part of a longer name of the article. */
  private final List<Named> longest = new ArrayList<>();

  /** Each spelling key ({@link EntityNames#key}) and the names of the article that have it. */
  private final Map<String, Set<String>> spellings = new HashMap<>();

  ShortForms(List<Named> mentions, Map<String, Named> introduced) {
    this.mentions = mentions;
    this.introduced = introduced;
    Map<String, Named> byKey = new LinkedHashMap<>();
    for (Named n : mentions) {
      spellings.computeIfAbsent(spelling(n), k -> new HashSet<>()).add(n.name());
      // One per type: a name tagged as a person and as an organization is a candidate as both.
      byKey.putIfAbsent(n.spelling() + '\t' + n.type(), n);
    }
    for (Named n : byKey.values()) {
      boolean inside = false;
      for (Named other : byKey.values()) {
        inside |= other != n && (endsWith(other, n) || opens(other, n));
      }
      if (!inside) {
        longest.add(n);
      }
    }
  }

  /**
   * Every mention, resolved to the name it stands for, in the order given; without the mentions
   * that fit several longer names of the article, which could stand for any of them.
   */
  List<Named> resolveAll() {
    Map<String, Named> byWritten = new HashMap<>();
    List<Named> result = new ArrayList<>(mentions.size());
    for (Named n : mentions) {
      Named full = resolve(n);
      if (full != null && full != AMBIGUOUS) {
        byWritten.putIfAbsent(EntityCanonicalizer.key(n.name()), full);
        byWritten.putIfAbsent(EntityCanonicalizer.key(n.written()), full);
      }
      result.add(full == null ? n : full == AMBIGUOUS ? AMBIGUOUS : n.as(full));
    }
    // A mention spelled like a resolved one is the same name, whatever type the tagger gave it.
    for (int i = 0; i < result.size(); i++) {
      Named n = result.get(i);
      if (n != AMBIGUOUS && n.name().equals(mentions.get(i).name())) {
        Named full = byWritten.get(EntityCanonicalizer.key(n.name()));
        if (full != null && !full.name().equals(n.name())) {
          result.set(i, n.as(full));
        }
      }
    }
    // Kept, an ambiguous "Baker" beside "James Baker" and "Howard Baker" would be counted twice
    // wherever the archive's names take "Baker" for one of them.
    result.removeIf(n -> n == AMBIGUOUS);
    return result;
  }

  /**
   * The longer name {@code n} stands for, {@link #AMBIGUOUS} when it fits several, or null when it
   * stands for itself.
   */
  private Named resolve(Named n) {
    if (spellings.get(spelling(n)).size() > 1) {
      // Another spelling of the same name ("Calmat" beside "Calmat Co"): they are one entity,
      // unless it also ends a longer name ("Lorimar" beside "Lorimar Inc" and "Karl Lorimar").
      return only(ShortForms::endsWith, n) == null ? null : AMBIGUOUS;
    }
    String letters = n.name().equals(n.written()) ? Acronyms.letters(n.name()) : "";
    if (!letters.isEmpty()) {
      Named expansion = introduced.get(n.name());
      if (expansion != null) {
        return typed(expansion);
      }
      Named initials =
          only((full, s) -> expands(full, n) && Acronyms.initials(letters, full.words()), n);
      if (initials != null && initials != AMBIGUOUS) {
        return initials;
      }
      Named spelled =
          only((full, s) -> expands(full, n) && Acronyms.abbreviates(letters, full.words()), n);
      if (spelled != null) {
        return spelled;
      }
      if (initials == AMBIGUOUS) {
        return AMBIGUOUS;
      }
    }
    Named ended = only(ShortForms::endsWith, n);
    if (ended != null) {
      // "Baker" beside "James Baker" is the person, even where "Baker Hughes Inc" made it a firm.
      return ended;
    }
    Named designated = introduced.get(n.name());
    if (designated != null && n.type() == EntityType.ORGANIZATION) {
      return typed(designated);
    }
    return only(ShortForms::opens, n);
  }

  private static String spelling(Named n) {
    return n.spelling();
  }

  /**
   * Whether {@code full} may be what the acronym {@code n} abbreviates: a place or organization of
   * several words that does not hold the acronym itself ("EC" is not "EC Commission"), whatever
   * number of words the acronym has ("S and P").
   */
  private static boolean expands(Named full, Named n) {
    return full.type() != EntityType.PERSON
        && full.words().size() > 1
        && !full.spelling().equals(n.spelling())
        && !full.words().contains(n.name());
  }

  /**
   * The one longest name of the article that {@code fits} {@code n}, {@link #AMBIGUOUS} when
   * several do, or null when none does.
   */
  private Named only(BiPredicate<Named, Named> fits, Named n) {
    Named found = null;
    for (Named full : longest) {
      if (fits.test(full, n)) {
        if (found != null && !found.spelling().equals(full.spelling())) {
          return AMBIGUOUS;
        }
        found = full;
      }
    }
    return found;
  }

  /** The expansion of an introduced short name with the type the article's mentions give it. */
  private Named typed(Named expansion) {
    String key = EntityCanonicalizer.key(expansion.name());
    for (Named n : mentions) {
      if (EntityCanonicalizer.key(n.name()).equals(key)) {
        return n;
      }
    }
    return expansion;
  }

  /**
   * Whether {@code part} is the end of the longer name {@code full}: a person's end stands for the
   * person whatever type it was tagged, an organization's only for an organization; the last word
   * may drop an Arabic article ("Kadhimi" ends "Mustafa al-Kadhimi").
   */
  static boolean endsWith(Named full, Named part) {
    boolean types =
        full.type() == EntityType.PERSON
            || (full.type() == EntityType.ORGANIZATION && part.type() == EntityType.ORGANIZATION);
    if (!types) {
      return false;
    }
    List<String> fw = full.words();
    List<String> pw = part.words();
    int offset = fw.size() - pw.size();
    if (offset <= 0) {
      return false;
    }
    for (int i = 0; i < pw.size(); i++) {
      String f = EntityCanonicalizer.key(fw.get(offset + i));
      String p = EntityCanonicalizer.key(pw.get(i));
      boolean last = i == pw.size() - 1;
      if (!f.equals(p) && !(last && bare(fw.get(offset + i)).equals(p))) {
        return false;
      }
    }
    return true;
  }

  private static String bare(String word) {
    return EntityCanonicalizer.key(EntityCanonicalizer.withoutArticle(word));
  }

  /**
   * Whether the person or organization {@code part} opens the longer organization name {@code full}
   * as a firm's short name does: "Dean Witter" opens "Dean Witter Reynolds Inc", "Moody" opens
   * "Moody's Investors Service". A person opens only a name that ends in a company designator or
   * holds it as a possessive, and an organization of one word only one that holds it as a
   * possessive, so "Senate" stays apart from "Senate Finance Committee", "Reagan" from "Reagan
   * Administration" and the agency "Reuters" from "Reuters Holdings Plc".
   */
  static boolean opens(Named full, Named part) {
    if (full.type() != EntityType.ORGANIZATION || part.type() == EntityType.LOCATION) {
      return false;
    }
    List<String> fw = full.words();
    List<String> pw = part.words();
    if (fw.size() <= pw.size()) {
      return false;
    }
    boolean possessive = false;
    for (int i = 0; i < pw.size(); i++) {
      String f = EntityCanonicalizer.key(fw.get(i));
      if (f.endsWith(",")) {
        f = f.substring(0, f.length() - 1);
      }
      if (i == pw.size() - 1 && f.endsWith("'s")) {
        f = f.substring(0, f.length() - 2);
        possessive = true;
      }
      if (!f.equals(EntityCanonicalizer.key(pw.get(i)))) {
        return false;
      }
    }
    String last = EntityCanonicalizer.key(fw.get(fw.size() - 1));
    if (pw.size() == 1 && part.type() == EntityType.ORGANIZATION) {
      return possessive;
    }
    return possessive
        || EntityNames.isDesignator(last)
        || (pw.size() > 1 && part.type() == EntityType.ORGANIZATION);
  }
}
