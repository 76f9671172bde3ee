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
    int bound = 300;
    int[] expected = new int[bound];
    KeyCounts counts = new KeyCounts(bound);
    Random random = new Random(7);
    for (int i = 0; i < 5_000; i++) {
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
    KeyCounts segment = new KeyCounts(100);
    for (int key = 0; key < 100; key += 2) {
      segment.add(key, 3);
    }
    KeyCounts total = new KeyCounts(200);
    total.add(199);
    total.expect(segment.distinctAtMost());
    segment.forEach((key, count) -> total.add(key * 2, count));

    List<int[]> read = read(total);
    assertThat(read).hasSize(51);
    assertThat(read.get(0)).containsExactly(0, 3);
    assertThat(read.get(49)).containsExactly(196, 3);
    assertThat(read.get(50)).containsExactly(199, 1);
  }

  @Test
  void aKeyOutsideTheBoundIsRefused() {
    KeyCounts counts = new KeyCounts(10);
    assertThatThrownBy(() -> counts.add(10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> counts.add(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
