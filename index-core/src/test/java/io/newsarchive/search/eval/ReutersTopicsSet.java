package io.newsarchive.search.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsarchive.article.CodeScheme;
import io.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

/**
 * A judged query set made from Reuters-21578's editor-assigned TOPICS codes: for each topic with at
 * least 40 articles, its name and two paraphrases written by hand ({@code
 * eval/reuters-topics/queries.tsv}, ids {@code code.n}); an article is relevant to a query when it
 * carries the query's topic code. Not part of the default test run; it writes {@code queries.tsv}
 * and {@code qrels.txt} (Reuters local ids, as {@code evaluate-ranking} reads them) for an index
 * built with {@code newsarchive index} from the corpus, with {@code ./mvnw -pl index-core test
 * -Dtest=ReutersTopicsSet -Dsurefire.failIfNoSpecifiedTests=false -Dnewsarchive.evalIndex=DIR
 * -Dnewsarchive.evalOut=DIR}.
 */
class ReutersTopicsSet {

  private static final String ID_PREFIX = "reuters-";

  @Test
  void writesQueriesAndQrels() throws IOException {
    String indexDir = System.getProperty("newsarchive.evalIndex", "");
    String outDir = System.getProperty("newsarchive.evalOut", "");
    assumeTrue(!indexDir.isBlank() && !outDir.isBlank(), "needs -Dnewsarchive.evalIndex/evalOut");
    Path out = Files.createDirectories(Path.of(outDir));
    List<String> queries = queries();
    Files.write(out.resolve("queries.tsv"), queries, StandardCharsets.UTF_8);
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(indexDir)))) {
      Files.write(out.resolve("qrels.txt"), qrels(new IndexSearcher(reader), queries));
    }
  }

  /** The query lines of the set, {@code code.n<TAB>text}. */
  static List<String> queries() {
    try (InputStream in =
        ReutersTopicsSet.class.getResourceAsStream("/eval/reuters-topics/queries.tsv")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(line -> !line.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One {@code qid 0 docno 1} line per query and article carrying the query's topic code. */
  static List<String> qrels(IndexSearcher searcher, List<String> queries) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line : queries) {
      String id = line.substring(0, line.indexOf('\t'));
      String topic = id.substring(0, id.lastIndexOf('.'));
      for (String doc : articles(searcher, topic)) {
        lines.add(id + " 0 " + doc + " 1");
      }
    }
    return lines;
  }

  private static Set<String> articles(IndexSearcher searcher, String topic) throws IOException {
    TermQuery query = new TermQuery(new Term(CodeScheme.TOPICS.field(), topic));
    Set<String> ids = new TreeSet<>();
    for (ScoreDoc hit : searcher.search(query, Integer.MAX_VALUE).scoreDocs) {
      String id = searcher.storedFields().document(hit.doc).get(ArticleFields.ID);
      ids.add(id.substring(ID_PREFIX.length()));
    }
    if (ids.size() < 40) {
      throw new IllegalStateException("topic " + topic + " has only " + ids.size() + " articles");
    }
    return new LinkedHashSet<>(ids);
  }
}
