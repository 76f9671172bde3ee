package io.newsarchive.search;

/**
 * How many matching articles carry one facet value.
 *
 * @param value the exact indexed value, e.g. a source or a canonical entity name
 * @param count number of matching articles with that value
 */
public record FacetCount(String value, long count) {}
