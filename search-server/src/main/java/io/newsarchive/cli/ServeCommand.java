package io.newsarchive.cli;

import io.javalin.Javalin;
import io.newsarchive.search.ArticleSearcher;
import io.newsarchive.search.SearcherOptions;
import io.newsarchive.server.SearchServer;
import io.newsarchive.server.ServerOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsarchive serve}: answers the HTTP API and serves the web page over one index. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve an index over HTTP: the JSON API under /api (described at /api/openapi.json),"
          + " /health and the web page at /.",
      "Commits made meanwhile by 'newsarchive index' become visible within a second."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped normally",
      "1:the index could not be opened (missing, empty or of another schema version)",
      "2:bad options"
    })
public final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--index",
      defaultValue = "newsarchive-index",
      paramLabel = "DIR",
      description = "Index directory built by 'newsarchive index' (default: ${DEFAULT-VALUE}).")
  Path index;

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

  @Override
  public Integer call() throws InterruptedException {
    SearcherOptions options;
    try {
      options =
          SearcherOptions.DEFAULTS
              .withConcurrentSearches(concurrentSearches)
              .withTimeBudget(Duration.ofMillis(timeBudgetMillis));
    } catch (IllegalArgumentException e) {
      System.err.println("newsarchive serve: " + e.getMessage());
      return 2;
    }
    ArticleSearcher searcher;
    try {
      searcher = ArticleSearcher.open(index, options);
    } catch (IOException e) {
      System.err.println("newsarchive serve: " + e.getMessage());
      return 1;
    }
    Javalin app = SearchServer.create(searcher, new ServerOptions(host, port));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> {
              // Running searches answer at once with what they have, so the stop need not wait.
              searcher.cancelSearches();
              app.stop();
              try {
                searcher.close();
              } catch (IOException e) {
                System.err.println("newsarchive serve: closing the index: " + e.getMessage());
              }
              stopped.countDown();
            }));
    app.start();
    long articles;
    try {
      articles = searcher.count();
    } catch (IOException e) {
      articles = -1;
    }
    System.out.printf(
        "newsarchive: serving %d articles from %s at http://%s:%d/ (Ctrl-C stops)%n",
        articles, index, host, app.port());
    stopped.await();
    return 0;
  }
}
