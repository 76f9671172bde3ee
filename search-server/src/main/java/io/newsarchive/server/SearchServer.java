package io.newsarchive.server;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.newsarchive.search.SearchBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the HTTP server: the JSON API under {@code /api}, {@code /health}, and the web page from
 * the class path folder {@code web/} at {@code /} ({@link WebPage}). Every response carries the
 * {@link SecurityHeaders}; every request must name the server by a host it answers to ({@link
 * HostCheck}); CORS is off unless {@link ServerOptions#corsOrigins()} names origins. Every request
 * is measured for {@code /metrics} ({@link ServerMetrics}) unless the options turn it off, and slow
 * searches are logged ({@link SlowQueryLog}). Both the {@code serve} command and the tests start
 * the app this factory returns.
 */
public final class SearchServer {

  /** Class path folder of the web page. */
  static final String WEB_FOLDER = "/web";

  /** Longest wait for running requests to answer when the server stops. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

  /** The request attribute holding the {@link Route} a request was sent to. */
  private static final String ROUTE = "newsarchive.route";

  private SearchServer() {}

  /**
   * The app for {@code backend}, listening where {@code options} say; call {@code start()} on it.
   * The caller keeps ownership of the backend.
   */
  public static Javalin create(SearchBackend backend, ServerOptions options) {
    Optional<ServerMetrics> metrics =
        options.metrics() ? Optional.of(new ServerMetrics(backend)) : Optional.empty();
    List<Route> routes = routes(backend, metrics);
    HostCheck hosts = new HostCheck(options);
    CorsPolicy cors = new CorsPolicy(options.corsOrigins());
    SlowQueryLog slowQueries = new SlowQueryLog(options.slowQuery());
    WebPage page = WebPage.load();
    return Javalin.create(javalin -> {
      javalin.startup.showJavalinBanner = false;
      javalin.jetty.host = options.host();
      javalin.jetty.port = options.port();
      javalin.jetty.modifyHttpConfiguration(http -> {
        http.addCustomizer(SecurityHeaders.customizer());
        // Jetty sends what it holds once a body outgrows this (8 KiB by default), in chunks without
        // a length; a page of results (about 10 KiB) then goes out in one write with its length.
        http.setOutputAggregationSize(http.getOutputBufferSize());
      });
      javalin.jetty.modifyServer(server -> {
        server.setErrorHandler(new HttpErrorHandler());
        // Searches are cancelled before the server stops; this bounds the wait for their answers.
        server.setStopTimeout(STOP_TIMEOUT.toMillis());
      });
      javalin.http.prefer405over404 = true;
      javalin.jsonMapper(new JsonBodyMapper());
      // First, so that even a request refused before its route is counted under that route.
      for (Route route : routes) {
        javalin.routes.before(route.path(), ctx -> ctx.attribute(ROUTE, route));
      }
      javalin.requestLogger.http((ctx, millis) -> {
        Route route = ctx.attribute(ROUTE);
        metrics.ifPresent(measured -> measured.record(ctx, route, millis));
        slowQueries.log(ctx, route, millis);
      });
      metrics.ifPresent(measured -> javalin.events.serverStopped(measured::close));
      javalin.routes.before(hosts::check);
      javalin.routes.before(cors::apply);
      for (Route route : routes) {
        Handler handler =
            route.searches() ? ClientWatch.watching(route.handler()) : route.handler();
        javalin.routes.get(route.path(), handler);
        // HEAD answers as GET does; Jetty leaves out the body.
        javalin.routes.head(route.path(), handler);
        javalin.routes.options(route.path(), AllowedMethods::options);
      }
      for (String path : page.paths()) {
        // The page offers suggestions as its user types: loading it starts preparing them, which
        // the backend otherwise leaves until they are first asked for.
        Handler serve =
            path.equals("/") || path.equals("/index.html")
                ? ctx -> {
                  backend.prepareSuggestions();
                  page.serve(ctx);
                }
                : page::serve;
        javalin.routes.get(path, serve);
        javalin.routes.head(path, page::serve);
        javalin.routes.options(path, AllowedMethods::options);
      }
      ErrorMapping.register(javalin.routes);
    });
  }

  /** Every GET route with the query parameters it accepts; {@code /metrics} with metrics. */
  static List<Route> routes(SearchBackend backend, Optional<ServerMetrics> metrics) {
    SearchHandler search = new SearchHandler(backend);
    ArticleHandler articles = new ArticleHandler(backend);
    EntityHandler entities = new EntityHandler(backend);
    SuggestHandler suggest = new SuggestHandler(backend);
    StatsHandler stats = new StatsHandler(backend);
    SignificantHandler significant = new SignificantHandler(backend);
    ExportHandler export = new ExportHandler(backend);
    FeedHandler feed = new FeedHandler(backend);
    List<Route> api = new ArrayList<>();
    api.addAll(
        List.of(
            new Route("/api/search", SearchHandler.PARAMS, search::search, true),
            new Route("/api/export", ExportHandler.PARAMS, export::export, true),
            new Route("/api/feed", FeedHandler.PARAMS, feed::feed, true),
            new Route(
                "/api/articles/{id}", ArticleHandler.ARTICLE_PARAMS, articles::article, false),
            new Route(
                "/api/articles/{id}/related",
                ArticleHandler.RELATED_PARAMS,
                articles::related,
                true),
            new Route("/api/entities", EntityHandler.PARAMS, entities::entities, true),
            new Route(
                "/api/significant", SignificantHandler.PARAMS, significant::significant, true),
            new Route(
                "/api/entities/{type}/{name}", EntityHandler.NAME_PARAMS, entities::entity, true),
            new Route("/api/suggest", SuggestHandler.PARAMS, suggest::suggest, false),
            new Route("/api/stats", StatsHandler.PARAMS, stats::stats, false),
            new Route("/health", StatsHandler.PARAMS, stats::health, false)));
    metrics.ifPresent(
        measured -> api.add(new Route("/metrics", ServerMetrics.PARAMS, measured::scrape, false)));
    // The document describes the other routes; it takes no parameters of its own.
    OpenApiHandler openApi = new OpenApiHandler(api);
    List<Route> all = new ArrayList<>(api);
    all.add(new Route(OpenApiHandler.PATH, OpenApiHandler.PARAMS, openApi::document, false));
    return List.copyOf(all);
  }
}
