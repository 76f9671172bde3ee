package io.newsarchive.server.api;

/**
 * The body of {@code GET /health}.
 *
 * @param status {@code ok} when the index answers
 * @param articles number of articles
 */
public record HealthResponse(String status, long articles) {}
