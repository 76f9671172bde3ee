/** Readers that turn archive files of each supported format into a stream of articles. */
package io.newsarchive.ingest;
