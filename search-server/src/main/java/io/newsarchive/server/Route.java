package io.newsarchive.server;

import io.javalin.http.Handler;
import io.newsarchive.search.SearchParameter;
import java.util.List;

/**
 * One GET route of the API: its path in Javalin syntax, the query parameters it accepts and its
 * handler. The OpenAPI document lists the query parameters from these declarations.
 *
 * @param path e.g. {@code /api/articles/{id}}
 * @param params the declared query parameters it accepts
 * @param handler what answers it
 * @param searches whether it runs searches that may take long, which stop when the client goes away
 *     ({@link ClientWatch})
 */
record Route(String path, List<SearchParameter<?>> params, Handler handler, boolean searches) {}
