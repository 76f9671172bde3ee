package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.testing.TestArticles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class ServeCommandTest {

  private static CommandLine launcher(StringWriter out, StringWriter err) {
    CommandLine cli = NewsArchiveCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli;
  }

  @Test
  void helpListsTheOptionsAndDefaults() {
    StringWriter out = new StringWriter();
    int code = launcher(out, new StringWriter()).execute("serve", "--help");
    assertThat(code).isZero();
    // Words only: how picocli wraps the lines depends on the longest option.
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("--index=DIR")
        .contains("newsarchive-index")
        .contains("--port")
        .contains("default: 7070")
        .contains("--host")
        .contains("default: 127.0.0.1")
        .contains("--allowed-hosts=NAME")
        .contains("--cors=ORIGIN")
        .contains("--slow-query-ms=MS")
        .contains("0 logs every one (default: 1000)")
        .contains("--metrics=true|false")
        .contains("/metrics")
        .contains("Exit codes");
  }

  @Test
  void missingIndexExitsWithAClearMessage(@TempDir Path tmp) {
    int code =
        launcher(new StringWriter(), new StringWriter())
            .execute("serve", "--index", tmp.resolve("none").toString(), "--port", "0");
    assertThat(code).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "--port 99999 | port must be 0 to 65535, got 99999",
        "--port abc | '--port': 'abc' is not an int",
        "--port -1 | port must be 0 to 65535, got -1",
        "--host 256.1.1.1 | --host 256.1.1.1 is not a valid host",
        "--allowed-hosts http://news.example.org | is not a host name",
        "--cors example.org | is not an origin",
        "--no-such-option | Unknown option: '--no-such-option'",
        "--slow-query-ms -5 | slow query threshold must be 0 ms or more, got -5 ms",
        "--slow-query-ms abc | '--slow-query-ms': 'abc' is not a long",
        "--metrics maybe | '--metrics': 'maybe' is not a boolean",
        "--opensearch http://127.0.0.1:9200 | --index and --opensearch name two archives",
      })
  void badOptionsExit2WithOneLine(String options, String message, @TempDir Path tmp) {
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("serve", "--index", tmp.toString()));
    args.addAll(List.of(options.split(" ")));
    int code = launcher(new StringWriter(), err).execute(args.toArray(String[]::new));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .startsWith("newsarchive serve: ")
        .contains(message)
        .endsWith("(see 'newsarchive serve --help')")
        .doesNotContain("\n", "Exception", "\tat ");
  }

  @Test
  void openSearchOptionsAreCheckedBeforeAnyConnection() {
    StringWriter err = new StringWriter();
    assertThat(
            launcher(new StringWriter(), err)
                .execute("serve", "--opensearch-index", "news", "--port", "0"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--opensearch-index needs --opensearch URL");

    err = new StringWriter();
    assertThat(
            launcher(new StringWriter(), err)
                .execute("serve", "--opensearch", "ftp://127.0.0.1:9200", "--port", "0"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("http:// or https://");
  }

  @Test
  void anUnreachableClusterExits1AndSaysSo() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    PrintStream stderr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code =
          launcher(new StringWriter(), new StringWriter())
              .execute("serve", "--opensearch", "http://127.0.0.1:" + port, "--port", "0");
    } finally {
      System.setErr(stderr);
    }
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("newsarchive serve: ")
        .contains("127.0.0.1:" + port)
        .doesNotContain("\tat ");
  }

  @Test
  void aPortInUseExits2AndSaysSo(@TempDir Path tmp) throws IOException {
    TestArticles.index(tmp, TestArticles.archive());
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      StringWriter err = new StringWriter();
      int code =
          launcher(new StringWriter(), err)
              .execute(
                  "serve",
                  "--index",
                  tmp.toString(),
                  "--host",
                  "127.0.0.1",
                  "--port",
                  String.valueOf(taken.getLocalPort()));
      assertThat(code).isEqualTo(2);
      assertThat(err.toString().strip())
          .isEqualTo(
              "newsarchive serve: port "
                  + taken.getLocalPort()
                  + " on 127.0.0.1 is already in use; pick another with --port"
                  + " (see 'newsarchive serve --help')");
    }
  }

  @Test
  void searchLimitsAreOptionsWithDefaults(@TempDir Path tmp) {
    StringWriter out = new StringWriter();
    assertThat(launcher(out, new StringWriter()).execute("serve", "--help")).isZero();
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("--concurrent-searches=N")
        .contains("--time-budget-ms=MS")
        .contains("(default: 5000)");
    String index = tmp.resolve("none").toString();
    assertThat(
            launcher(new StringWriter(), new StringWriter())
                .execute("serve", "--index", index, "--concurrent-searches", "0"))
        .isEqualTo(2);
    assertThat(
            launcher(new StringWriter(), new StringWriter())
                .execute("serve", "--index", index, "--time-budget-ms", "-1"))
        .isEqualTo(2);
  }
}
