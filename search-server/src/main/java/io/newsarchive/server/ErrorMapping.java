package io.newsarchive.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.EndpointNotFound;
import io.newsarchive.search.InvalidRequestException;
import io.newsarchive.search.SearchesBusyException;
import io.newsarchive.server.api.ErrorBody;
import java.io.IOException;
import org.apache.lucene.store.AlreadyClosedException;

/**
 * Gives every error the same JSON shape, {@link ErrorBody}: 400 for a bad parameter or query, 404
 * for an unknown article or route, 503 when the index cannot be read or every search slot stayed
 * busy (with {@code Retry-After}), 500 for anything else. No stack trace ever reaches a response;
 * unexpected failures are logged instead.
 */
final class ErrorMapping {

  private static final System.Logger LOG = System.getLogger(ErrorMapping.class.getName());

  private ErrorMapping() {}

  static void register(RoutesConfig routes) {
    routes.exception(
        InvalidRequestException.class,
        (e, ctx) -> write(ctx, 400, new ErrorBody(e.title(), e.detail(), e.param().orElse(null))));
    routes.exception(
        EndpointNotFound.class,
        (e, ctx) ->
            write(
                ctx,
                404,
                new ErrorBody(
                    "not found",
                    "no route " + ctx.method() + " " + ctx.path() + "; see /api/openapi.json",
                    null)));
    routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            write(ctx, e.getStatus(), new ErrorBody(title(e.getStatus()), e.getMessage(), null)));
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
            write(
                ctx,
                404,
                new ErrorBody(
                    "not found",
                    "no route " + ctx.method() + " " + ctx.path() + "; see /api/openapi.json",
                    null));
          }
        });
  }

  private static void unavailable(Context ctx, Exception e) {
    LOG.log(System.Logger.Level.WARNING, "index unavailable: " + e.getMessage());
    write(
        ctx,
        503,
        new ErrorBody("index unavailable", "the index could not be read; retry later", null));
  }

  private static String title(int status) {
    return switch (status) {
      case 404 -> "not found";
      case 405 -> "method not allowed";
      default -> "request failed";
    };
  }

  private static void write(Context ctx, int status, ErrorBody body) {
    ctx.status(status).json(body);
  }
}
