package io.newsarchive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyCountsTest {

  private static List<int[]> read(KeyCounts counts) throws IOException {
    List<int[]> out = new ArrayList<>();
    counts.forEach((key, count) -> out.add(new int[] {key, count}));
    return out;
  }

  @Test
  void fewKeysComeBackInOrderWithTheirCounts() throws IOException {
    KeyCounts counts = new KeyCounts(1_000_000);
    counts.add(70);
    counts.add(3);
    counts.add(70);
    counts.add(999_999, 5);

    assertThat(read(counts))
        .containsExactly(new int[] {3, 1}, new int[] {70, 2}, new int[] {999_999, 5});
  }

  @Test
  void manyKeysCountTheSameAsFew() throws IOException {
    // Past the bound that starts as an array, so that the list fills and turns into one.
    int bound = 3_000;
    int[] expected = new int[bound];
    KeyCounts counts = new KeyCounts(bound);
    Random random = new Random(7);
    for (int i = 0; i < 50_000; i++) {
      int key = random.nextInt(bound);
      int times = 1 + random.nextInt(3);
      expected[key] += times;
      counts.add(key, times);
    }

    List<int[]> read = read(counts);
    List<int[]> wanted = new ArrayList<>();
    for (int key = 0; key < bound; key++) {
      if (expected[key] > 0) {
        wanted.add(new int[] {key, expected[key]});
      }
    }
    assertThat(read).containsExactlyElementsOf(wanted);
  }

  @Test
  void countsMergedIntoAnExpectingTotalStayExact() throws IOException {
    KeyCounts segment = new KeyCounts(10_000);
    for (int key = 0; key < 10_000; key += 2) {
      segment.add(key, 3);
    }
    KeyCounts total = new KeyCounts(20_000);
    total.add(19_999);
    total.expect(segment.distinctAtMost());
    segment.forEach((key, count) -> total.add(key * 2, count));

    List<int[]> read = read(total);
    assertThat(read).hasSize(5_001);
    assertThat(read.get(0)).containsExactly(0, 3);
    assertThat(read.get(4_999)).containsExactly(19_996, 3);
    assertThat(read.get(5_000)).containsExactly(19_999, 1);
  }

  @Test
  void topKeysAreTheMostCountedTiesByKeyListedOrDense() {
    Random random = new Random(11);
    for (int bound : new int[] {40, 5_000}) {
      KeyCounts counts = new KeyCounts(bound);
      int[] expected = new int[bound];
      for (int i = 0; i < (bound == 40 ? 2_000 : 300); i++) {
        int key = random.nextInt(bound);
        counts.add(key);
        expected[key]++;
      }
      List<int[]> all = new ArrayList<>();
      for (int key = 0; key < bound; key++) {
        if (expected[key] > 0) {
          all.add(new int[] {key, expected[key]});
        }
      }
      all.sort((a, b) -> a[1] != b[1] ? Integer.compare(b[1], a[1]) : Integer.compare(a[0], b[0]));
      for (int wanted : new int[] {0, 1, 10, all.size() + 5}) {
        KeyCounts.Ranked top = counts.top(wanted);
        List<int[]> read = new ArrayList<>();
        for (int i = 0; i < top.keys().length; i++) {
          read.add(new int[] {top.keys()[i], top.counts()[i]});
        }
        assertThat(read)
            .as("bound %d, top %d", bound, wanted)
            .containsExactlyElementsOf(all.subList(0, Math.min(wanted, all.size())));
      }
    }
  }

  @Test
  void aKeyOutsideTheBoundIsRefusedAsArrayOrList() {
    for (int bound : new int[] {10, 100_000}) {
      KeyCounts counts = new KeyCounts(bound);
      assertThatThrownBy(() -> counts.add(bound)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> counts.add(-1)).isInstanceOf(IndexOutOfBoundsException.class);
      assertThatThrownBy(() -> counts.add(bound, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }
}
