package io.newsarchive.search.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The index and judged queries a ranking benchmark measures, named by {@code
 * -Dnewsarchive.evalIndex} (an index of the set's articles), {@code -Dnewsarchive.evalSet} (a
 * folder with {@code queries.tsv} and {@code qrels.txt}) and {@code -Dnewsarchive.evalSource} (the
 * source prefix of the qrels' bare ids, default {@code time}).
 *
 * @param index the index directory
 * @param queries query text by id, lower-cased as a person would type it
 * @param qrels the judgments, with ids as the index holds them
 * @param source the source prefix of the set's ids
 */
record JudgedSet(Path index, Map<String, String> queries, Qrels qrels, String source) {

  /** The set the system properties name; the calling test is skipped when they name none. */
  static JudgedSet fromProperties() throws IOException {
    String indexDir = System.getProperty("newsarchive.evalIndex", "");
    String setDir = System.getProperty("newsarchive.evalSet", "");
    assumeTrue(!indexDir.isBlank() && !setDir.isBlank(), "needs -Dnewsarchive.evalIndex/evalSet");
    Path set = Path.of(setDir);
    String source = System.getProperty("newsarchive.evalSource", "time");
    Map<String, String> queries = new LinkedHashMap<>();
    JudgedQueries.read(set.resolve("queries.tsv"))
        .forEach((id, text) -> queries.put(id, text.toLowerCase(Locale.ROOT)));
    Qrels qrels =
        Qrels.read(set.resolve("qrels.txt"), doc -> doc.contains("-") ? doc : source + "-" + doc);
    return new JudgedSet(Path.of(indexDir), queries, qrels, source);
  }
}
