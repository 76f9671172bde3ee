/**
 * Training the entity model: {@link io.newsarchive.entities.train.EntityModelTrainer} reads
 * CoNLL-2003, learns word statistics from unlabeled news ({@link
 * io.newsarchive.entities.train.WordLexiconBuilder}) and trains the two perceptron passes ({@link
 * io.newsarchive.entities.train.NerTrainer}, each pass's weights learned by {@link
 * io.newsarchive.entities.train.PerceptronTrainer}). Nothing here runs when articles are indexed.
 */
package io.newsarchive.entities.train;
