package io.newsarchive.cli;

import io.newsarchive.generate.ArchiveGenerator;
import io.newsarchive.generate.CorpusSample;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsarchive generate}: writes a synthetic archive of any size recombined from real ones.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write N articles recombined from real corpora as JSON Lines that 'newsarchive index'"
          + " reads: each copies the source, headline length, body length, bylines and date"
          + " (moved back by whole weeks within --years) of a real article drawn at random; its"
          + " headline joins halves of two real headlines of that source and its body is real"
          + " sentences of that source. The same corpora and seed give the same file.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:written",
      "1:the corpora could not be read or hold no article",
      "2:bad options",
      "3:the output could not be written"
    })
public final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--articles",
      required = true,
      paramLabel = "N",
      description = "Articles to write.")
  long articles;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Seed of the random draws (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "JSON Lines file to write (gzip-compressed when it ends in .gz).")
  Path out;

  @Option(
      names = "--from",
      arity = "1..*",
      paramLabel = "PATH",
      description =
          "Corpora to recombine, in any format 'index' reads (default:"
              + " ../shared/corpora/rss-news-2023 and ../shared/corpora/reuters21578).")
  List<Path> from;

  @Option(
      names = "--years",
      defaultValue = "10",
      description =
          "Span over which dates are moved back, in years (default: ${DEFAULT-VALUE}; 0 keeps the"
              + " real dates).")
  int years;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter console = spec.commandLine().getOut();
    if (articles < 1 || years < 0) {
      err.println("newsarchive generate: --articles must be positive and --years not negative");
      return 2;
    }
    List<Path> corpora = from != null ? from : defaultCorpora();
    if (corpora.isEmpty()) {
      err.println(
          "newsarchive generate: no corpora at ../shared/corpora/rss-news-2023 or"
              + " ../shared/corpora/reuters21578; name them with --from PATH...");
      return 1;
    }
    long start = System.nanoTime();
    CorpusSample sample;
    try {
      sample = CorpusSample.read(corpora);
    } catch (IOException | IllegalArgumentException e) {
      err.println("newsarchive generate: cannot read the corpora: " + e.getMessage());
      return 1;
    }
    ArchiveGenerator generator =
        new ArchiveGenerator(sample, seed, Duration.ofDays(Math.multiplyExact(years, 365L)));
    try (OutputStream file = open(out)) {
      generator.write(file, articles);
    } catch (IOException e) {
      err.println("newsarchive generate: cannot write " + out + ": " + e.getMessage());
      return 3;
    }
    console.printf(
        "generated %d articles from %d real ones into %s in %.1f s%n",
        articles, sample.articles(), out, (System.nanoTime() - start) / 1e9);
    console.flush();
    return 0;
  }

  private static List<Path> defaultCorpora() {
    return List.of(
            Path.of("../shared/corpora/rss-news-2023"), Path.of("../shared/corpora/reuters21578"))
        .stream()
        .filter(Files::isDirectory)
        .toList();
  }

  private static OutputStream open(Path file) throws IOException {
    OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    return file.getFileName().toString().endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : raw;
  }
}
