package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

  private static CommandLine launcher(StringWriter out, StringWriter err) {
    CommandLine cli = new CommandLine(new NewsArchiveCommand());
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
        .contains("Exit codes");
  }

  @Test
  void missingIndexExitsWithAClearMessage(@TempDir Path tmp) {
    int code =
        launcher(new StringWriter(), new StringWriter())
            .execute("serve", "--index", tmp.resolve("none").toString(), "--port", "0");
    assertThat(code).isEqualTo(1);
  }

  @Test
  void badPortIsAUsageError() {
    StringWriter err = new StringWriter();
    assertThat(launcher(new StringWriter(), err).execute("serve", "--port", "http")).isEqualTo(2);
    assertThat(err.toString()).contains("--port");
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
