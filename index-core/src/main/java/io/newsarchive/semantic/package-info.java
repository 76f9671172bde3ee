/**
 * Sentence embeddings of queries and article passages, computed in process at ingest and at search
 * time, which rank the best articles of a query by meaning beside its words.
 */
package io.newsarchive.semantic;
