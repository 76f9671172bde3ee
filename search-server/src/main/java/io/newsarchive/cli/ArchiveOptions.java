package io.newsarchive.cli;

import io.newsarchive.opensearch.OpenSearchBackend;
import io.newsarchive.opensearch.OpenSearchConnection;
import io.newsarchive.opensearch.OpenSearchSchema;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearcherOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The archive a command reads, as its options name it: a local index directory, or an index of an
 * OpenSearch cluster. A picocli mixin shared by the commands that search an archive.
 */
public final class ArchiveOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--index",
      defaultValue = "newsarchive-index",
      paramLabel = "DIR",
      description = "Index directory built by 'newsarchive index' (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(
      names = "--opensearch",
      split = ",",
      paramLabel = "URL",
      description =
          "Use an OpenSearch cluster instead of a local index: the HTTP address of one or more of"
              + " its nodes, comma-separated (e.g. http://127.0.0.1:9200). Credentials come from"
              + " the environment: NEWSARCHIVE_OPENSEARCH_USER and"
              + " NEWSARCHIVE_OPENSEARCH_PASSWORD, or NEWSARCHIVE_OPENSEARCH_API_KEY.")
  List<URI> openSearch = new ArrayList<>();

  @Option(
      names = "--opensearch-index",
      paramLabel = "NAME",
      description =
          "The OpenSearch index built by 'newsarchive index --opensearch' (default: "
              + OpenSearchSchema.DEFAULT_INDEX
              + ").")
  String openSearchIndex;

  /**
   * Opens the archive the options name.
   *
   * @throws ParameterException when the options name two archives or a bad address
   * @throws IOException when the archive cannot be read or reached
   */
  SearchBackend open(SearcherOptions options) throws IOException {
    if (openSearch.isEmpty()) {
      if (openSearchIndex != null) {
        throw new ParameterException(
            spec.commandLine(), "--opensearch-index needs --opensearch URL");
      }
      return ArticleSearcher.open(index, options);
    }
    if (spec.commandLine().getParseResult().hasMatchedOption("--index")) {
      throw new ParameterException(
          spec.commandLine(), "--index and --opensearch name two archives; give one of them");
    }
    OpenSearchConnection connection;
    try {
      connection = OpenSearchConnection.open(openSearch);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--opensearch: " + e.getMessage());
    }
    try {
      return OpenSearchBackend.open(connection, openSearchIndexName(), options);
    } catch (IOException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Where the archive is, for messages. */
  String where() {
    return openSearch.isEmpty()
        ? index.toString()
        : "OpenSearch index " + openSearchIndexName() + " (" + openSearch.get(0) + ")";
  }

  private String openSearchIndexName() {
    return openSearchIndex == null ? OpenSearchSchema.DEFAULT_INDEX : openSearchIndex;
  }
}
