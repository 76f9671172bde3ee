/** Writing articles into a Lucene index: upsert by id, commits, progress. */
package io.newsarchive.index;
