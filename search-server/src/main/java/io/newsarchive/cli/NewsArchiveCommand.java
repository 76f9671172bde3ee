package io.newsarchive.cli;

import io.newsarchive.opensearch.OpenSearchArticleStore;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsarchive} launcher: one subcommand per task. */
@Command(
    name = "newsarchive",
    mixinStandardHelpOptions = true,
    version = "newsarchive 0.1.0",
    description = "Full-text search engine for news archives.",
    subcommands = {
      CommandLine.HelpCommand.class,
      IndexCommand.class,
      ServeCommand.class,
      BenchCommand.class,
      GenerateCommand.class,
      TrainEntitiesCommand.class,
      EvaluateEntitiesCommand.class,
      EvaluateRankingCommand.class,
      ExportCommand.class,
      CheckEntitiesCommand.class,
      CheckStoriesCommand.class,
      StatsCommand.class,
      DeleteCommand.class
    })
public final class NewsArchiveCommand implements Runnable {

  /** Lucene announces its vector support at INFO level; the console is kept for results. */
  private static final Logger LUCENE_VECTOR_LOG =
      Logger.getLogger("org.apache.lucene.internal.vectorization");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the launcher and exits with the subcommand's exit code. */
  public static void main(String[] args) {
    LUCENE_VECTOR_LOG.setLevel(Level.WARNING);
    System.exit(commandLine().execute(args));
  }

  /**
   * The launcher with its subcommands. A bad option is reported on one line that names the command
   * and where its help is, and ends it with the command's exit code for invalid input.
   */
  public static CommandLine commandLine() {
    return new CommandLine(new NewsArchiveCommand(), new CommandFactory())
        .setParameterExceptionHandler(NewsArchiveCommand::badOptions);
  }

  /**
   * Makes each subcommand as picocli does, and gives {@code index} the OpenSearch store, which
   * index-core, where the command lives, cannot depend on.
   */
  private static final class CommandFactory implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == IndexCommand.class) {
        return type.cast(new IndexCommand(OpenSearchArticleStore::open));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  private static int badOptions(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    command.getErr().println(name + ": " + e.getMessage() + " (see '" + name + " --help')");
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }
}
