/**
 * Test fixtures shared by both modules through index-core's test jar: where the shared corpora are,
 * what a test does when an input is missing, hand-written articles, and the Reuters-21578 index
 * built once per build.
 */
package io.newsarchive.testing;
