package io.newsarchive.cli;

import io.newsarchive.index.IndexSchemaCheck;
import io.newsarchive.story.StoryReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Reports the stories of an index: groups of copies, the largest, and random candidate pairs just
 * above and below the copy threshold to check by hand. Exit codes: 0 reported, 1 the index could
 * not be read, 2 bad options.
 */
@Command(
    name = "check-stories",
    mixinStandardHelpOptions = true,
    description =
        "Print how many stories of an index hold several copies, the largest, and random pairs of"
            + " candidate copies just above and just below the copy threshold.")
public final class CheckStoriesCommand implements Callable<Integer> {

  @Option(names = "--index", required = true, description = "Index directory to check.")
  Path index;

  @Option(
      names = "--sample",
      description = "Pairs shown above and below the threshold (default: ${DEFAULT-VALUE}).",
      defaultValue = "50")
  int sample;

  @Option(
      names = "--seed",
      description = "Seed of the random sample (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  long seed;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (sample < 0) {
      err.println("--sample must be 0 or more, got " + sample);
      return 2;
    }
    try (Directory directory = FSDirectory.open(index)) {
      if (!Files.isDirectory(index) || !DirectoryReader.indexExists(directory)) {
        err.println("no index at " + index);
        return 2;
      }
      IndexSchemaCheck.requireCompatible(directory, index);
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        out.print(StoryReport.of(reader, sample, seed));
      }
      return 0;
    } catch (IOException e) {
      err.println("check failed: " + e.getMessage());
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
