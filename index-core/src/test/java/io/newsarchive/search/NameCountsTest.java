package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
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
  void aDocumentCountsEachNameOnceHoweverManyVariantsItHolds() throws IOException {
    NameCounts counts = new NameCounts(100_000);
    counts.add(70, 0);
    counts.add(70, 0);
    counts.add(3, 0);
    counts.add(70, 4);
    counts.add(99_999, 4);
    counts.add(99_999, 4);

    assertThat(read(counts))
        .containsExactly(new int[] {70, 2}, new int[] {3, 1}, new int[] {99_999, 1});
    assertThat(counts.distinct()).isEqualTo(3);
  }

  @Test
  void anArticleWithManyNamesCountsEachOnce() throws IOException {
    NameCounts counts = new NameCounts(1_000);
    for (int round = 0; round < 2; round++) {
      for (int name = 0; name < 50; name++) {
        counts.add(name * 7, 3);
      }
    }
    counts.add(0, 9);

    List<int[]> read = read(counts);
    assertThat(read).hasSize(50);
    assertThat(read.get(0)).containsExactly(0, 2);
    assertThat(read.subList(1, 50)).allSatisfy(count -> assertThat(count[1]).isEqualTo(1));
  }

  @Test
  void nothingCountedVisitsNothing() throws IOException {
    NameCounts counts = new NameCounts(1_000_000);

    assertThat(read(counts)).isEmpty();
    assertThat(counts.distinct()).isZero();
  }

  @Test
  void manyDocumentsCountTheArticlesOfEachName() throws IOException {
    int bound = 5_000;
    int[] expected = new int[bound];
    NameCounts counts = new NameCounts(bound);
    Random random = new Random(11);
    for (int doc = 0; doc < 20_000; doc++) {
      boolean[] held = new boolean[bound];
      for (int variant = random.nextInt(8); variant > 0; variant--) {
        int name = random.nextInt(bound);
        if (!held[name]) {
          held[name] = true;
          expected[name]++;
        }
        counts.add(name, doc);
      }
    }

    int[] read = new int[bound];
    int distinct = 0;
    for (int[] count : read(counts)) {
      read[count[0]] = count[1];
      distinct++;
    }
    assertThat(read).containsExactly(expected);
    assertThat(counts.distinct()).isEqualTo(distinct);
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
          counts.add(name, doc);
          fresh.add(name, doc);
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
}
