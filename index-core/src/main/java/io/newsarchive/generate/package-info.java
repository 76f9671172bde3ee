/**
 * Synthetic archives of any size for load tests, recombined from real articles: {@link
 * CorpusSample} learns what a generated article may be made of, {@link ArchiveGenerator} writes
 * them as JSON Lines.
 */
package io.newsarchive.generate;
