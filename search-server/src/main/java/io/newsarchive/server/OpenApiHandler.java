package io.newsarchive.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** {@code GET /api/openapi.json}: the static OpenAPI document of this API. */
final class OpenApiHandler {

  /** Where the document lives on the class path. */
  static final String RESOURCE = "/openapi/openapi.json";

  static final Set<String> PARAMS = Set.of();

  private final byte[] document;

  OpenApiHandler() {
    try (InputStream in = OpenApiHandler.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the build lost " + RESOURCE);
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void document(Context ctx) {
    QueryParams.of(ctx, PARAMS);
    ctx.contentType("application/json").result(document);
  }
}
