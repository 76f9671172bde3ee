package io.newsarchive.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The outcome of running a command line in-process: exit code and what it printed. */
record CliRun(int exitCode, String out, String err) {

  /** Runs {@code command} with {@code args} as the launcher would, capturing its output. */
  static CliRun run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine line = new CommandLine(command);
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    int code = line.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
