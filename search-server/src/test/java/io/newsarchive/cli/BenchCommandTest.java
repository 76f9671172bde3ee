package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsarchive.testing.ReutersIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newsarchive bench} over Reuters-21578: the report with its warm-ups, and a failed request.
 */
class BenchCommandTest {

  @TempDir Path temp;

  private record Run(int exitCode, String out, String err) {}

  private Run bench(int settleSeconds, String... queries) throws IOException {
    return bench(settleSeconds, List.of(), queries);
  }

  private Run bench(int settleSeconds, List<String> options, String... queries) throws IOException {
    Path file = temp.resolve("queries.txt");
    Files.write(file, List.of(queries));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(new BenchCommand());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--index", ReutersIndex.get().directory().toString(),
            "--queries", file.toString(),
            "--requests", "40",
            "--warmup", "4",
            "--settle-seconds", String.valueOf(settleSeconds),
            "--seconds", "30",
            "--clients", "2"));
    args.addAll(options);
    int code = line.execute(args.toArray(String[]::new));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void reportsOursTheRawBaselineAndTheirRatio() throws IOException {
    Run run = bench(2, "q=cocoa", "q=gold&size=5&facets=source", "q=&sort=newest");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("3 distinct queries; 2 clients")
        .contains("raw matches as many articles as ours on 3 of 3 queries")
        .containsPattern(
            "ours +warm-up: \\d+ pages in \\d+\\.\\d s, the JIT compiling for \\d+\\.\\d s")
        .containsPattern("raw direct +warm-up: \\d+ pages in ")
        .containsPattern("ours +40 pages")
        .containsPattern("raw direct +40 pages")
        .containsPattern("raw http +40 pages")
        .contains("ours/raw direct: p50 ")
        .contains("ours/raw http: p50 ");
  }

  @Test
  void theServerStopsAtOnceAfterTheLastMeasurement() throws IOException {
    // Ours measured last: its clients' connections are still kept alive when the server stops.
    Run run = bench(0, List.of("--raw", "none"), "q=cocoa", "q=&sort=newest");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("ours +40 pages");
    assertThat(run.err()).doesNotContain("stop timeout");
  }

  @Test
  void aFailedRequestEndsTheRunWithOneLine() throws IOException {
    Run run = bench(0, "q=cocoa", "q=gold&size=-3");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines().filter(l -> l.startsWith("newsarchive bench:")))
        .singleElement()
        .asString()
        .contains("/api/search?q=gold&size=-3&interval=month answered 400")
        .contains("size");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
