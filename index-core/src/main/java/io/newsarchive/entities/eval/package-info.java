/**
 * Scoring the entity model: {@link io.newsarchive.entities.eval.NerEvaluation} on CoNLL-2003 with
 * conlleval's exact-span rules, and {@link io.newsarchive.entities.eval.CodeCoverage}, how often
 * the places and people tagged in Reuters-21578 cover the collection's own codes. {@link
 * io.newsarchive.entities.eval.ConllCorpus} reads the CoNLL files for training too.
 */
package io.newsarchive.entities.eval;
