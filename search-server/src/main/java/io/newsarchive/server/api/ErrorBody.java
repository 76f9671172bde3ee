package io.newsarchive.server.api;

/**
 * The one shape of every error response.
 *
 * @param error a short statement of what went wrong
 * @param detail what the client can do about it
 * @param param the offending query parameter, or {@code null}
 */
public record ErrorBody(String error, String detail, String param) {}
