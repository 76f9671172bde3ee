package io.newsarchive.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.newsarchive.search.SearchParameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/openapi.json}: the OpenAPI document of this API. The routes, their path
 * parameters and their responses are written by hand in the class path resource; the query
 * parameters of every route are filled in from their declarations when the server starts, and so
 * are the answers every route shares (400 for a bad query string, 421 for a host it does not answer
 * to) and the {@link SecurityHeaders} of every response, so the document cannot drift from what the
 * server does.
 */
final class OpenApiHandler {

  /** Where the hand-written part of the document lives on the class path. */
  static final String RESOURCE = "/openapi/openapi.json";

  /** Where the server serves this document. */
  static final String PATH = "/api/openapi.json";

  static final List<SearchParameter<?>> PARAMS = List.of();

  private final byte[] document;

  /**
   * The document for {@code routes}, each of which the resource must describe; a path the resource
   * describes but no route serves, such as {@code /metrics} when metrics are off, is left out.
   */
  OpenApiHandler(List<Route> routes) {
    ObjectMapper mapper = new ObjectMapper();
    try (InputStream in = OpenApiHandler.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the build lost " + RESOURCE);
      }
      ObjectNode root = (ObjectNode) mapper.readTree(in);
      Set<String> served = new HashSet<>(Set.of(PATH));
      routes.forEach(route -> served.add(route.path()));
      ((ObjectNode) root.path("paths")).retain(served);
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
      // Every path answers these, the document's own included.
      root.path("paths")
          .forEach(path -> addCommonResponses((ObjectNode) path.at("/get/responses")));
      ObjectNode headers = ((ObjectNode) root.path("components")).putObject("headers");
      for (Map.Entry<String, String> header : SecurityHeaders.ALL) {
        ObjectNode described = headers.putObject(header.getKey());
        described.put("description", "Sent on every response");
        described.putObject("schema").put("type", "string").put("example", header.getValue());
      }
      document = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds what every route may answer, the refusals of a bad query string and of a host name the
   * server does not answer to, and the security headers to each of its responses.
   */
  private static void addCommonResponses(ObjectNode responses) {
    if (!responses.has("400")) {
      responses.putObject("400").put("$ref", "#/components/responses/BadRequest");
    }
    responses.putObject("421").put("$ref", "#/components/responses/MisdirectedRequest");
    responses
        .properties()
        .forEach(response -> {
          if (!response.getValue().has("$ref")) {
            ObjectNode headers = ((ObjectNode) response.getValue()).putObject("headers");
            for (Map.Entry<String, String> header : SecurityHeaders.ALL) {
              headers
                  .putObject(header.getKey())
                  .put("$ref", "#/components/headers/" + header.getKey());
            }
          }
        });
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
