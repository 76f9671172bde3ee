package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.server.SearchServer;
import io.newsarchive.server.ServerOptions;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsarchive stats} and {@code newsarchive delete} through the launcher. */
class StatsCommandTest {

  @TempDir Path temp;

  private Path index;

  /** What one launcher run printed, and its exit code. */
  private record Run(int code, String out, String err) {}

  @BeforeEach
  void indexTheTestArchive() throws IOException {
    index = temp.resolve("index");
    try (ArticleIndexer indexer = ArticleIndexer.open(index)) {
      indexer.upsert(TestArticles.archive());
    }
  }

  private static Run launch(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = NewsArchiveCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private String servedStats() throws IOException, InterruptedException {
    try (SearchBackend backend = ArticleSearcher.open(index, SearcherOptions.DEFAULTS)) {
      Javalin app = SearchServer.create(backend, new ServerOptions("127.0.0.1", 0)).start();
      try {
        return HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/stats"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
      } finally {
        app.stop();
      }
    }
  }

  @Test
  void jsonIsTheBodyOfApiStats() throws IOException, InterruptedException {
    Run run = launch("stats", "--index", index.toString(), "--json");

    assertThat(run.code()).as(run.err()).isZero();
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(run.out())).isEqualTo(json.readTree(servedStats()));
    assertThat(json.readTree(run.out()).get("articles").asLong()).isEqualTo(8);
  }

  @Test
  void humanFormShowsCountsSourcesLanguagesDatesAndSchema() {
    Run run = launch("stats", "--index", index.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern(
            ": 8 articles, [0-9.]+ KiB on disk, schema version "
                + ArticleFields.SCHEMA_VERSION
                + "\n")
        .contains("published from 1987-03-02T10:00:00Z to 2019-02-14T07:00:00Z")
        .containsPattern("sources \\(2\\):\\n  reuters +6\\n  kayhan.ir +2\\n")
        .containsPattern("languages \\(1\\):\\n  en +8\\n");
  }

  @Test
  void statsFollowADeleteAndAMissingIndexIsAnError() {
    Run deleted = launch("delete", "--index", index.toString(), "--source", "kayhan.ir");
    Run after = launch("stats", "--index", index.toString());
    Run missing = launch("stats", "--index", temp.resolve("none").toString());

    assertThat(deleted.code()).as(deleted.err()).isZero();
    assertThat(after.out())
        .contains(": 6 articles, ")
        .contains("published from 1987-03-02T10:00:00Z to 1987-06-01T00:00:00Z")
        .contains("sources (1):");
    assertThat(missing.code()).isEqualTo(3);
    assertThat(missing.err()).contains("error: no index at " + temp.resolve("none"));
  }
}
