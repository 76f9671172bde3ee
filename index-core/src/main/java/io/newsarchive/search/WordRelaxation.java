package io.newsarchive.search;

import io.newsarchive.search.ArticleQueryParser.TextQuery;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What a search does when the words typed find nothing, on every backend alike: it requires fewer
 * of the words in turn ({@link MinimumMatch#inTurn}) while the stricter pass found nothing, and it
 * offers the corrector's spelling of the words typed when the corrected query finds more articles
 * than the query as typed (any, when that found none). The backend gives the passes and the
 * corrector. Stateless.
 */
public final class WordRelaxation {

  /** Whether a pass runs with fewer words required than first asked, which found nothing. */
  public enum Relaxed {
    /** The words as asked. */
    NO,
    /** Fewer words than asked. */
    YES
  }

  /** One pass of a search over the backend's archive. */
  @FunctionalInterface
  public interface Pass {
    /** The result of searching with {@code text}. */
    SearchResult run(TextQuery text, Relaxed relaxed) throws IOException;
  }

  /** The backend's spelling corrector and the count of a corrected request. */
  public interface Spelling {
    /** A corrected query for {@code q}, when one exists. */
    Optional<String> correct(String q) throws IOException;

    /** The number of articles {@code corrected} finds. */
    long count(SearchRequest corrected) throws IOException;
  }

  private WordRelaxation() {}

  /** The answer to {@code request}: its first pass, relaxed passes while needed, a spelling. */
  public static SearchResult answer(
      SearchRequest request, ArticleQueryParser parser, Pass pass, Spelling spelling)
      throws IOException {
    String q = request.get(SearchParameters.QUERY);
    List<MinimumMatch> matches = MinimumMatch.inTurn(request);
    TextQuery text = parser.textQuery(q, matches.get(0));
    SearchResult result = pass.run(text, Relaxed.NO);
    long asTyped = result.total();
    for (MinimumMatch relaxed : matches.subList(1, matches.size())) {
      if (result.total() > 0 || result.timedOut()) {
        break;
      }
      TextQuery looser = parser.textQuery(q, relaxed);
      if (looser.required() < text.required()) {
        text = looser;
        result = pass.run(text, Relaxed.YES);
      }
    }
    // A misspelt word finds few articles or none, and may leave nothing with every word; the
    // corrector only proposes words that no article holds or that are much rarer than a close one.
    if (!q.isEmpty() && !result.timedOut()) {
      Optional<String> corrected = spelling.correct(q);
      if (corrected.isPresent()
          && spelling.count(request.with(SearchParameters.QUERY, corrected.get())) > asTyped) {
        return result.withDidYouMean(corrected.get());
      }
    }
    return result;
  }
}
