package io.newsarchive.search.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

/**
 * Where the two development sets of the ranking benchmarks are: TIME's index ({@code
 * -Dnewsarchive.timeIndex}) and folder ({@code -Dnewsarchive.timeSet}, default {@code
 * ../shared/corpora/time-ir-1963}), and the Reuters topics' index and folder ({@code
 * -Dnewsarchive.topicsIndex}, {@code -Dnewsarchive.topicsSet}).
 */
record DevelopmentSets(Path timeIndex, Path time, Path topicsIndex, Path topics) {

  /** The sets the system properties name; the calling test is skipped without the indexes. */
  static DevelopmentSets fromProperties() {
    String timeIndex = System.getProperty("newsarchive.timeIndex", "");
    String topicsIndex = System.getProperty("newsarchive.topicsIndex", "");
    String topicsSet = System.getProperty("newsarchive.topicsSet", "");
    assumeTrue(
        !timeIndex.isBlank() && !topicsIndex.isBlank() && !topicsSet.isBlank(),
        "needs -Dnewsarchive.timeIndex, topicsIndex and topicsSet");
    Path time =
        Path.of(System.getProperty("newsarchive.timeSet", "../shared/corpora/time-ir-1963"));
    return new DevelopmentSets(Path.of(timeIndex), time, Path.of(topicsIndex), Path.of(topicsSet));
  }
}
