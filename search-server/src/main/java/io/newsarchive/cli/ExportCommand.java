package io.newsarchive.cli;

import io.newsarchive.export.ExportColumn;
import io.newsarchive.export.ResultExport;
import io.newsarchive.search.ExportFormat;
import io.newsarchive.search.InvalidRequestException;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchParameter;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import io.newsarchive.search.SearcherOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code newsarchive export}: writes every article a search matches to a CSV or JSON Lines file,
 * the same bytes that {@code GET /api/export} sends for the same parameters ({@link ResultExport}).
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write every article a search matches, in the search's order, as CSV or JSON Lines: the"
          + " same bytes as GET /api/export with the same parameters.",
      "Columns: id, published, source, title, url, language, persons, orgs, places, topics,"
          + " placeCodes, personCodes, orgCodes, exchanges, and body with --body."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:written",
      "1:the index or cluster could not be read, the output could not be written, or a page of"
          + " the search ran out of time",
      "2:bad options or search parameters"
    })
public final class ExportCommand implements Callable<Integer> {

  private static final int READ_FAILURE = 1;
  private static final int BAD_INPUT = 2;

  @Spec CommandSpec spec;

  @Mixin ArchiveOptions archive;

  @Option(
      names = "--format",
      paramLabel = "csv|jsonl",
      defaultValue = "csv",
      converter = FormatConverter.class,
      description = "File format (default: ${DEFAULT-VALUE}).")
  ExportFormat format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "File to write (default: standard output).")
  Path out;

  @Option(names = "--body", description = "Include each article's body text.")
  boolean body;

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description =
          "A search parameter, as in /api/export, e.g. q=cocoa or from=1987-03-01 (repeatable)."
              + " Paging parameters are the export's own.")
  List<String> params = List.of();

  @Option(
      names = "--time-budget-ms",
      paramLabel = "MS",
      defaultValue = "60000",
      description =
          "Time one page of the search may take (default: ${DEFAULT-VALUE}); a page that runs"
              + " past it stops the export with exit code 1 rather than leave rows out.")
  long timeBudgetMillis;

  @Override
  public Integer call() {
    SearchRequest request;
    SearcherOptions options;
    try {
      List<SearchParameter<?>> declared = SearchParameters.allBut(SearchParameters.PAGING);
      request = SearchRequest.of(SearchParameters.parse(declared, RequestParams.texts(params)));
      options = SearcherOptions.DEFAULTS.withTimeBudget(Duration.ofMillis(timeBudgetMillis));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("bad --param: " + e.getMessage());
      return BAD_INPUT;
    }
    List<ExportColumn> columns = body ? ExportColumn.withBody() : ExportColumn.withoutBody();
    try (SearchBackend backend = archive.open(options)) {
      ResultExport export = new ResultExport(backend, format, columns);
      ResultExport.Page first = export.first(request);
      try (OutputStream target = target()) {
        export.write(first, target);
      }
      return 0;
    } catch (InvalidRequestException e) {
      spec.commandLine().getErr().println("the search was refused: " + e.getMessage());
      return BAD_INPUT;
    } catch (ParameterException e) {
      // Options that name no single archive are a usage error, reported by picocli.
      throw e;
    } catch (IOException | RuntimeException e) {
      spec.commandLine().getErr().println("export failed: " + e.getMessage());
      return READ_FAILURE;
    }
  }

  private OutputStream target() throws IOException {
    if (out == null) {
      // Standard output stays open for whoever runs the command; only the buffer is flushed.
      return new BufferedOutputStream(System.out) {
        @Override
        public void close() throws IOException {
          flush();
        }
      };
    }
    return new BufferedOutputStream(Files.newOutputStream(out));
  }

  /** Reads a format by its key, case-insensitively. */
  static final class FormatConverter implements ITypeConverter<ExportFormat> {
    @Override
    public ExportFormat convert(String text) {
      try {
        return ExportFormat.valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "unknown format '" + text + "'; use csv or jsonl");
      }
    }
  }
}
