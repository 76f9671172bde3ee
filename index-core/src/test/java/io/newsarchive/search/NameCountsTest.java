package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
}
