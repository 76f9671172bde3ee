package io.newsarchive.cli;

import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.index.IndexSchemaCheck;
import io.newsarchive.schema.ArticleFields;
import io.newsarchive.search.ArchiveEntityNames;
import io.newsarchive.search.ArticleQueryParser;
import io.newsarchive.search.SearchParameters;
import io.newsarchive.search.SearchRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code newsarchive delete}: removes the articles of a local index that ids, sources or a search
 * select, after saying how many; {@code --dry-run} only counts them.
 */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Delete articles from a local index: by id, by source, or every article a search matches.",
      "One selector is required, so that nothing is deleted by accident; --dry-run counts the"
          + " articles and changes nothing."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the selected articles were deleted (or counted, with --dry-run), none matching included",
      "2:invalid options or search parameters",
      "3:the index could not be read or written"
    })
public final class DeleteCommand implements Callable<Integer> {

  /** Exit code for options or parameters that do not parse. */
  static final int BAD_INPUT = 2;

  /** Exit code for an index that cannot be read or written. */
  static final int IO_FAILURE = 3;

  @Spec CommandSpec spec;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      defaultValue = "newsarchive-index",
      description = "Index directory (default: ${DEFAULT-VALUE}).")
  Path index;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Selector selector;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "With --query: only articles published on or after DATE (as from= in search).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "With --query: only articles published on or before DATE (as to= in search).")
  String to;

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description =
          "With --query: a search parameter as in /api/search, e.g. source=wire (repeatable).")
  List<String> params = List.of();

  @Option(names = "--dry-run", description = "Count the selected articles; delete nothing.")
  boolean dryRun;

  /** Which articles to delete: exactly one of these. */
  static final class Selector {
    @Option(
        names = "--id",
        arity = "1..*",
        paramLabel = "ID",
        description = "Delete the articles with these ids.")
    List<String> ids;

    @Option(
        names = "--source",
        arity = "1..*",
        paramLabel = "NAME",
        description = "Delete every article of these sources (names as the source facet shows).")
    List<String> sources;

    @Option(
        names = "--query",
        paramLabel = "Q",
        description =
            "Delete every article this search matches, as q= in /api/search; an empty query"
                + " matches every article, so narrow it with --from, --to or --param.")
    String query;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (selector.query == null && (from != null || to != null || !params.isEmpty())) {
      throw new ParameterException(spec.commandLine(), "--from, --to and --param need --query");
    }
    if (!Files.isDirectory(index)) {
      err.println("error: no index at " + index);
      return IO_FAILURE;
    }
    try (Directory directory = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(directory)) {
        err.println("error: no index at " + index);
        return IO_FAILURE;
      }
      IndexSchemaCheck.requireCompatible(directory, index);
      Query selection;
      long total;
      long matched;
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        selection = selection(reader);
        total = reader.numDocs();
        matched = new IndexSearcher(reader).count(selection);
      }
      if (dryRun) {
        out.printf(
            "Would delete %,d of %,d articles from %s (dry run: nothing was changed).%n",
            matched, total, index);
        return 0;
      }
      long deleted = matched == 0 ? 0 : deleteFrom(selection);
      out.printf(
          "Deleted %,d of %,d articles from %s; the index holds %,d articles.%n",
          deleted, total, index, total - deleted);
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return BAD_INPUT;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return IO_FAILURE;
    }
  }

  private long deleteFrom(Query selection) throws IOException {
    try (ArticleIndexer indexer = ArticleIndexer.open(index)) {
      return indexer.delete(selection);
    }
  }

  /**
   * The query that selects the articles to delete: ids or sources as exact keywords, or a search
   * request parsed by the same declarations as {@code /api/search}'s parameters.
   */
  private Query selection(DirectoryReader reader) throws IOException {
    if (selector.ids != null) {
      return keywords(ArticleFields.ID, selector.ids);
    }
    if (selector.sources != null) {
      return keywords(ArticleFields.SOURCE, selector.sources);
    }
    Map<String, List<String>> texts = RequestParams.texts(params);
    putOnce(texts, SearchParameters.QUERY.name(), selector.query);
    putOnce(texts, SearchParameters.FROM.name(), from);
    putOnce(texts, SearchParameters.TO.name(), to);
    SearchRequest request = SearchRequest.of(SearchParameters.parse(SearchParameters.ALL, texts));
    return new ArticleQueryParser()
        .query(request, newestMillis(reader), ArchiveEntityNames.read(reader));
  }

  private static void putOnce(Map<String, List<String>> texts, String name, String value) {
    if (value == null) {
      return;
    }
    if (texts.containsKey(name)) {
      throw new IllegalArgumentException(
          "--param " + name + "= repeats the --" + (name.equals("q") ? "query" : name) + " option");
    }
    texts.put(name, List.of(value));
  }

  private static Query keywords(String field, List<String> values) {
    return KeywordField.newSetQuery(field, values.stream().map(BytesRef::new).toList());
  }

  /** The newest publication time, which a request's relative dates and recency count from. */
  private static long newestMillis(DirectoryReader reader) throws IOException {
    byte[] max = PointValues.getMaxPackedValue(reader, ArticleFields.PUBLISHED);
    return max == null ? 0 : LongPoint.decodeDimension(max, 0);
  }
}
