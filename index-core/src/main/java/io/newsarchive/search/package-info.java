/**
 * Searching the index: request validation, query building, ranking, facets, timelines, snippets.
 */
package io.newsarchive.search;
