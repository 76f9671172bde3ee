package io.newsarchive.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.cli.NewsArchiveCommand;
import io.newsarchive.testing.TestArticles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsarchive export} writes the bytes that {@code /api/export} sends. */
class ExportCommandTest {

  @TempDir static Path dir;
  private static Path index;
  private static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    index = dir.resolve("index");
    TestArticles.index(index, TestArticles.archive());
    server = new TestServer(index);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
  }

  private static int run(StringWriter err, String... args) {
    CommandLine cli = NewsArchiveCommand.commandLine();
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private static byte[] http(String pathAndQuery) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.app().port() + pathAndQuery))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray())
        .body();
  }

  @Test
  void writesTheSameCsvAsTheHttpExport() throws Exception {
    Path out = dir.resolve("cocoa.csv");
    int code =
        run(
            new StringWriter(),
            "export",
            "--index",
            index.toString(),
            "--out",
            out.toString(),
            "--body",
            "--param",
            "q=cocoa",
            "--param",
            "sort=newest");
    assertThat(code).isZero();
    byte[] written = Files.readAllBytes(out);
    assertThat(new String(written, java.nio.charset.StandardCharsets.UTF_8))
        .startsWith("id,published,")
        .contains("reuters-1,");
    assertThat(written).isEqualTo(http("/api/export?q=cocoa&sort=newest&body=true"));
  }

  @Test
  void writesTheSameJsonLinesAsTheHttpExport() throws Exception {
    Path out = dir.resolve("all.jsonl");
    int code =
        run(
            new StringWriter(),
            "export",
            "--index",
            index.toString(),
            "--format",
            "jsonl",
            "--out",
            out.toString());
    assertThat(code).isZero();
    assertThat(Files.readAllBytes(out)).isEqualTo(http("/api/export?format=jsonl"));
    assertThat(Files.readAllLines(out)).hasSize(TestArticles.archive().size());
  }

  @Test
  void pagingAndUnknownParametersAreBadInput() {
    StringWriter err = new StringWriter();
    assertThat(run(err, "export", "--index", index.toString(), "--param", "page=2")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown parameter 'page'");
    assertThat(run(new StringWriter(), "export", "--index", index.toString(), "--format", "xml"))
        .isEqualTo(2);
  }

  @Test
  void twoArchivesAreBadInputLikeForServe() {
    StringWriter err = new StringWriter();
    assertThat(
            run(err, "export", "--index", index.toString(), "--opensearch", "http://127.0.0.1:9"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--index and --opensearch name two archives");
    StringWriter lone = new StringWriter();
    assertThat(run(lone, "export", "--opensearch-index", "news")).isEqualTo(2);
    assertThat(lone.toString()).contains("--opensearch-index needs --opensearch URL");
  }

  @Test
  void helpListsTheOptions() {
    StringWriter out = new StringWriter();
    CommandLine cli = NewsArchiveCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("export", "--help")).isZero();
    assertThat(out.toString())
        .contains("--index", "--opensearch", "--format", "--out", "--body", "--param");
  }
}
