package io.newsarchive.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.newsarchive.search.SearchParameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET /api/openapi.json}: the OpenAPI document of this API. The routes, their path
 * parameters and their responses are written by hand in the class path resource; the query
 * parameters of every route are filled in from their declarations when the server starts, so the
 * document cannot drift from what the handlers accept.
 */
final class OpenApiHandler {

  /** Where the hand-written part of the document lives on the class path. */
  static final String RESOURCE = "/openapi/openapi.json";

  static final List<SearchParameter<?>> PARAMS = List.of();

  private final byte[] document;

  /** The document for {@code routes}, each of which the resource must describe. */
  OpenApiHandler(List<Route> routes) {
    ObjectMapper mapper = new ObjectMapper();
    try (InputStream in = OpenApiHandler.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the build lost " + RESOURCE);
      }
      ObjectNode root = (ObjectNode) mapper.readTree(in);
      for (Route route : routes) {
        ObjectNode get = (ObjectNode) root.path("paths").path(route.path()).path("get");
        if (get.isMissingNode()) {
          throw new IllegalStateException(RESOURCE + " does not describe GET " + route.path());
        }
        ArrayNode parameters = get.withArray("parameters");
        for (SearchParameter<?> parameter : route.params()) {
          parameters.add(describe(mapper, parameter));
        }
      }
      document = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode describe(ObjectMapper mapper, SearchParameter<?> parameter) {
    ObjectNode node = mapper.createObjectNode();
    node.put("name", parameter.name());
    node.put("in", "query");
    node.put("required", parameter.required());
    node.put("description", parameter.doc());
    node.set("schema", mapper.valueToTree(parameter.schema()));
    if (parameter.arity() == SearchParameter.Arity.REPEATED) {
      node.put("explode", true);
    }
    return node;
  }

  void document(Context ctx) {
    QueryParams.of(ctx, PARAMS);
    ctx.contentType("application/json").result(document);
  }
}
