/**
 * Load measurement of the search pages: closed-loop clients over keep-alive HTTP, and a baseline
 * that builds the same page with plain Lucene calls, to show how far the server is from the
 * library's own cost.
 */
package io.newsarchive.bench;
