package io.newsarchive.search;

import java.time.Instant;

/**
 * The number of matching articles published in one interval.
 *
 * @param start first instant of the bucket (midnight UTC)
 * @param count matching articles published in {@code [start, start of next bucket)}
 */
public record TimelineBucket(Instant start, long count) {}
