package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.testing.SharedCorpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: a generated archive is read by {@code index} and its articles are found. */
class GenerateCommandTest {

  @TempDir Path temp;

  @Test
  void generatedArticlesAreIndexedAndFound() throws Exception {
    Path file = temp.resolve("generated.jsonl");
    Path reuters = SharedCorpora.require("corpora/reuters21578");
    CliRun generate =
        CliRun.run(
            new GenerateCommand(),
            "--articles",
            "2000",
            "--seed",
            "5",
            "--from",
            reuters.toString(),
            "--out",
            file.toString());
    assertThat(generate.exitCode()).as(generate.err()).isZero();
    assertThat(generate.out()).contains("generated 2000 articles");
    assertThat(Files.readAllLines(file)).hasSize(2000);

    Path index = temp.resolve("index");
    CliRun indexed =
        CliRun.run(
            new IndexCommand(),
            "--index",
            index.toString(),
            "--entities",
            "none",
            "--progress",
            "never",
            file.toString());
    assertThat(indexed.exitCode()).as(indexed.err()).isZero();

    // Reuters headlines carry tickers in angle brackets, which the JSON Lines reader cleans as
    // HTML.
    ObjectMapper json = new ObjectMapper();
    JsonNode first = null;
    for (String line : Files.readAllLines(file)) {
      first = json.readTree(line);
      if (!first.get("title").asText().matches(".*[<>&].*")) {
        break;
      }
    }
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      assertThat(reader.numDocs()).isEqualTo(2000);
      assertThat(searcher.count(new TermQuery(new Term(ArticleFields.SOURCE, "reuters"))))
          .isEqualTo(2000);
      QueryParser parser =
          new MultiFieldQueryParser(
              new String[] {ArticleFields.TITLE}, ArticleFields.queryAnalyzer());
      parser.setDefaultOperator(QueryParser.Operator.AND);
      String title = first.get("title").asText();
      TopDocs found = searcher.search(parser.parse(QueryParser.escape(title)), 2000);
      assertThat(found.scoreDocs).isNotEmpty();
      assertThat(java.util.Arrays.stream(found.scoreDocs).map(d -> storedTitle(searcher, d.doc)))
          .contains(title);
    }
  }

  @Test
  void missingCorporaAreNamed() {
    CliRun run =
        CliRun.run(
            new GenerateCommand(),
            "--articles",
            "10",
            "--from",
            temp.resolve("nowhere").toString(),
            "--out",
            temp.resolve("x.jsonl").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cannot read the corpora").contains("nowhere");
  }

  private static String storedTitle(IndexSearcher searcher, int doc) {
    try {
      return searcher.storedFields().document(doc).get(ArticleFields.TITLE);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
