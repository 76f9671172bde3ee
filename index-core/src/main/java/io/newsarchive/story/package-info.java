/**
 * Wire copies grouped as one story: a MinHash signature of each article's words, the LSH band keys
 * that find an article's likely copies by term lookup, the copy rule that sets a source's
 * boilerplate aside, and the matcher that gives an article the story of the copies it has in the
 * index.
 */
package io.newsarchive.story;
