package io.newsarchive.cli;

import io.newsarchive.article.Article;
import io.newsarchive.article.EntityType;
import io.newsarchive.entities.EntityNames;
import io.newsarchive.entities.EntityQualityReport;
import io.newsarchive.entities.NamedEntityExtractor;
import io.newsarchive.entities.eval.CodeCoverage;
import io.newsarchive.index.IndexSchemaCheck;
import io.newsarchive.ingest.IngestListener;
import io.newsarchive.ingest.Rejection;
import io.newsarchive.ingest.ReutersSgmlReader;
import io.newsarchive.search.ArchiveEntityNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Checks the quality of extracted entities: for an index, the top values of each entity facet by
 * canonical name with the variants merged into each, and the suspect values; or, on Reuters-21578,
 * how often extracted places and people cover the editors' PLACES and PEOPLE codes. Exit codes: 0
 * checked, 1 a file or the index could not be read, 2 bad options.
 */
@Command(
    name = "check-entities",
    mixinStandardHelpOptions = true,
    description = {
      "Print the top values of each entity facet of an index, the variants merged into each and"
          + " the suspect values (--index DIR);",
      "or compare extracted places and people with Reuters-21578 PLACES/PEOPLE codes"
          + " (--reuters-codes)."
    })
public final class CheckEntitiesCommand implements Callable<Integer> {

  /** Exactly one of the two checks. */
  static final class Check {
    @Option(names = "--index", description = "Index directory whose entity facets to check.")
    Path index;

    @Option(
        names = "--reuters-codes",
        description = "Check the model on Reuters-21578 (under --shared) against its codes.")
    boolean reutersCodes;
  }

  @ArgGroup(multiplicity = "1")
  Check check;

  @Option(
      names = "--top",
      description = "Canonical names listed per entity type (default: ${DEFAULT-VALUE}).",
      defaultValue = "100")
  int top;

  @Mixin EntityModelOptions options;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (top < 1) {
      err.println("--top must be at least 1, got " + top);
      return 2;
    }
    try {
      return check.index != null ? checkIndex(out, err) : checkReutersCodes(out, err);
    } catch (IOException e) {
      err.println("check failed: " + e.getMessage());
      return 1;
    } finally {
      // The report ends without a line break, and the command line's writers do not flush it.
      out.flush();
      err.flush();
    }
  }

  private int checkIndex(PrintWriter out, PrintWriter err) throws IOException {
    if (!Files.isDirectory(check.index)) {
      err.println("no index at " + check.index);
      return 2;
    }
    try (Directory directory = FSDirectory.open(check.index)) {
      if (!DirectoryReader.indexExists(directory)) {
        err.println("no index at " + check.index);
        return 2;
      }
      IndexSchemaCheck.requireCompatible(directory, check.index);
      Map<EntityType, EntityNames> tables = new EnumMap<>(EntityType.class);
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        ArchiveEntityNames names = ArchiveEntityNames.read(reader);
        for (EntityType type : EntityType.values()) {
          tables.put(type, names.of(type));
        }
      }
      out.print(new EntityQualityReport(tables, options.extractor(), top).text());
      return 0;
    }
  }

  private int checkReutersCodes(PrintWriter out, PrintWriter err) throws IOException {
    Path reuters = options.corpus("reuters21578");
    if (!Files.isDirectory(reuters)) {
      err.println("no Reuters-21578 folder at " + reuters);
      return 2;
    }
    NamedEntityExtractor extractor = options.extractor();
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(reuters, "reut2-*.sgm")) {
      stream.forEach(files::add);
    }
    Collections.sort(files);
    Path factbook = reuters.resolve("feldman-cia-worldfactbook-data.txt");
    CodeCoverage coverage =
        Files.isRegularFile(factbook)
            ? new CodeCoverage(CodeCoverage.capitals(factbook))
            : new CodeCoverage();
    long[] rejected = new long[1];
    IngestListener listener =
        new IngestListener() {
          @Override
          public void rejected(Rejection rejection) {
            rejected[0]++;
          }

          @Override
          public void warned(Rejection warning) {}
        };
    long articles = 0;
    for (Path file : files) {
      try (ReutersSgmlReader reader = ReutersSgmlReader.open(file, listener)) {
        Optional<Article> next;
        while ((next = reader.next()).isPresent()) {
          Article article = next.get();
          coverage.add(article, extractor.extract(article.title(), article.body()));
          articles++;
        }
      }
    }
    out.printf("%d articles (%d records rejected by the reader)%n", articles, rejected[0]);
    out.print(coverage.summary());
    return 0;
  }
}
