/**
 * Named-entity extraction at run time (people, organizations, places) and name normalization.
 *
 * <p>{@link io.newsarchive.entities.NamedEntityExtractor} is the implementation the indexer uses:
 * it tokenizes an article CoNLL-style, tags it with a two-pass averaged-perceptron model trained on
 * CoNLL-2003 (features include word clusters and capitalization statistics learned from unlabeled
 * news, and name lists), and resolves names within the article. The model is trained in {@code
 * io.newsarchive.entities.train} and scored in {@code io.newsarchive.entities.eval}; the few types
 * those packages need are public for them and say so.
 */
package io.newsarchive.entities;
