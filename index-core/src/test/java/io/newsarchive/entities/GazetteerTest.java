package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GazetteerTest {

  private static String[] lower(String text) {
    return text.toLowerCase(java.util.Locale.ROOT).split(" ");
  }

  /** Tag of a name's first token of list kind {@code kind}. */
  private static int first(int kind) {
    return 1 + 2 * kind;
  }

  /** Tag of a name's later tokens of list kind {@code kind}. */
  private static int rest(int kind) {
    return 2 + 2 * kind;
  }

  @Test
  void listsGiveTheKindsOfTheBundledModel() throws IOException {
    // The kinds are features of the model's weights: every listed name of the bundled model must
    // get the same kind from the lists today. (JDK names are left out: they vary with the JDK.)
    NerModel bundled;
    try (InputStream in = Files.newInputStream(Path.of("../data/models/ner-en.bin"))) {
      bundled = NerModel.read(in);
    }
    Gazetteer built = Gazetteer.build(Path.of("../data/gazetteers"));
    int listed = 0;
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(bytes(bundled.gazetteer())))) {
      for (int i = in.readInt(); i > 0; i--) {
        String name = in.readUTF();
        in.readByte();
        int kind = bundled.gazetteer().kind(name);
        if (kind != Gazetteer.COUNTRY && kind != Gazetteer.CITY) {
          String[] words = name.split(" ");
          assertThat(built.kind(name)).as(name).isEqualTo(kind);
          assertThat(built.tagAlso(words)).as(name).isEqualTo(bundled.gazetteer().tagAlso(words));
          listed++;
        }
      }
    }
    assertThat(listed).isGreaterThan(1000);
  }

  private static byte[] bytes(Gazetteer gazetteer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataOutputStream data = new DataOutputStream(out)) {
      gazetteer.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void everyListFileExistsAndHasItsOwnKindAfterTheJdkLists() {
    Set<Integer> kinds = new HashSet<>(List.of(Gazetteer.COUNTRY, Gazetteer.CITY));
    for (GazetteerList list : GazetteerList.values()) {
      assertThat(Path.of("../data/gazetteers", list.file())).as(list.file()).isRegularFile();
      assertThat(kinds.add(list.kind())).as("kind of %s is new", list.file()).isTrue();
      assertThat(list.kind()).as("kind fits the model's byte").isLessThan(Byte.MAX_VALUE);
    }
  }

  @Test
  void tagsTheLongestListedNameFromTheJdkAndProjectLists() throws IOException {
    Gazetteer gazetteer = Gazetteer.build(Path.of("../data/gazetteers"));
    assertThat(gazetteer.tag(lower("troops left New Zealand for Kataib Hezbollah bases")))
        .containsExactly(
            0,
            0,
            first(Gazetteer.COUNTRY),
            rest(Gazetteer.COUNTRY),
            0,
            first(Gazetteer.ORGANIZATION_WORD),
            first(Gazetteer.ORGANIZATION),
            0);
    assertThat(gazetteer.tag(lower("Abu Mahdi in Baghdad")))
        .containsExactly(
            first(Gazetteer.NAME_PARTICLE),
            first(GazetteerList.FIRST_NAMES.kind()),
            0,
            first(Gazetteer.CITY));
    assertThat(gazetteer.tag(lower("Mike Pompeo met Germans from Aston Villa")))
        .containsExactly(
            first(GazetteerList.FIRST_NAMES.kind()),
            0,
            0,
            first(GazetteerList.DEMONYMS.kind()),
            0,
            first(GazetteerList.ORGANIZATIONS_KNOWN.kind()),
            rest(GazetteerList.ORGANIZATIONS_KNOWN.kind()));
  }

  @Test
  void aNameOnSeveralListsKeepsTheKindOfTheFirst() throws IOException {
    Gazetteer gazetteer = Gazetteer.build(Path.of("../data/gazetteers"));
    // "chad" is a given name in first-names.txt and a country in the JDK's list.
    assertThat(gazetteer.kind("chad")).isEqualTo(Gazetteer.COUNTRY);
    assertThat(gazetteer.kind("sofia")).isEqualTo(Gazetteer.CITY);
    assertThat(gazetteer.kind("mike")).isEqualTo(GazetteerList.FIRST_NAMES.kind());
    assertThat(gazetteer.kind("kabul")).isEqualTo(Gazetteer.CITY);
  }

  @Test
  void eachWordsOwnEntryTagsAsItsLookupDoes() throws IOException {
    Gazetteer gazetteer = Gazetteer.build(Path.of("../data/gazetteers"));
    for (String sentence :
        List.of(
            "Barcelona beat Bayern Munich as Heineken said",
            "troops left New Zealand for Kataib Hezbollah bases",
            "Mike Pompeo met Germans from Aston Villa in New York City",
            "the bank of new york and the new york stock exchange")) {
      String[] words = lower(sentence);
      int[] entries = new int[words.length];
      int[] alsoEntries = new int[words.length];
      for (int i = 0; i < words.length; i++) {
        entries[i] = gazetteer.entry(words[i]);
        alsoEntries[i] = gazetteer.alsoEntry(words[i]);
      }
      assertThat(gazetteer.tag(words, entries)).as(sentence).containsExactly(gazetteer.tag(words));
      assertThat(gazetteer.tagAlso(words, alsoEntries))
          .as(sentence)
          .containsExactly(gazetteer.tagAlso(words));
    }
    assertThat(gazetteer.entry("zzzqx")).isEqualTo(-1);
    assertThat(gazetteer.entry("new")).isPositive();
  }

  @Test
  void clubsAndListedFirmsAreTaggedApartFromThePlacesTheyAreNamedAfter() throws IOException {
    Gazetteer gazetteer = Gazetteer.build(Path.of("../data/gazetteers"));
    int club = GazetteerList.SPORTS_CLUBS.kind();
    int firm = GazetteerList.LISTED_COMPANIES.kind();
    int place = first(GazetteerList.PLACES.kind());
    String[] words = lower("Barcelona beat Bayern Munich as Heineken said");
    assertThat(gazetteer.tag(words)).containsExactly(place, 0, 0, place, 0, 0, 0);
    assertThat(gazetteer.tagAlso(words))
        .containsExactly(first(club), 0, first(club), rest(club), 0, first(firm), 0);
    // Names only on those lists have no kind of their own.
    assertThat(gazetteer.kind("heineken")).isEqualTo(-1);
  }

  @Test
  void aTeamsCityIsTaggedApartFromTheTeamAndFromClubsNamedAfterIt() throws IOException {
    Gazetteer gazetteer = Gazetteer.build(Path.of("../data/gazetteers"));
    int city = GazetteerList.TEAM_CITIES.kind();
    int team = GazetteerList.SPORTS_TEAMS.kind();
    // Results tables name a team by its city alone; "Chicago" is also a football club's name.
    String[] words = lower("Chicago 4 NY Rangers 2 ( St Louis Blues )");
    assertThat(gazetteer.tagAlso(words))
        .containsExactly(
            first(city), 0, first(team), rest(team), 0, 0, first(team), rest(team), rest(team), 0);
    assertThat(gazetteer.tag(words)[0]).isEqualTo(first(Gazetteer.CITY));
  }

  @Test
  void partiesUniversitiesAndAirlinesHaveKindsOfTheirOwn() throws IOException {
    Gazetteer gazetteer = Gazetteer.build(Path.of("../data/gazetteers"));
    String[] words = lower("Civic Platform met University of Oxford with Aer Lingus");
    int party = GazetteerList.POLITICAL_PARTIES.kind();
    int university = GazetteerList.UNIVERSITIES.kind();
    int airline = GazetteerList.AIRLINES.kind();
    assertThat(gazetteer.tagAlso(words))
        .containsExactly(
            first(party),
            rest(party),
            0,
            first(university),
            rest(university),
            rest(university),
            0,
            first(airline),
            rest(airline));
  }

  @Test
  void bothLayersOfTagsReadBackFromAModel() throws IOException {
    Gazetteer built = Gazetteer.build(Path.of("../data/gazetteers"));
    Gazetteer read;
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes(built)))) {
      read = Gazetteer.read(in);
    }
    String[] words =
        lower("Fenerbahce drew with Ajax Amsterdam in Milan , Philips said , flying Aer Lingus");
    assertThat(read.tag(words)).containsExactly(built.tag(words));
    assertThat(read.tagAlso(words)).containsExactly(built.tagAlso(words));
    assertThat(read.tagAlso(words)).containsOnlyOnce(first(GazetteerList.LISTED_COMPANIES.kind()));
    // The kind of the last list, the highest, reads back too.
    assertThat(read.tagAlso(words)).containsOnlyOnce(first(GazetteerList.AIRLINES.kind()));
    assertThat(bytes(read)).isEqualTo(bytes(built));
  }

  @Test
  void emptyGazetteerTagsNothing() {
    assertThat(Gazetteer.empty().tag(lower("New Zealand"))).containsExactly(0, 0);
  }
}
