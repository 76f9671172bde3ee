package io.newsarchive.server;

import io.javalin.http.Handler;
import java.util.Set;

/**
 * One GET route of the API: its path in Javalin syntax, the query parameters it accepts and its
 * handler. The OpenAPI document is tested against this list.
 *
 * @param path e.g. {@code /api/articles/{id}}
 * @param params accepted query parameter names
 * @param handler what answers it
 */
record Route(String path, Set<String> params, Handler handler) {}
