package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameCountsTest {

  private static List<int[]> read(NameCounts counts) throws IOException {
    List<int[]> out = new ArrayList<>();
    counts.forEach((name, count) -> out.add(new int[] {name, count}));
    return out;
  }

  @Test
  void eachNameCountsTheDocumentsGivingIt() throws IOException {
    NameCounts counts = new NameCounts(100_000);
    counts.add(70);
    counts.add(3);
    counts.add(70);
    counts.add(99_999);

    assertThat(read(counts))
        .containsExactly(new int[] {70, 2}, new int[] {3, 1}, new int[] {99_999, 1});
    assertThat(counts.distinct()).isEqualTo(3);
  }

  @Test
  void nothingCountedVisitsNothing() throws IOException {
    NameCounts counts = new NameCounts(1_000_000);

    assertThat(read(counts)).isEmpty();
    assertThat(counts.distinct()).isZero();
  }

  @Test
  void countsGivenBackAndTakenAgainCountFromZero() throws IOException {
    NameCounts.Spare spare = new NameCounts.Spare(1_000);
    for (int round = 0; round < 3; round++) {
      // Few names (zeroed one by one), then most names (zeroed whole).
      int names = round == 1 ? 900 : 5 + round;
      NameCounts counts = spare.take();
      NameCounts fresh = new NameCounts(1_000);
      for (int doc = 0; doc < 40; doc++) {
        for (int k = 0; k < 3; k++) {
          int name = (doc * 31 + k * 7 + round) % names;
          counts.add(name);
          fresh.add(name);
        }
      }
      assertThat(read(counts)).containsExactlyElementsOf(read(fresh));
      assertThat(counts.distinct()).isEqualTo(fresh.distinct());
      spare.give(counts);
      assertThat(spare.take()).as("the counts given back").isSameAs(counts);
      spare.give(counts);
    }
  }

  @Test
  void aSpareKeepsAFewCountsOfItsOwnBound() {
    NameCounts.Spare spare = new NameCounts.Spare(100);
    spare.give(new NameCounts(99));
    assertThat(spare.take().distinct()).isZero();
    List<NameCounts> given = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      NameCounts counts = new NameCounts(100);
      counts.add(i);
      given.add(counts);
      spare.give(counts);
    }
    List<NameCounts> taken = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      taken.add(spare.take());
    }
    assertThat(taken.stream().filter(given::contains).count()).isEqualTo(8);
    assertThat(taken).allSatisfy(counts -> assertThat(counts.distinct()).isZero());
  }

  @Test
  void theTopNamesAreThoseOfTheCountsAddedUpByKey() {
    // Names numbered most held first map to index-wide keys in another order (alphabetical), and
    // many counts tie: the top must order ties by key, as the index-wide counts do.
    Random random = new Random(7);
    int names = 5_000;
    int[] keys = new int[names];
    for (int name = 0; name < names; name++) {
      keys[name] = name;
    }
    for (int i = names - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = keys[i];
      keys[i] = keys[j];
      keys[j] = swap;
    }
    NameCounts counts = new NameCounts(names);
    KeyCounts byKey = new KeyCounts(names);
    for (int doc = 0; doc < 20_000; doc++) {
      // Skewed towards the low numbers, as a segment numbers its most held names first.
      int name = (int) (names * Math.pow(random.nextDouble(), 3));
      counts.add(name);
      byKey.add(keys[name]);
    }
    for (int wanted : new int[] {0, 1, 3, 10, 100, names}) {
      KeyCounts.Ranked expected = byKey.top(wanted);
      KeyCounts.Ranked ranked = counts.top(wanted, keys);
      assertThat(ranked.keys()).as("keys of the top " + wanted).isEqualTo(expected.keys());
      assertThat(ranked.counts()).as("counts of the top " + wanted).isEqualTo(expected.counts());
    }
    assertThat(counts.top(3, keys).counts()[0]).isGreaterThan(1);
  }

  @Test
  void piecesOfOneSegmentAddUpToTheirWholeCount() throws IOException {
    NameCounts whole = new NameCounts(1_000);
    NameCounts first = new NameCounts(1_000);
    NameCounts second = new NameCounts(1_000);
    NameCounts empty = new NameCounts(1_000);
    for (int doc = 0; doc < 300; doc++) {
      int name = (doc * 37) % 211;
      whole.add(name);
      (doc < 120 ? first : second).add(name);
    }
    first.addAll(second);
    first.addAll(empty);

    List<int[]> added = read(first);
    List<int[]> expected = read(whole);
    added.sort((a, b) -> Integer.compare(a[0], b[0]));
    expected.sort((a, b) -> Integer.compare(a[0], b[0]));
    assertThat(added).containsExactlyElementsOf(expected);
    assertThat(first.distinct()).isEqualTo(whole.distinct());
    int[] identity = new int[1_000];
    Arrays.setAll(identity, i -> i);
    assertThat(first.top(5, identity).counts()).isEqualTo(whole.top(5, identity).counts());
    NameCounts other = new NameCounts(999);
    assertThatThrownBy(() -> first.addAll(other)).isInstanceOf(IllegalArgumentException.class);
  }
}
