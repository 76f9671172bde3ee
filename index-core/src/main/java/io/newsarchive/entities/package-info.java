/**
 * Named-entity extraction (people, organizations, places) and name normalization.
 *
 * <p>{@link io.newsarchive.entities.NamedEntityExtractor} is the implementation the indexer uses:
 * it tokenizes an article CoNLL-style, tags it with a two-pass averaged-perceptron model trained on
 * CoNLL-2003 (features include word clusters and capitalization statistics learned from unlabeled
 * news, and name lists), and resolves names within the article. {@link
 * io.newsarchive.entities.EntityModelTrainer} trains the model and {@link
 * io.newsarchive.entities.NerEvaluation} scores it with conlleval's exact-span rules.
 */
package io.newsarchive.entities;
