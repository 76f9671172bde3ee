/**
 * The HTTP server: {@link io.newsarchive.server.SearchServer} builds the Javalin app, one handler
 * per resource does the HTTP input and output, {@link io.newsarchive.server.ErrorMapping} gives
 * every error one JSON shape.
 */
package io.newsarchive.server;
