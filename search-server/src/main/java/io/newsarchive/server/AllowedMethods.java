package io.newsarchive.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * The methods the server takes. Everything it serves is read-only, so every route and every file of
 * the web page allows GET, HEAD and OPTIONS; OPTIONS lists them, any other method gets 405 with the
 * same list.
 */
final class AllowedMethods {

  /** The value of the {@code Allow} header of every resource. */
  static final String ALLOW = "GET, HEAD, OPTIONS";

  /** The methods a page of another origin may use, when CORS lets it. */
  static final String CROSS_ORIGIN = "GET, HEAD";

  private AllowedMethods() {}

  /** Answers OPTIONS on a resource: no body, the methods it allows. */
  static void options(Context ctx) {
    ctx.header("Allow", ALLOW).status(204);
    // Javalin starts every response as text/plain; this one has no content to type.
    ctx.res().setContentType(null);
  }

  /** Whether {@code method} is one a resource allows. */
  static boolean allows(HandlerType method) {
    return method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS;
  }
}
