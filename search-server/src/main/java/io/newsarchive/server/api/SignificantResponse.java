package io.newsarchive.server.api;

import io.newsarchive.article.EntityType;
import io.newsarchive.search.SignificantTerm;
import io.newsarchive.search.SignificantTerms;
import java.util.List;

/**
 * The body of {@code GET /api/significant}.
 *
 * @param terms unusual words of the sampled articles' text, most unusual first
 * @param phrases unusual two-word phrases of the sampled articles' text, most unusual first
 * @param person unusual people
 * @param org unusual organizations
 * @param place unusual places
 * @param sample how many of the best matches were read
 * @param total how many articles match
 */
public record SignificantResponse(
    List<SignificantTerm> terms,
    List<SignificantTerm> phrases,
    List<SignificantTerm> person,
    List<SignificantTerm> org,
    List<SignificantTerm> place,
    int sample,
    long total) {

  /** The body for {@code found}. */
  public static SignificantResponse of(SignificantTerms found) {
    return new SignificantResponse(
        found.terms(),
        found.phrases(),
        found.of(EntityType.PERSON),
        found.of(EntityType.ORGANIZATION),
        found.of(EntityType.LOCATION),
        found.sample(),
        found.total());
  }
}
