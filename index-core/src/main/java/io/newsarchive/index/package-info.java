/**
 * Where an ingest stores its articles: the {@link io.newsarchive.index.ArticleStore} contract and
 * the local Lucene index that implements it, with upsert by id, commits and the schema version
 * check.
 */
package io.newsarchive.index;
