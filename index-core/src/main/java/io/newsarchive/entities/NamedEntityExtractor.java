package io.newsarchive.entities;

import io.newsarchive.article.Entity;
import io.newsarchive.article.EntityType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Extracts people, organizations and places with the bundled two-pass tagger trained on CoNLL-2003,
 * then resolves their names within the article (see {@link EntityCanonicalizer}). CoNLL's fourth
 * type, MISC (nationalities, events, works), is tagged but not returned, because the archive has no
 * field for it. A headline written in title case ("Pompeo Threatens to ‘Liquidate’ …") is first put
 * in sentence case with the capitalization statistics of unlabeled news, and its entities are kept
 * only when the body names them too. Immutable and thread-safe.
 */
public final class NamedEntityExtractor implements EntityExtractor {

  /** Where the bundled model lives on the class path. */
  public static final String DEFAULT_MODEL_RESOURCE = "/models/ner-en.bin";

  private static final EntityType[] TYPES = {
    EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION, null
  };

  private static final java.util.regex.Pattern ARTICLE_NAME =
      java.util.regex.Pattern.compile("(al|el|ul)-\\p{Lu}\\p{L}+");

  /** Particles that open a person's name when tagged alone right before it ("Abu" + "Bakr"). */
  private static final java.util.Set<String> NAME_OPENERS =
      WordLists.resourceSet("name-openers.txt").stream()
          .map(word -> word.toLowerCase(Locale.ROOT))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private final NerModel model;
  private final CaseRestorer restorer;

  NamedEntityExtractor(NerModel model) {
    this.model = model;
    this.restorer = new CaseRestorer(model.lexicon());
  }

  /**
   * The extractor with the model bundled in the jar.
   *
   * @throws IllegalStateException when the jar has no model (a broken build)
   */
  public static NamedEntityExtractor loadDefault() {
    try (InputStream in = NamedEntityExtractor.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no named-entity model at " + DEFAULT_MODEL_RESOURCE);
      }
      return new NamedEntityExtractor(NerModel.read(in));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the bundled named-entity model", e);
    }
  }

  /**
   * The extractor with a model file written by the {@code train-entities} command.
   *
   * @throws IOException when the file cannot be read or is not a model
   */
  public static NamedEntityExtractor load(Path modelFile) throws IOException {
    try (InputStream in = Files.newInputStream(modelFile)) {
      return new NamedEntityExtractor(NerModel.read(in));
    }
  }

  /** The model this extractor tags with, for evaluation. */
  public NerModel model() {
    return model;
  }

  /**
   * BILOU labels (see {@link NerLabels}) for the sentences of one document, as {@link #extract}
   * tags them: sentences in capitals are first written as running text would write them, and the
   * short forms of the companies the document names with a designator take their type ({@link
   * DesignatedShortForms}).
   */
  public List<int[]> tag(List<String[]> sentences) {
    List<String[]> restored = restorer.restore(sentences);
    List<int[]> labels = model.tag(restored);
    DesignatedShortForms.relabel(restored, labels);
    return labels;
  }

  @Override
  public List<Entity> extract(String title, String body) {
    Tagged tagged = tag(title == null ? "" : title, body == null ? "" : body);
    return EntityCanonicalizer.entities(
        tagged.mentions(), tagged.introduced(), model.lexicon()::usualSpelling);
  }

  /**
   * An article's tagged mentions and the short names it introduces for longer ones.
   *
   * @param mentions every PER, ORG and LOC mention, headline first, and the country that opens an
   *     organization's name or follows its "of" ("Ghana" of "Ghana Cocoa Board") as a place
   * @param introduced each acronym written in parentheses right after a tagged place or
   *     organization ("International Cocoa Organization (ICCO)") and each short form of a
   *     designated company ("Barrick" of "Barrick Gold Corp", see {@link DesignatedShortForms}),
   *     with that name's words
   */
  record Tagged(List<Mention> mentions, Map<String, List<String>> introduced) {}

  /** All tagged PER, ORG and LOC mentions of an article, headline first. */
  List<Mention> mentions(String title, String body) {
    return tag(title, body).mentions();
  }

  private Tagged tag(String title, String body) {
    NewsTokenizer.Tokens titleTokens = NewsTokenizer.tokenize(title.replace('\n', ' '));
    NewsTokenizer.Tokens bodyTokens = NewsTokenizer.tokenize(body);
    String[] titleWords = titleTokens.words();
    boolean headlineCase = isHeadlineCase(titleWords);
    if (headlineCase) {
      titleWords =
          TokenFeatures.isShouting(titleWords)
              ? restorer.restore(titleWords)
              : sentenceCase(titleWords);
    }
    List<String[]> sentences = new ArrayList<>();
    if (titleWords.length > 0) {
      sentences.add(titleWords);
    }
    for (int s = 0; s < bodyTokens.sentenceStarts().length; s++) {
      int start = bodyTokens.sentenceStarts()[s];
      int end = bodyTokens.sentenceEnd(s);
      if (end > start) {
        sentences.add(Arrays.copyOfRange(bodyTokens.words(), start, end));
      }
    }
    sentences = restorer.restore(sentences);
    List<int[]> labels = model.tag(sentences);
    Map<String, List<String>> introduced =
        new HashMap<>(DesignatedShortForms.relabel(sentences, labels));
    List<Mention> mentions = new ArrayList<>();
    int firstBodySentence = titleWords.length > 0 ? 1 : 0;
    for (int s = 0; s < sentences.size(); s++) {
      boolean inTitle = headlineCase && s == 0 && titleWords.length > 0;
      String[] original = inTitle ? titleTokens.words() : sentences.get(s);
      List<NerLabels.Span> spans = NerLabels.decode(labels.get(s));
      for (NerLabels.Span span : FirmNames.join(original, joinNameParticles(original, spans))) {
        EntityType type = TYPES[span.type()];
        List<String> words = Arrays.asList(original).subList(span.start(), span.end());
        type = listedType(words, type);
        if (s == firstBodySentence && span.start() == 0 && isDateline(original, span.end())) {
          type = EntityType.LOCATION;
        }
        if (type != null) {
          mentions.add(new Mention(words, type, inTitle));
        }
        if (type == EntityType.ORGANIZATION) {
          List<String> country = countryIn(words);
          if (!country.isEmpty()) {
            mentions.add(new Mention(country, EntityType.LOCATION, inTitle));
          }
        }
        if (type == EntityType.ORGANIZATION || type == EntityType.LOCATION) {
          String acronym = introducedAcronym(original, span.end());
          if (!acronym.isEmpty()) {
            introduced.putIfAbsent(acronym, words);
          }
        }
      }
    }
    return new Tagged(mentions, introduced);
  }

  /** The acronym in parentheses at {@code at} ("(", "ICCO", ")"), or empty. */
  private static String introducedAcronym(String[] words, int at) {
    if (at + 2 < words.length && words[at].equals("(") && words[at + 2].equals(")")) {
      String acronym = words[at + 1];
      return Acronyms.letters(acronym).isEmpty() ? "" : acronym;
    }
    return "";
  }

  /**
   * The country an organization's name opens with or names after "of" ("Ghana Cocoa Board", "Bank
   * of Japan", "U.S. Agriculture Department"), as the name lists know countries; empty when none.
   * The organization's articles are about that country as much as the editors' place codes say.
   */
  private List<String> countryIn(List<String> words) {
    List<String> opening = countryAt(words, 0);
    if (!opening.isEmpty() || words.size() < 3) {
      return opening;
    }
    for (int i = 1; i < words.size() - 1; i++) {
      if (words.get(i).equals("of")) {
        return countryAt(words, i + 1);
      }
    }
    return List.of();
  }

  /** The longest country name of at most three words at {@code start} that leaves a word after. */
  private List<String> countryAt(List<String> words, int start) {
    for (int end = Math.min(words.size() - 1, start + 3); end > start; end--) {
      List<String> candidate = words.subList(start, end);
      String text = new Mention(candidate, EntityType.LOCATION, false).text();
      String name = EntityCanonicalizer.ALIASES.getOrDefault(text, text);
      if (model.gazetteer().kind(name.toLowerCase(Locale.ROOT)) == Gazetteer.COUNTRY) {
        return candidate;
      }
    }
    return List.of();
  }

  /**
   * Joins a lone name particle to the person right after it: "Abu" + "Mahdi al-Muhandis" is one
   * name, whatever type the tagger gave "Abu" (it also starts "Abu Dhabi"); and extends a name by
   * an untagged Arabic "al-" word right after it ("Asaib Ahl" + "al-Haq").
   */
  static List<NerLabels.Span> joinNameParticles(String[] words, List<NerLabels.Span> spans) {
    List<NerLabels.Span> result = new ArrayList<>(spans.size());
    for (int k = 0; k < spans.size(); k++) {
      NerLabels.Span span = spans.get(k);
      NerLabels.Span next = k + 1 < spans.size() ? spans.get(k + 1) : null;
      int after = span.end();
      if (after < words.length && ARTICLE_NAME.matcher(words[after]).matches()) {
        // "Asaib Ahl" + "al-Haq" (untagged or tagged alone): an "al-" word right after a name
        // ends that name.
        if (next == null || next.start() > after) {
          span = new NerLabels.Span(span.start(), after + 1, span.type());
        } else if (next.end() == after + 1) {
          span = new NerLabels.Span(span.start(), after + 1, span.type());
          k++;
          next = k + 1 < spans.size() ? spans.get(k + 1) : null;
        }
      }
      boolean particle =
          span.end() - span.start() == 1
              && NAME_OPENERS.contains(words[span.start()].toLowerCase(Locale.ROOT));
      if (particle
          && next != null
          && next.start() == span.end()
          && TYPES[next.type()] == EntityType.PERSON) {
        result.add(new NerLabels.Span(span.start(), next.end(), next.type()));
        k++;
      } else {
        result.add(span);
      }
    }
    return result;
  }

  /**
   * The type the name lists give a mention when the tagger, trained on 1996 Reuters news, cannot
   * know it: a name that contains a listed organization ("Kataib Hezbollah") is an organization; a
   * person-like name that opens with an organization designator ("Asaib Ahl al-Haq") is one too; a
   * name of three or more words that opens with a name particle ("Abu Mahdi al-Muhandis") and holds
   * no organization word is a person; a country the tagger took for an organization, as in "the
   * U.S. said", is a place, and so is a US state's dateline abbreviation ("Minn."). Otherwise the
   * tagger's type stands.
   */
  private EntityType listedType(List<String> words, EntityType tagged) {
    Gazetteer lists = model.gazetteer();
    if (tagged == EntityType.ORGANIZATION) {
      String text = new Mention(words, tagged, false).text();
      String name = EntityCanonicalizer.ALIASES.getOrDefault(text, text);
      if (lists.kind(name.toLowerCase(Locale.ROOT)) == Gazetteer.COUNTRY) {
        return EntityType.LOCATION;
      }
      if (words.size() == 1 && EntityCanonicalizer.STATES.containsKey(text)) {
        // A state's abbreviation in a wire dateline ("ST. PAUL, Minn."), whatever its case.
        return EntityType.LOCATION;
      }
    }
    boolean organizationWord = false;
    for (String word : words) {
      int kind = lists.kind(word.toLowerCase(Locale.ROOT));
      if (kind == Gazetteer.ORGANIZATION && words.size() > 1) {
        return EntityType.ORGANIZATION;
      }
      organizationWord |= kind == Gazetteer.ORGANIZATION_WORD;
    }
    int first = lists.kind(words.get(0).toLowerCase(Locale.ROOT));
    if (tagged == EntityType.PERSON && first == Gazetteer.ORGANIZATION_WORD && words.size() > 1) {
      return EntityType.ORGANIZATION;
    }
    if (first == Gazetteer.NAME_PARTICLE && words.size() >= 3 && !organizationWord) {
      return EntityType.PERSON;
    }
    return tagged;
  }

  /**
   * Whether the words from {@code end} on continue a wire dateline: a comma, then a month and a day
   * within a few words ("SAO PAULO, March 3 -", "OKLAHOMA CITY, Okla. March 11"), so the name
   * before them is the place the story was filed from.
   */
  static boolean isDateline(String[] words, int end) {
    if (end >= words.length || !words[end].equals(",")) {
      return false;
    }
    for (int i = end + 1; i < Math.min(words.length - 1, end + 5); i++) {
      if (MONTHS.contains(words[i].toLowerCase(Locale.ROOT))
          && Character.isDigit(words[i + 1].charAt(0))) {
        return true;
      }
    }
    return false;
  }

  private static final java.util.Set<String> MONTHS =
      java.util.Set.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "jan",
          "feb",
          "mar",
          "apr",
          "jun",
          "jul",
          "aug",
          "sep",
          "sept",
          "oct",
          "nov",
          "dec");

  /** Whether most of a headline's words are capitalized, as in "Pompeo Threatens to Act". */
  static boolean isHeadlineCase(String[] words) {
    int letters = 0;
    int capitalized = 0;
    for (String w : words) {
      if (w.length() > 3 && Character.isLetter(w.charAt(0))) {
        letters++;
        if (Character.isUpperCase(w.charAt(0))) {
          capitalized++;
        }
      }
    }
    return letters >= 2 && capitalized * 4 >= letters * 3;
  }

  /** Lower-cases headline words that unlabeled news mostly writes in lower case. */
  private String[] sentenceCase(String[] words) {
    String[] result = words.clone();
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      int bin = model.lexicon().caseBin(w);
      if (bin >= 0 && bin <= 2 && !isAcronym(w)) {
        result[i] = w.toLowerCase(Locale.ROOT);
      } else if (TokenFeatures.isAllCaps(w) && w.length() > 3 && bin >= 4) {
        result[i] = w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT);
      }
    }
    return result;
  }

  private static boolean isAcronym(String w) {
    return w.length() <= 3 && TokenFeatures.isAllCaps(w);
  }
}
