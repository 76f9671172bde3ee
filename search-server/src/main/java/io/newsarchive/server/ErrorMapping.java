package io.newsarchive.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.router.EndpointNotFound;
import io.newsarchive.search.InvalidRequestException;
import io.newsarchive.search.SearchesBusyException;
import io.newsarchive.server.api.ErrorBody;
import java.io.IOException;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * Gives every error the same JSON shape, {@link ErrorBody}: 400 for a bad parameter or query, 404
 * for an unknown article or route, 405 for a method other than GET, HEAD and OPTIONS, 421 for a
 * host name the server does not answer to, 503 when the index cannot be read or every search slot
 * stayed busy (with {@code Retry-After}), 500 for anything else. The errors Jetty answers by itself
 * get the shape from {@link HttpErrorHandler}. No stack trace ever reaches a response; unexpected
 * failures are logged instead.
 */
final class ErrorMapping {

  private static final System.Logger LOG = System.getLogger(ErrorMapping.class.getName());

  private ErrorMapping() {}

  static void register(RoutesConfig routes) {
    routes.exception(
        InvalidRequestException.class,
        (e, ctx) -> write(ctx, 400, new ErrorBody(e.title(), e.detail(), e.param().orElse(null))));
    routes.exception(EndpointNotFound.class, (e, ctx) -> notFound(ctx));
    routes.exception(MethodNotAllowedResponse.class, (e, ctx) -> methodNotAllowed(ctx));
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> write(ctx, e.getStatus(), forStatus(e.getStatus(), e.getMessage())));
    routes.exception(
        IllegalArgumentException.class,
        (e, ctx) -> write(ctx, 400, new ErrorBody("bad request", e.getMessage(), null)));
    routes.exception(
        SearchesBusyException.class,
        (e, ctx) -> {
          ctx.header("Retry-After", String.valueOf(e.retryAfter().toSeconds()));
          write(ctx, 503, new ErrorBody("too many searches", e.getMessage(), null));
        });
    routes.exception(IOException.class, (e, ctx) -> unavailable(ctx, e));
    routes.exception(AlreadyClosedException.class, (e, ctx) -> unavailable(ctx, e));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.log(System.Logger.Level.ERROR, "request " + ctx.path() + " failed", e);
          write(
              ctx,
              500,
              new ErrorBody("internal error", "the server failed to answer; see its log", null));
        });
    routes.error(
        404,
        ctx -> {
          if (ctx.resultInputStream() == null) {
            notFound(ctx);
          }
        });
  }

  /**
   * The body of an error answered with {@code status} alone.
   *
   * @param detail what the client can do about it
   */
  static ErrorBody forStatus(int status, String detail) {
    String title =
        switch (status) {
          case 400 -> "bad request";
          case 404 -> "not found";
          case 405 -> "method not allowed";
          case 413 -> "request too large";
          case 414 -> "URI too long";
          case 421 -> "host not allowed";
          case 431 -> "request headers too large";
          default -> "request failed";
        };
    return new ErrorBody(title, detail, null);
  }

  private static void notFound(Context ctx) {
    write(
        ctx,
        404,
        forStatus(404, "no route " + ctx.method() + " " + ctx.path() + "; see /api/openapi.json"));
  }

  private static void methodNotAllowed(Context ctx) {
    ctx.header("Allow", AllowedMethods.ALLOW);
    write(
        ctx,
        405,
        forStatus(
            405,
            ctx.path()
                + " does not take "
                + ctx.method()
                + ": this server only reads, with "
                + AllowedMethods.ALLOW));
  }

  private static void unavailable(Context ctx, Exception e) {
    LOG.log(System.Logger.Level.WARNING, "index unavailable: " + e.getMessage());
    write(
        ctx,
        503,
        new ErrorBody("index unavailable", "the index could not be read; retry later", null));
  }

  private static void write(Context ctx, int status, ErrorBody body) {
    ctx.status(status).jsonStream(body);
  }
}
