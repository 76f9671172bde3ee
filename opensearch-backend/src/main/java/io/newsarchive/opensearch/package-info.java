/**
 * The archive on an OpenSearch cluster: {@link io.newsarchive.opensearch.OpenSearchConnection}
 * connects the official Java client to the cluster's nodes, {@link
 * io.newsarchive.opensearch.OpenSearchSchema} creates the index that mirrors the local one, and the
 * searches run there with the local meaning: the parsed query translated clause for clause, the
 * same filters, counts, cursors, snippets, spelling and feedback.
 */
package io.newsarchive.opensearch;
