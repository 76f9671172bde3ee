package io.newsarchive.search.eval;

import java.util.Objects;

/**
 * One retrieved document of a ranked run.
 *
 * @param docId the document id, as the judgments name it
 * @param score the retrieval score; higher is better
 */
public record ScoredDoc(String docId, double score) {

  /** Validates that the id is present and the score is a number. */
  public ScoredDoc {
    Objects.requireNonNull(docId, "docId");
    if (docId.isBlank()) {
      throw new IllegalArgumentException("a retrieved document needs an id");
    }
    if (Double.isNaN(score)) {
      throw new IllegalArgumentException("score of " + docId + " is not a number");
    }
  }
}
