package io.newsarchive.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RecentWordsTest {

  @Test
  void aWordIsComputedOnceWhileEitherGenerationHoldsIt() {
    RecentWords<String> words = new RecentWords<>(4);
    Map<String, Integer> computed = new ConcurrentHashMap<>();
    Function<String, String> upper =
        w -> {
          computed.merge(w, 1, Integer::sum);
          return w.toUpperCase(java.util.Locale.ROOT);
        };
    assertThat(words.get("gaza", upper)).isEqualTo("GAZA");
    assertThat(words.get("gaza", upper)).isEqualTo("GAZA");
    assertThat(computed).containsEntry("gaza", 1);
    // "gaza" keeps coming back between new words: it is copied into each new generation.
    for (int i = 0; i < 20; i++) {
      words.get("word" + i, upper);
      assertThat(words.get("gaza", upper)).isEqualTo("GAZA");
    }
    assertThat(computed).containsEntry("gaza", 1);
    assertThat(computed).hasSize(21).allSatisfy((word, times) -> assertThat(times).isEqualTo(1));
  }

  @Test
  void atMostTwoGenerationsAreHeldAndAWordNotSeenForTwoIsComputedAgain() {
    RecentWords<Integer> words = new RecentWords<>(100);
    AtomicInteger computations = new AtomicInteger();
    Function<String, Integer> length = lengthCounting(computations);
    words.get("first", length);
    for (int i = 0; i < 1_000; i++) {
      words.get("word" + i, length);
      assertThat(words.size()).isLessThanOrEqualTo(200);
    }
    assertThat(computations).hasValue(1_001);
    assertThat(words.get("first", length)).isEqualTo(5);
    assertThat(computations).hasValue(1_002);
  }

  @Test
  void threadsSharingItGetEachWordsOwnValue() throws Exception {
    RecentWords<String> words = new RecentWords<>(50);
    AtomicInteger computations = new AtomicInteger();
    Function<String, String> reversed =
        w -> {
          computations.incrementAndGet();
          return new StringBuilder(w).reverse().toString();
        };
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        results.add(
            threads.submit(() -> {
              int wrong = 0;
              for (int i = 0; i < 20_000; i++) {
                // A few frequent words among many rare ones, as in news.
                String word = i % 3 == 0 ? "often" + (i % 7) : "rare" + ((i * 31 + seed) % 400);
                if (!words
                    .get(word, reversed)
                    .equals(new StringBuilder(word).reverse().toString())) {
                  wrong++;
                }
              }
              return wrong;
            }));
      }
      for (Future<Integer> result : results) {
        assertThat(result.get()).isZero();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(words.size()).isLessThanOrEqualTo(2 * 50 + 4);
    assertThat(computations.get()).isGreaterThan(407).isLessThan(80_000);
  }

  @Test
  void aWordOneThreadComputedIsNotComputedAgainByAnother() throws Exception {
    RecentWords<Integer> words = new RecentWords<>(1_000);
    AtomicInteger computations = new AtomicInteger();
    Function<String, Integer> length = lengthCounting(computations);
    // One thread after the other, each over the same words.
    for (int t = 0; t < 2; t++) {
      Thread.ofPlatform()
          .start(() -> {
            for (int i = 0; i < 500; i++) {
              words.get("word" + i, length);
            }
          })
          .join();
    }
    assertThat(computations).hasValue(500);
  }

  @Test
  void aGenerationHoldsAtLeastOneWord() {
    assertThatThrownBy(() -> new RecentWords<String>(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A word's length, counted in {@code computations} each time it is computed. */
  private static Function<String, Integer> lengthCounting(AtomicInteger computations) {
    return w -> {
      computations.incrementAndGet();
      return w.length();
    };
  }
}
