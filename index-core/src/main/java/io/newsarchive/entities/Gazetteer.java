package io.newsarchive.entities;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

/**
 * Lists of names: the English names of ISO 3166 countries and the cities that name time zones (both
 * from the JDK), and the lists in {@code data/gazetteers/} (see its README: organization designator
 * words, well-known organizations, places, nationalities, given and family names, name particles).
 * Tags tokens that start or continue a listed name, so that names rare in the training data still
 * look like what they are. A name on several lists keeps the kind of the first: the JDK lists, then
 * the {@link GazetteerList}s in order, from the most specific list to the least ("Chad" stays a
 * country, not a given name). The lists are stored in the model, so tagging does not depend on the
 * JDK or the working directory. Immutable and thread-safe.
 *
 * <p>Public for the entity model's training ({@code io.newsarchive.entities.train}) and evaluation
 * ({@code io.newsarchive.entities.eval}) only; not an API for other callers.
 */
public final class Gazetteer {

  /** Kind of the JDK's country names. */
  static final int COUNTRY = 0;

  /** Kind of the JDK's time-zone cities. */
  static final int CITY = 1;

  private static final int MAX_TOKENS = 4;

  /**
   * How a model file stores a name's kinds in one byte: the kind of the first layer in the low four
   * bits ({@link #NO_KIND} when only an {@link GazetteerList.Layer#ALSO} list has the name), the
   * kind of the other layer less {@link #ALSO_BASE} in the high bits (0 when none has it), so that
   * models trained before that layer read as they were written.
   */
  private static final int NO_KIND = 15;

  private static final int ALSO_BASE = GazetteerList.SPORTS_CLUBS.kind() - 1;

  /** In a phrase's entry of {@link #phrases}: a longer name starts with the phrase. */
  private static final int LONGER = 1;

  private final Map<String, Integer> names;
  private final Map<String, Integer> alsoNames;

  /** The phrases of {@link #names}, see {@link #phrases(Map)}. */
  private final Map<String, Integer> phrases;

  /** The phrases of {@link #alsoNames}, see {@link #phrases(Map)}. */
  private final Map<String, Integer> alsoPhrases;

  private Gazetteer(Map<String, Integer> names, Map<String, Integer> alsoNames) {
    this.names = Map.copyOf(names);
    this.alsoNames = Map.copyOf(alsoNames);
    this.phrases = phrases(names);
    this.alsoPhrases = phrases(alsoNames);
  }

  /**
   * Every name of {@code names} and every run of its first words: {@code (1 + kind) << 1} for a
   * name (0 for a run that is only the start of longer names), plus {@link #LONGER} when a longer
   * name starts with it. Tagging then extends a phrase word by word only while a longer name may
   * follow, with one lookup per word, instead of looking up every run of up to {@value #MAX_TOKENS}
   * words after each word that starts a name.
   */
  private static Map<String, Integer> phrases(Map<String, Integer> names) {
    Map<String, Integer> phrases = new HashMap<>(names.size() * 2);
    names.forEach((name, kind) -> phrases.merge(name, (1 + kind) << 1, (a, b) -> a | b));
    for (String name : names.keySet()) {
      for (int space = name.indexOf(' '); space > 0; space = name.indexOf(' ', space + 1)) {
        phrases.merge(name.substring(0, space), LONGER, (a, b) -> a | b);
      }
    }
    return phrases;
  }

  /** Whether a tag marks a name particle, which is written in lower case too ("bin", "von"). */
  static boolean isParticleTag(int tag) {
    return tag > 0 && (tag - 1) / 2 == NAME_PARTICLE;
  }

  /** Kind of the project list {@code organization-words.txt}. */
  static final int ORGANIZATION_WORD = GazetteerList.ORGANIZATION_WORDS.kind();

  /** Kind of the project list {@code organizations.txt}. */
  static final int ORGANIZATION = GazetteerList.ORGANIZATIONS.kind();

  /** Kind of the project list {@code name-particles.txt}. */
  static final int NAME_PARTICLE = GazetteerList.NAME_PARTICLES.kind();

  /** The list kind of a lower-case name, or -1 when no list has it. */
  int kind(String lowerName) {
    Integer kind = names.get(lowerName);
    return kind == null ? -1 : kind;
  }

  static Gazetteer empty() {
    return new Gazetteer(Map.of(), Map.of());
  }

  /**
   * The JDK's countries and time-zone cities plus the lists in {@code folder}, if it is not null.
   *
   * @throws IOException when a list file in the folder cannot be read
   */
  public static Gazetteer build(Path folder) throws IOException {
    Map<String, Integer> names = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      String name = Locale.of("", code).getDisplayCountry(Locale.ENGLISH);
      if (!name.isBlank() && !name.equals(code)) {
        names.putIfAbsent(key(name), COUNTRY);
        int comma = name.indexOf(',');
        if (comma > 0) {
          names.putIfAbsent(key(name.substring(0, comma)), COUNTRY);
        }
      }
    }
    for (String id : TimeZone.getAvailableIDs()) {
      int slash = id.lastIndexOf('/');
      if (slash > 0 && !id.startsWith("Etc/") && !id.startsWith("SystemV/")) {
        names.putIfAbsent(key(id.substring(slash + 1).replace('_', ' ')), CITY);
      }
    }
    Map<String, Integer> alsoNames = new HashMap<>();
    if (folder != null) {
      for (GazetteerList list : GazetteerList.values()) {
        Map<String, Integer> layer = list.layer() == GazetteerList.Layer.FIRST ? names : alsoNames;
        for (String name : WordLists.read(folder.resolve(list.file()))) {
          layer.putIfAbsent(key(name), list.kind());
        }
      }
    }
    return new Gazetteer(names, alsoNames);
  }

  /**
   * Per token of a lower-cased sentence: 0 outside any listed name, else {@code 1 + 2 * kind} for a
   * name's first token and {@code 2 + 2 * kind} for the others.
   */
  int[] tag(String[] lowerWords) {
    return tag(lowerWords, phrases, null);
  }

  /**
   * The same, given each word's own entry ({@link #entry}), as the tagger keeps them per word: one
   * lookup fewer per word.
   */
  int[] tag(String[] lowerWords, int[] entries) {
    return tag(lowerWords, phrases, entries);
  }

  /**
   * What {@link #tag} reads of a lower-case word by itself: whether a name is the word or starts
   * with it, and of what kind; -1 when neither.
   */
  int entry(String lowerWord) {
    return entryOf(phrases, lowerWord);
  }

  /** The same for {@link #tagAlso}. */
  int alsoEntry(String lowerWord) {
    return entryOf(alsoPhrases, lowerWord);
  }

  private static int entryOf(Map<String, Integer> phrases, String phrase) {
    Integer found = phrases.get(phrase);
    return found == null ? -1 : found;
  }

  /**
   * Per token of a lower-cased sentence, as {@link #tag} gives them, the tags of the names on the
   * lists of {@link GazetteerList.Layer#ALSO} ("nurnberg" a club, "heineken" a listed firm),
   * whatever the other lists call them.
   */
  int[] tagAlso(String[] lowerWords) {
    return tag(lowerWords, alsoPhrases, null);
  }

  /** The same, given each word's own entry ({@link #alsoEntry}). */
  int[] tagAlso(String[] lowerWords, int[] entries) {
    return tag(lowerWords, alsoPhrases, entries);
  }

  /**
   * Tags the longest listed name of at most {@value #MAX_TOKENS} words at each word, in turn.
   *
   * @param entries each word's own entry in {@code phrases}, or null to look them up
   */
  private static int[] tag(String[] words, Map<String, Integer> phrases, int[] entries) {
    int[] tags = new int[words.length];
    int i = 0;
    while (i < words.length) {
      int matched = 0;
      int kind = -1;
      String phrase = words[i];
      for (int len = 1; ; len++) {
        int found = len == 1 && entries != null ? entries[i] : entryOf(phrases, phrase);
        if (found < 0) {
          break;
        }
        if (found >>> 1 > 0) {
          matched = len;
          kind = (found >>> 1) - 1;
        }
        if ((found & LONGER) == 0 || len == MAX_TOKENS || i + len == words.length) {
          break;
        }
        phrase = phrase + ' ' + words[i + len];
      }
      if (matched == 0) {
        i++;
        continue;
      }
      tags[i] = 1 + 2 * kind;
      for (int j = i + 1; j < i + matched; j++) {
        tags[j] = 2 + 2 * kind;
      }
      i += matched;
    }
    return tags;
  }

  /** Writes the tables in key order, so that the same model is always the same bytes. */
  void write(DataOutput out) throws IOException {
    Map<String, Integer> stored = new TreeMap<>();
    names.forEach((name, kind) -> stored.put(name, kind));
    alsoNames.forEach((name, kind) ->
        stored.put(name, stored.getOrDefault(name, NO_KIND) | (kind - ALSO_BASE) << 4));
    out.writeInt(stored.size());
    for (Map.Entry<String, Integer> e : stored.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeByte(e.getValue());
    }
  }

  static Gazetteer read(DataInput in) throws IOException {
    int size = in.readInt();
    Map<String, Integer> names = new HashMap<>(size * 2);
    Map<String, Integer> alsoNames = new HashMap<>();
    for (int i = 0; i < size; i++) {
      String name = in.readUTF();
      int stored = in.readUnsignedByte();
      if ((stored & NO_KIND) != NO_KIND) {
        names.put(name, stored & NO_KIND);
      }
      if (stored >> 4 != 0) {
        alsoNames.put(name, ALSO_BASE + (stored >> 4));
      }
    }
    return new Gazetteer(names, alsoNames);
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
