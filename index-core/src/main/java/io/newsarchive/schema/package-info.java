/**
 * The index schema: every Lucene field, its type and analyzer, and the article-document mapping.
 */
package io.newsarchive.schema;
