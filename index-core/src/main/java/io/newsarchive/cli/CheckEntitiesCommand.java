package io.newsarchive.cli;

import io.newsarchive.article.Article;
import io.newsarchive.entities.NamedEntityExtractor;
import io.newsarchive.entities.eval.CodeCoverage;
import io.newsarchive.ingest.IngestListener;
import io.newsarchive.ingest.Rejection;
import io.newsarchive.ingest.ReutersSgmlReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Sanity check of the entity model on Reuters-21578: how often extracted places and people cover
 * the editors' PLACES and PEOPLE codes. Exit codes: 0 checked, 1 a file could not be read, 2 bad
 * options.
 */
@Command(
    name = "check-entities",
    mixinStandardHelpOptions = true,
    description = "Compare extracted places and people with Reuters-21578 PLACES/PEOPLE codes.")
public final class CheckEntitiesCommand implements Callable<Integer> {

  @Mixin EntityModelOptions options;

  @Override
  public Integer call() {
    Path reuters = options.corpus("reuters21578");
    if (!Files.isDirectory(reuters)) {
      System.err.println("no Reuters-21578 folder at " + reuters);
      return 2;
    }
    try {
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
      System.out.printf("%d articles (%d records rejected by the reader)%n", articles, rejected[0]);
      System.out.print(coverage.summary());
      return 0;
    } catch (IOException e) {
      System.err.println("check failed: " + e.getMessage());
      return 1;
    }
  }
}
