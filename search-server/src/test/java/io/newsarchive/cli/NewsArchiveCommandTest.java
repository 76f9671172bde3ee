package io.newsarchive.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NewsArchiveCommandTest {

  /**
   * Picocli formats each line of an option's help with {@code String.format}: a bare percent sign
   * ("10% of") makes it print a warning to the terminal and the line unformatted, so every option
   * description of every command, as written, must format.
   */
  @Test
  void everyOptionsHelpFormats() {
    Deque<CommandLine> commands = new ArrayDeque<>();
    commands.add(NewsArchiveCommand.commandLine());
    int lines = 0;
    while (!commands.isEmpty()) {
      CommandLine command = commands.poll();
      commands.addAll(command.getSubcommands().values());
      for (Class<?> type = command.getCommand().getClass();
          type != null && type != Object.class;
          type = type.getSuperclass()) {
        for (Field field : type.getDeclaredFields()) {
          CommandLine.Option option = field.getAnnotation(CommandLine.Option.class);
          for (String line : option == null ? new String[0] : option.description()) {
            lines++;
            assertThatCode(() -> String.format(line))
                .as("%s %s", command.getCommandName(), field.getName())
                .doesNotThrowAnyException();
          }
        }
      }
    }
    assertThat(lines).isGreaterThan(50);
  }

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
