package io.newsarchive.cli;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.server.SearchServer;
import io.newsarchive.server.ServerOptions;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsarchive serve}: answers the HTTP API and serves the web page over one index. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve an index over HTTP: the JSON API under /api (described at /api/openapi.json),"
          + " /health, /metrics and the web page at /.",
      "Commits made meanwhile by 'newsarchive index' become visible within a second."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped normally",
      "1:the index could not be opened (missing, empty or of another schema version), or the"
          + " OpenSearch cluster could not be reached",
      "2:bad options, or the port is already in use"
    })
public final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ArchiveOptions archive;

  @Option(
      names = "--port",
      defaultValue = "7070",
      description = "TCP port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Interface to bind (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(
      names = "--allowed-hosts",
      split = ",",
      paramLabel = "NAME",
      description =
          "Further names the server may be reached by, comma-separated (e.g. behind a proxy);"
              + " requests naming any other host in their Host header get 421. Loopback names,"
              + " IP addresses and --host are always accepted.")
  List<String> allowedHosts = new ArrayList<>();

  @Option(
      names = "--cors",
      paramLabel = "ORIGIN",
      description =
          "Let pages of ORIGIN (e.g. https://example.org) call the API from a browser;"
              + " repeatable. Off by default.")
  List<String> corsOrigins = new ArrayList<>();

  @Option(
      names = "--concurrent-searches",
      paramLabel = "N",
      description =
          "Searches that run at once; more wait up to 2 s for a slot, then get 503 with"
              + " Retry-After (default: one per processor, at least 2; here ${DEFAULT-VALUE}).")
  int concurrentSearches = SearcherOptions.DEFAULT_CONCURRENT_SEARCHES;

  @Option(
      names = "--time-budget-ms",
      paramLabel = "MS",
      description =
          "Time one search may take, expanding wildcards and collecting, before it answers what"
              + " it found flagged timedOut (default: ${DEFAULT-VALUE}).")
  long timeBudgetMillis = SearcherOptions.DEFAULTS.timeBudget().toMillis();

  @Option(
      names = "--slow-query-ms",
      paramLabel = "MS",
      description =
          "Log each search request that takes MS or longer, with its route, parameters, time,"
              + " hits and whether it timed out; 0 logs every one (default: ${DEFAULT-VALUE}).")
  long slowQueryMillis = ServerOptions.DEFAULT_SLOW_QUERY.toMillis();

  @Option(
      names = "--metrics",
      arity = "1",
      paramLabel = "true|false",
      description =
          "Serve request, search, index and JVM metrics at /metrics in the Prometheus text"
              + " format (default: ${DEFAULT-VALUE}).")
  boolean metrics = true;

  @Override
  public Integer call() throws InterruptedException {
    ServerOptions options = options();
    SearcherOptions searcherOptions = searcherOptions();
    SearchBackend backend;
    try {
      backend = archive.open(searcherOptions);
    } catch (IOException e) {
      System.err.println("newsarchive serve: " + e.getMessage());
      return 1;
    }
    Javalin app = SearchServer.create(backend, options);
    try {
      app.start();
    } catch (JavalinBindException e) {
      closeQuietly(backend);
      throw new ParameterException(spec.commandLine(), cannotListen(e));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> {
              // Running searches answer at once with what they have, so the stop need not wait.
              backend.cancelSearches();
              app.stop();
              closeQuietly(backend);
              stopped.countDown();
            }));
    long articles;
    try {
      articles = backend.count();
    } catch (IOException e) {
      articles = -1;
    }
    System.out.printf(
        "newsarchive: serving %d articles from %s at http://%s:%d/ (Ctrl-C stops)%n",
        articles, archive.where(), host, app.port());
    stopped.await();
    return 0;
  }

  /** The options as the searcher takes them; any bad one is a usage error. */
  private SearcherOptions searcherOptions() {
    try {
      return SearcherOptions.DEFAULTS
          .withConcurrentSearches(concurrentSearches)
          .withTimeBudget(Duration.ofMillis(timeBudgetMillis));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The options as the server takes them; any bad one is a usage error. */
  private ServerOptions options() {
    try {
      // Java would look a malformed address such as 256.1.1.1 up as a name; so does this.
      InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new ParameterException(
          spec.commandLine(),
          "--host "
              + host
              + " is not a valid host: neither an IP address nor a name this machine resolves");
    }
    try {
      return new ServerOptions(
          host, port, allowedHosts, corsOrigins, Duration.ofMillis(slowQueryMillis), metrics);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private String cannotListen(JavalinBindException e) {
    String reason = null;
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException bind) {
        reason = bind.getMessage();
      }
    }
    if (reason != null && reason.contains("in use")) {
      return "port " + port + " on " + host + " is already in use; pick another with --port";
    }
    return "cannot listen on "
        + host
        + ":"
        + port
        + (reason == null ? "" : ": " + reason)
        + "; --host must be an address of this machine";
  }

  private static void closeQuietly(SearchBackend backend) {
    try {
      backend.close();
    } catch (IOException e) {
      System.err.println("newsarchive serve: closing the index: " + e.getMessage());
    }
  }
}
