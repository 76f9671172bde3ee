package io.newsarchive.index;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An {@link ArticleStore} refused some articles of a batch for what they contain, and stored the
 * rest. Says what happened to the stored ones and why each refused one was refused, so that an
 * ingest counts the first and reports the second, and goes on.
 */
public final class ArticlesRefusedException extends IOException {

  private static final long serialVersionUID = 1L;

  /** How many refusals the message names; the rest are in {@link #refusals()}. */
  private static final int NAMED = 3;

  private final transient List<UpsertOutcome> stored;
  private final transient List<Refusal> refusals;

  /**
   * One refused article.
   *
   * @param position the article's 0-based position in the batch
   * @param articleId the article's id
   * @param reason why the store refused it, in words a person can act on
   */
  public record Refusal(int position, String articleId, String reason) {

    /** Validates that the position is not negative and id and reason are present. */
    public Refusal {
      if (position < 0) {
        throw new IllegalArgumentException("position must not be negative");
      }
      Objects.requireNonNull(articleId, "articleId");
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("a refusal needs a reason");
      }
    }
  }

  /**
   * The refusal of {@code refusals} in a batch whose other articles were stored with the {@code
   * stored} outcomes, in batch order.
   *
   * @throws IllegalArgumentException when no article was refused
   */
  public ArticlesRefusedException(List<UpsertOutcome> stored, List<Refusal> refusals) {
    super(message(refusals));
    this.stored = List.copyOf(stored);
    this.refusals = List.copyOf(refusals);
  }

  /** The outcomes of the articles that were stored, in the order of the batch. */
  public List<UpsertOutcome> stored() {
    return stored;
  }

  /** The refused articles, in the order of the batch. */
  public List<Refusal> refusals() {
    return refusals;
  }

  private static String message(List<Refusal> refusals) {
    if (refusals.isEmpty()) {
      throw new IllegalArgumentException("a refusal needs at least one refused article");
    }
    String named =
        refusals.stream()
            .limit(NAMED)
            .map(r -> "article " + r.articleId() + ": " + r.reason())
            .collect(Collectors.joining("; "));
    int more = refusals.size() - NAMED;
    return "the store refused "
        + refusals.size()
        + (refusals.size() == 1 ? " article: " : " articles: ")
        + named
        + (more > 0 ? "; and " + more + " more" : "");
  }
}
