package io.newsarchive.cli;

import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.FacetCount;
import io.newsarchive.search.FacetField;
import io.newsarchive.search.IndexStats;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.server.api.ApiJson;
import io.newsarchive.server.api.StatsResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsarchive stats}: what {@code GET /api/stats} serves, read from a local index without a
 * server; {@code --json} prints the very body of the API.
 */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = {
      "Print what an index holds: articles, their sources and languages, their date range, its"
          + " size on disk and schema version.",
      "--json prints the body of GET /api/stats instead."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the statistics were printed", "3:the index could not be read"})
public final class StatsCommand implements Callable<Integer> {

  /** Exit code for an index that cannot be read. */
  static final int IO_FAILURE = 3;

  @Spec CommandSpec spec;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      defaultValue = "newsarchive-index",
      description = "Index directory (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(names = "--json", description = "Print the JSON body of GET /api/stats.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (!holdsIndex(index)) {
        err.println("error: no index at " + index);
        return IO_FAILURE;
      }
      try (SearchBackend backend = ArticleSearcher.open(index, SearcherOptions.DEFAULTS)) {
        IndexStats stats = backend.stats();
        if (json) {
          out.println(ApiJson.mapper().writeValueAsString(StatsResponse.of(stats)));
        } else {
          print(out, stats, languages(backend));
        }
      }
      out.flush();
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("error: " + e.getMessage());
      return IO_FAILURE;
    }
  }

  private static boolean holdsIndex(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Directory directory = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(directory);
    }
  }

  /** Articles per language, counted as the language facet of a search counts them. */
  private static List<FacetCount> languages(SearchBackend backend) throws IOException {
    SearchRequest all =
        SearchRequest.defaults()
            .with(SearchParameters.SIZE, 0)
            .with(SearchParameters.FACETS, Set.of(FacetField.LANGUAGE))
            .with(SearchParameters.FACET_SIZE, SearchParameters.MAX_FACET_SIZE);
    return backend.search(all).facets().getOrDefault(FacetField.LANGUAGE, List.of());
  }

  private void print(PrintWriter out, IndexStats stats, List<FacetCount> languages) {
    out.printf(
        "%s: %,d articles, %s on disk, schema version %d%n",
        index, stats.articles(), size(stats.indexBytes()), ArticleFields.SCHEMA_VERSION);
    if (stats.oldest().isPresent() && stats.newest().isPresent()) {
      out.printf(
          "published from %s to %s%n",
          stats.oldest().get().toString(), stats.newest().get().toString());
    } else {
      out.println("no article is dated");
    }
    printCounts(out, "sources", stats.sources());
    printCounts(out, "languages", languages);
  }

  /** {@code 29.7 MiB}, or {@code 7.1 KiB} for a small index. */
  private static String size(long bytes) {
    return bytes < 1 << 20
        ? String.format("%.1f KiB", bytes / 1024.0)
        : String.format("%,.1f MiB", bytes / 1048576.0);
  }

  private static void printCounts(PrintWriter out, String what, List<FacetCount> counts) {
    out.printf("%s (%,d):%n", what, counts.size());
    int width = counts.stream().mapToInt(c -> c.value().length()).max().orElse(0);
    for (FacetCount count : counts) {
      out.printf("  %-" + Math.max(width, 1) + "s %,12d%n", count.value(), count.count());
    }
  }
}
