/** Writing articles into a Lucene index: upsert by id, commits, the schema version check. */
package io.newsarchive.index;
