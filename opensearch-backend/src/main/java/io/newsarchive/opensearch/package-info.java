/**
 * The archive on an OpenSearch cluster: {@link io.newsarchive.opensearch.OpenSearchConnection}
 * connects the official Java client to the cluster's nodes with the credentials of the environment,
 * {@link io.newsarchive.opensearch.OpenSearchSchema} creates and checks the index that mirrors the
 * local one, {@link io.newsarchive.opensearch.OpenSearchArticleStore} upserts an ingest's articles
 * into it, and {@link io.newsarchive.opensearch.OpenSearchBackend} answers the server from it with
 * the local meaning: the parsed query translated clause for clause, the same filters, counts,
 * cursors, snippets, spelling, feedback and related articles.
 */
package io.newsarchive.opensearch;
