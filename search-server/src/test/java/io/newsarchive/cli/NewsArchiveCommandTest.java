package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NewsArchiveCommandTest {

  @Test
  void theLaunchersIndexCommandWritesToOpenSearch(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("feed.jsonl");
    Files.writeString(file, "{\"id\": \"1\", \"source\": \"feed\", \"title\": \"Title\"}\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = NewsArchiveCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    // Nothing listens on port 1: the OpenSearch store is opened, retried, and gives up.
    int code =
        cli.execute(
            "index",
            "--opensearch",
            "http://127.0.0.1:1",
            "--entities",
            "none",
            "--progress",
            "never",
            file.toString());

    assertThat(code).isEqualTo(3);
    assertThat(err.toString())
        .contains("error: OpenSearch at [http://127.0.0.1:1] could not find index newsarchive");
  }
}
