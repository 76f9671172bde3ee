package io.newsarchive.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-origin access for the origins of {@link ServerOptions#corsOrigins()}, and for no other:
 * with none given the server sends no CORS header at all, so browsers keep other sites' pages from
 * reading its answers. Thread-safe: immutable.
 */
final class CorsPolicy {

  private final Set<String> origins;

  CorsPolicy(List<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  /**
   * Lets an allowed origin read the response, and answers its preflight request with the methods
   * the server takes.
   */
  void apply(Context ctx) {
    if (origins.isEmpty()) {
      return;
    }
    // Caches must not hand one origin's answer to another.
    ctx.res().addHeader("Vary", "Origin");
    String origin = ctx.header("Origin");
    if (origin == null || !origins.contains(origin.toLowerCase(Locale.ROOT))) {
      return;
    }
    ctx.header("Access-Control-Allow-Origin", origin);
    if (ctx.method() == HandlerType.OPTIONS
        && ctx.header("Access-Control-Request-Method") != null) {
      ctx.header("Access-Control-Allow-Methods", AllowedMethods.CROSS_ORIGIN);
      ctx.header("Access-Control-Max-Age", "600");
    }
  }
}
