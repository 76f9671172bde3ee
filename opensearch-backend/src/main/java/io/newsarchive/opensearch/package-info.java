/**
 * The archive on an OpenSearch cluster: {@link io.newsarchive.opensearch.OpenSearchConnection}
 * connects the official Java client to the cluster's nodes with the credentials of the environment,
 * {@link io.newsarchive.opensearch.OpenSearchSchema} creates and checks the index, and {@link
 * io.newsarchive.opensearch.OpenSearchArticleStore} upserts an ingest's articles into it.
 */
package io.newsarchive.opensearch;
