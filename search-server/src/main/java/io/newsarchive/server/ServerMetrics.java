package io.newsarchive.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsarchive.search.SearchBackend;
import io.newsarchive.search.SearchCounts;
import io.newsarchive.search.SearchParameter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * {@code GET /metrics}: the server's metrics in the Prometheus text format, or in OpenMetrics when
 * the scraper asks for it. They are the time of every request by route template, method and status
 * class; the backend's searches, early stops, refusals and index refreshes; the index's article
 * count and size on disk; and the JVM's memory, garbage collection, threads, classes, processor and
 * uptime. Labels never carry a request's path or query string, so their number stays bounded.
 * Thread-safe.
 */
final class ServerMetrics implements AutoCloseable {

  static final List<SearchParameter<?>> PARAMS = List.of();

  /** The Prometheus text format, the answer unless the scraper asks for OpenMetrics. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  /** The OpenMetrics text format, answered when the {@code Accept} header names it. */
  static final String OPEN_METRICS_TEXT =
      "application/openmetrics-text; version=1.0.0; charset=utf-8";

  /** The label of requests that no route answered: the web page's files, unknown paths. */
  static final String NO_ROUTE = "other";

  /** Histogram buckets of request times: from a cached page to a search at its time budget. */
  private static final Duration[] BUCKETS =
      List.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000).stream()
          .map(Duration::ofMillis)
          .toArray(Duration[]::new);

  /** The methods labelled by name; any other, even one Jetty accepts, is {@code other}. */
  private static final Set<HandlerType> METHODS = Set.copyOf(HandlerType.commonHttp());

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /** Metrics of a server answering from {@code backend}; close them when it stops. */
  ServerMetrics(SearchBackend backend) {
    count(backend, "newsarchive.searches", "Searches run", SearchCounts::searches);
    count(
        backend,
        "newsarchive.searches.timed.out",
        "Searches that ran out of their time budget and answered partial results",
        SearchCounts::timedOut);
    count(
        backend,
        "newsarchive.searches.cancelled",
        "Searches stopped because their client went away or the server was stopping",
        SearchCounts::cancelled);
    count(
        backend,
        "newsarchive.searches.rejected",
        "Searches refused with 503 because every search slot stayed busy",
        SearchCounts::rejected);
    count(
        backend,
        "newsarchive.index.refreshes",
        "Newer index commits opened and made visible",
        SearchCounts::refreshes);
    Gauge.builder("newsarchive.searches.running", backend, SearchBackend::runningSearches)
        .description("Searches holding a search slot now")
        .register(registry);
    Gauge.builder("newsarchive.index.articles", backend, ServerMetrics::articles)
        .description("Live articles in the index version searched now")
        .register(registry);
    Gauge.builder("newsarchive.index.size", backend, ServerMetrics::bytes)
        .description("Size on disk of the index version searched now")
        .baseUnit(BaseUnits.BYTES)
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  private void count(
      SearchBackend backend, String name, String help, ToLongFunction<SearchCounts> count) {
    FunctionCounter.builder(name, backend, s -> count.applyAsLong(s.counts()))
        .description(help)
        .register(registry);
  }

  private static double articles(SearchBackend backend) {
    try {
      return backend.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double bytes(SearchBackend backend) {
    try {
      return backend.indexBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Counts one answered request in the histogram of its route ({@link #NO_ROUTE} when {@code route}
   * is null), method and status class.
   */
  void record(Context ctx, Route route, float millis) {
    HandlerType method = ctx.method();
    Timer.builder("http.server.requests")
        .description("HTTP requests answered, by route template, method and status class")
        .tags(
            "route",
            route == null ? NO_ROUTE : route.path(),
            "method",
            METHODS.contains(method) ? method.name() : "other",
            "status",
            ctx.statusCode() / 100 + "xx")
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record((long) (millis * 1_000_000.0), TimeUnit.NANOSECONDS);
  }

  /** Answers a scrape in the format the {@code Accept} header asks for. */
  void scrape(Context ctx) {
    QueryParams.of(ctx, PARAMS);
    String accept = ctx.header("Accept");
    String type =
        accept != null && accept.contains("application/openmetrics-text")
            ? OPEN_METRICS_TEXT
            : PROMETHEUS_TEXT;
    ctx.contentType(type).result(registry.scrape(type));
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
