/**
 * The archive on an OpenSearch cluster: {@link io.newsarchive.opensearch.OpenSearchConnection}
 * connects the official Java client to the cluster's nodes.
 */
package io.newsarchive.opensearch;
