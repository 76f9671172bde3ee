package io.newsarchive.cli;

import io.newsarchive.index.ArticleIndexer;
import io.newsarchive.index.ArticleStore;
import io.newsarchive.index.ClusterIndex;
import io.newsarchive.index.ClusterStoreOpener;
import io.newsarchive.index.IndexSchemaCheck;
import io.newsarchive.ingest.ArticleReader;
import io.newsarchive.ingest.IngestInput;
import io.newsarchive.ingest.IngestListener;
import io.newsarchive.ingest.IngestOptions;
import io.newsarchive.ingest.IngestPipeline;
import io.newsarchive.ingest.IngestProgress;
import io.newsarchive.ingest.InputFile;
import io.newsarchive.ingest.InputFiles;
import io.newsarchive.ingest.InputFormat;
import io.newsarchive.ingest.ReadOptions;
import io.newsarchive.semantic.PassageEmbedder;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsarchive index}: reads archive files and upserts their articles into an index, a local
 * directory or, with {@code --opensearch}, an index on an OpenSearch cluster.
 */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Read news articles from files and directories and add them to an index.",
      "Re-running over the same input adds nothing: articles are upserted by id.",
      "With --opensearch the index is on an OpenSearch cluster; a secured cluster takes the"
          + " user and password from the environment variables NEWSARCHIVE_OPENSEARCH_USER and"
          + " NEWSARCHIVE_OPENSEARCH_PASSWORD, or an API key from NEWSARCHIVE_OPENSEARCH_API_KEY."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the input was indexed (malformed records are reported and skipped)",
      "1:nothing could be read from the input",
      "2:invalid options",
      "3:an input or the index could not be read or written, or the cluster refused or did not"
          + " answer"
    })
public final class IndexCommand implements Callable<Integer> {

  /** Exit code when no article could be read. */
  static final int NOTHING_READ = 1;

  /** Exit code for an I/O failure. */
  static final int IO_FAILURE = 3;

  /** Options that only a local index has. */
  private static final List<String> LOCAL_ONLY =
      List.of("--index", "--optimize", "--merge-small", "--semantic");

  /** Options that only an index on a cluster has. */
  private static final List<String> CLUSTER_ONLY =
      List.of("--opensearch-index", "--opensearch-shards", "--opensearch-replicas");

  private final Optional<ClusterStoreOpener> clusterStores;

  @Spec CommandSpec spec;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      defaultValue = "newsarchive-index",
      description = "Index directory, created when missing (default: ${DEFAULT-VALUE}).")
  Path index;

  @Option(
      names = "--opensearch",
      paramLabel = "URL",
      split = ",",
      description = {
        "Index into OpenSearch instead of a directory: the HTTP addresses of some of the"
            + " cluster's nodes, comma-separated, like http://127.0.0.1:9200 (default: none, a"
            + " local index)."
      })
  List<URI> opensearch;

  @Option(
      names = "--opensearch-index",
      paramLabel = "NAME",
      defaultValue = ClusterIndex.DEFAULT_NAME,
      description = "OpenSearch index name, created when missing (default: ${DEFAULT-VALUE}).")
  String opensearchIndex;

  @Option(
      names = "--opensearch-shards",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Primary shards of the OpenSearch index when this run creates it (default:"
              + " ${DEFAULT-VALUE}).")
  int opensearchShards;

  @Option(
      names = "--opensearch-replicas",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Copies of each shard on other nodes when this run creates the OpenSearch index; 0"
              + " keeps a single node green, a cluster wants 1 or more (default:"
              + " ${DEFAULT-VALUE}).")
  int opensearchReplicas;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Files or directories to read; directories are walked recursively.")
  List<Path> inputs;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = InputFormatConverter.class,
      completionCandidates = InputFormatConverter.Names.class,
      description =
          "Read every file as this format instead of detecting it: ${COMPLETION-CANDIDATES}"
              + " (feed: RSS or Atom; html: saved article pages).")
  InputFormat format;

  @Mixin ReadOptionsMixin read;

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      description = "Also write every rejected record and warning to FILE as JSON lines.")
  Path rejects;

  @Option(
      names = "--entities",
      paramLabel = "MODE",
      defaultValue = "model",
      converter = EntityMode.Converter.class,
      description =
          "Entity extraction: model (the bundled NER model) or none (default: ${DEFAULT-VALUE}).")
  EntityMode entities;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Worker threads (default: one per processor; without entities into a local index one"
              + " per processor but one, at least 1). With entities into a local index, two or"
              + " more workers only tag, and one more thread per three of them stores.")
  Integer threads;

  @Option(
      names = "--commit-every",
      paramLabel = "N",
      defaultValue = "" + IngestOptions.DEFAULT_COMMIT_ARTICLES,
      description =
          "Commit after at most N articles, so a crash loses little (default: ${DEFAULT-VALUE}).")
  int commitArticles;

  @Option(
      names = "--commit-interval",
      paramLabel = "SECONDS",
      defaultValue = "" + IngestOptions.DEFAULT_COMMIT_SECONDS,
      description =
          "Commit at least every SECONDS seconds; searchers see new articles at each commit"
              + " (default: ${DEFAULT-VALUE}).")
  int commitSeconds;

  @Option(
      names = "--optimize",
      description =
          "After reading, merge the whole index into one segment: smaller and faster to search,"
              + " but the merge rewrites the index, so use it after a bulk ingest rather than on"
              + " every small update (default: off).")
  boolean optimize;

  @Option(
      names = "--merge-small",
      paramLabel = "MB",
      defaultValue = "128",
      description =
          "After reading, merge the segments smaller than MB megabytes into one, so that searches"
              + " visit fewer segments; 0 leaves them as written (default: ${DEFAULT-VALUE}).")
  int mergeSmallMb;

  @Option(
      names = "--semantic",
      description =
          "Also give each article the sentence embeddings of its passages (all-MiniLM-L6-v2), with"
              + " which every search of plain words ranks its best articles by meaning too (the"
              + " semantic parameter); without them only questions of more than four words are, by"
              + " passages encoded while searching. About seven times the CPU of an ingest without them; articles already in the index"
              + " unchanged keep what they had, so build a new index to add them (default: off).")
  boolean semantic;

  @Option(
      names = "--progress",
      paramLabel = "WHEN",
      defaultValue = "auto",
      converter = ProgressMode.Converter.class,
      description =
          "Progress bar: auto (on a terminal), always or never (default: ${DEFAULT-VALUE}).")
  ProgressMode progress;

  /** The command for a local index only: {@code --opensearch} is refused. */
  public IndexCommand() {
    this.clusterStores = Optional.empty();
  }

  /** The command that opens the store of {@code --opensearch} with {@code clusterStores}. */
  public IndexCommand(ClusterStoreOpener clusterStores) {
    this.clusterStores = Optional.of(clusterStores);
  }

  @Override
  public Integer call() {
    requireOneTarget();
    if (threads != null && threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    requirePositive("--max-record-size", read.maxRecordChars);
    requirePositive("--commit-every", commitArticles);
    requirePositive("--commit-interval", commitSeconds);
    if (mergeSmallMb < 0) {
      throw new ParameterException(
          spec.commandLine(), "--merge-small must be 0 or more, got " + mergeSmallMb);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (RejectionLog log = RejectionLog.open(err, Optional.ofNullable(rejects))) {
      int workers =
          threads == null
              ? IngestOptions.defaultWorkers(opensearch == null, entities == EntityMode.MODEL)
              : threads;
      FormatTally formats = new FormatTally(log);
      IngestPipeline pipeline =
          new IngestPipeline(
              new IngestOptions(
                  workers,
                  entities.extractor(),
                  Duration.ofSeconds(commitSeconds),
                  commitArticles,
                  IngestOptions.storers(workers, opensearch == null, entities == EntityMode.MODEL)),
              formats);
      List<InputFile> files =
          InputFiles.discover(inputs, Optional.ofNullable(format), pipeline.listener());
      if (files.isEmpty()) {
        err.println("error: no readable article files in " + inputs);
        return NOTHING_READ;
      }
      IngestProgress result;
      try (ArticleStore store = openStore(err, workers);
          ConsoleProgress bar = ConsoleProgress.start(progress, err)) {
        result = pipeline.run(store, asInputs(files, read.toReadOptions()), bar);
        out.println(summary(result, store.documentCount()));
        out.println(formats.line());
        if (store instanceof ArticleIndexer indexer) {
          merge(indexer, out);
        }
      }
      log.printSummary(result);
      if (result.indexed() == 0) {
        err.println("error: no article could be read from " + inputs);
        return NOTHING_READ;
      }
      return 0;
    } catch (NoSuchFileException e) {
      err.println("error: no such file or directory: " + e.getFile());
      return IO_FAILURE;
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return IO_FAILURE;
    }
  }

  /** Refuses options of a local index with {@code --opensearch}, and those of a cluster without. */
  private void requireOneTarget() {
    List<String> refused = opensearch == null ? CLUSTER_ONLY : LOCAL_ONLY;
    for (String option : refused) {
      if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
        throw new ParameterException(
            spec.commandLine(),
            option
                + (opensearch == null
                    ? " needs --opensearch"
                    : " is for a local index and cannot be combined with --opensearch"));
      }
    }
    if (opensearch != null && clusterStores.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "this build of newsarchive cannot write to OpenSearch");
    }
  }

  /** Merges the whole index with {@code --optimize}, else its small segments, and says so. */
  private void merge(ArticleIndexer indexer, PrintWriter out) throws IOException {
    long start = System.nanoTime();
    if (optimize) {
      int before = indexer.segmentCount();
      indexer.optimize();
      out.printf(
          "Merged %,d segments into one in %.1f s.%n", before, (System.nanoTime() - start) / 1e9);
    } else if (mergeSmallMb > 0) {
      int merged = indexer.mergeSmallSegments(mergeSmallMb * 1024L * 1024L);
      if (merged > 0) {
        out.printf(
            "Merged %,d small segments into one in %.1f s.%n",
            merged, (System.nanoTime() - start) / 1e9);
      }
    }
  }

  /**
   * The local index, whose articles at most {@link IngestOptions#indexWriters} of the run's {@code
   * workers} add at once, or the cluster's with {@code --opensearch}.
   */
  private ArticleStore openStore(PrintWriter err, int workers) throws IOException {
    if (opensearch == null) {
      noteInterruptedIngest(err);
      return ArticleIndexer.open(
          index,
          semantic ? Optional.of(PassageEmbedder.load()) : Optional.empty(),
          IngestOptions.indexWriters(workers, entities == EntityMode.MODEL));
    }
    try {
      ClusterIndex target =
          new ClusterIndex(opensearch, opensearchIndex, opensearchShards, opensearchReplicas);
      return clusterStores.orElseThrow().open(target);
    } catch (IllegalArgumentException e) {
      // A node address or the credentials of the environment.
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** Where the articles went, for the summary. */
  private String target() {
    return opensearch == null
        ? index.toString()
        : "OpenSearch index " + opensearchIndex + " at " + opensearch;
  }

  private void noteInterruptedIngest(PrintWriter err) throws IOException {
    if (!java.nio.file.Files.isDirectory(index)) {
      return;
    }
    try (Directory directory = FSDirectory.open(index)) {
      if (IndexSchemaCheck.isInterruptedFirstIngest(directory)) {
        err.println(
            "note: "
                + index
                + " holds the files of an ingest interrupted before its first commit;"
                + " indexing starts over");
      }
    }
  }

  private void requirePositive(String option, int value) {
    if (value < 1) {
      throw new ParameterException(
          spec.commandLine(), option + " must be at least 1, got " + value);
    }
  }

  private static List<IngestInput> asInputs(List<InputFile> files, ReadOptions options) {
    return files.stream().<IngestInput>map(file -> new FileInput(file, options)).toList();
  }

  private String summary(IngestProgress p, long documents) {
    return String.format(
        "Indexed into %s: read %,d, added %,d, updated %,d, unchanged %,d, rejected %,d,"
            + " warnings %,d in %.1f s (%,.0f articles/s); the index holds %,d articles.",
        target(),
        p.read(),
        p.added(),
        p.updated(),
        p.unchanged(),
        p.rejected(),
        p.warnings(),
        p.elapsed().toMillis() / 1000.0,
        p.articlesPerSecond(),
        documents);
  }

  /** A discovered file opened with the run's read options. */
  private record FileInput(InputFile file, ReadOptions options) implements IngestInput {
    @Override
    public Path path() {
      return file.path();
    }

    @Override
    public long bytes() {
      return file.bytes();
    }

    @Override
    public ArticleReader open(IngestListener listener) throws IOException {
      return file.open(options, listener);
    }
  }
}
