/**
 * One OpenSearch node started from its Maven Central jars in a JVM of its own ({@link
 * io.newsarchive.opensearch.node.OpenSearchNodeMain}), for the tests that run against a real
 * OpenSearch. The node brings its own Lucene, so these classes never share a class path with
 * newsarchive's.
 */
package io.newsarchive.opensearch.node;
