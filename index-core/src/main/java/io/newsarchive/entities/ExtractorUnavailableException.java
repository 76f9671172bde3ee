package io.newsarchive.entities;

/**
 * The entity extractor cannot tag any article, because its model could not be loaded: a run ends
 * with it instead of rejecting its articles one by one.
 */
public final class ExtractorUnavailableException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  ExtractorUnavailableException(Throwable cause) {
    super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
  }
}
